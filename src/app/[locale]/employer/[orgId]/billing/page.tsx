import { getTranslations, setRequestLocale } from "next-intl/server";

import { BillingCart } from "@/components/employer/billing/billing-cart";
import { BillingOffers, type OfferProduct } from "@/components/employer/billing/billing-offers";
import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate, formatTiyn } from "@/lib/format";
import { localName } from "@/lib/local-name";
import { api } from "@/trpc/server";
import { getCatalog, specializationGroups } from "@/server/services/catalog/catalog";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("billing", "title", { index: false });

/** An employer's money: balance, what it has bought, the cart, orders and the ledger. */
export default async function BillingPage({ params }: { params: Promise<{ locale: string; orgId: string }> }) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadDashboardOrganization(locale, orgId);
  const t = await getTranslations({ locale, namespace: "billing" });
  const organizationId = org.id;
  const canBuy = org.myRole === "OWNER" || org.myRole === "MANAGER";
  const buys = canBuy && org.verification === "VERIFIED" && !org.blockedAt;
  const [overview, prices, orders, ledger, cart] = await Promise.all([
    api.employer.billing.overview({ organizationId }),
    api.employer.billing.prices({ organizationId }),
    api.employer.billing.orders({ organizationId }),
    api.employer.billing.ledger({ organizationId, limit: 20 }),
    buys ? api.employer.billing.cart({ organizationId }) : Promise.resolve(null),
  ]);
  const name = (p: { nameRu: string; nameKk: string }) => localName(p, locale);
  const offer = (p: (typeof prices)[number], price: string): OfferProduct => ({
    code: p.code,
    name: name(p),
    price,
    maxQuantity: p.maxQuantity,
  });
  const priceOf = (p: (typeof prices)[number]) => formatTiyn(p.price.priceTiyn);
  const publications = prices
    .filter((p) => p.kind === "VACANCY_PUBLICATION")
    .map((p) => offer(p, t("price", { price: priceOf(p) })));
  const accesses = prices
    .filter((p) => p.kind === "RESUME_ACCESS")
    .map((p) => ({
      code: p.code,
      label: t("accessOption", { name: name(p), views: p.units ?? 0, price: priceOf(p) }),
    }));
  const viewPacks = prices
    .filter((p) => p.kind === "CONTACT_VIEWS")
    .map((p) => offer(p, t("viewPackPrice", { price: priceOf(p) })));
  const catalog = accesses.length > 0 ? await getCatalog() : null;
  const regions = (catalog?.regions ?? []).map((r) => ({ id: r.id, name: name(r) }));
  const groups = accesses.length > 0 ? await specializationGroups(locale) : [];
  const lineName = (line: NonNullable<typeof cart>["lines"][number]) => {
    const region = line.regionId ? catalog?.regionById.get(line.regionId) : undefined;
    const specialization = line.specializationId ? catalog?.specializationById.get(line.specializationId) : undefined;
    if (!region) return name(line);
    return t("accessLine", {
      name: name(line),
      region: name(region),
      specialization: specialization ? name(specialization) : t("allSpecializations"),
    });
  };
  const accessRunning = overview.entitlements.some((e) => e.active && e.kind === "RESUME_ACCESS");

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <nav aria-label={t("sections")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link href={`/employer/${organizationId}/billing/orders`} className="text-brand-700 underline">
              {t("allOrders")}
            </Link>
          </li>
          <li>
            <Link href={`/employer/${organizationId}/billing/ledger`} className="text-brand-700 underline">
              {t("allLedger")}
            </Link>
          </li>
          <li>
            <Link href="/prices" className="text-brand-700 underline">
              {t("priceList")}
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="balance" className="flex flex-col gap-2">
        <h2 id="balance" className="text-xl font-semibold">
          {t("balance")}: <span data-testid="balance">{formatTiyn(overview.balanceTiyn)}</span>
        </h2>
        <p className="text-sm text-gray-700">{t("balanceHint")}</p>
      </section>

      <section aria-labelledby="credits" className="flex flex-col gap-3">
        <h2 id="credits" className="text-xl font-semibold">
          {t("credits")}
        </h2>
        {overview.entitlements.length === 0 ? (
          <p className="text-gray-700">{t("noCredits")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="entitlements">
            {overview.entitlements.map((e) => (
              <li
                key={e.id}
                className={`rounded-md border p-3 ${e.active ? "border-gray-200 bg-white" : "border-gray-200 bg-gray-50 text-gray-700"}`}
              >
                <p className="font-medium">
                  {name(e.product)}
                  {e.region ? ` — ${name(e.region)}` : ""}
                  {e.specialization ? `, ${name(e.specialization)}` : ""}
                </p>
                <p className="text-sm">
                  {e.active
                    ? `${t("unitsLeft", { left: e.unitsLeft, total: e.unitsTotal })} · ${t("validUntil", { date: formatDate(e.validUntil, locale, "long") })}`
                    : t("lapsed", { date: formatDate(e.validUntil, locale, "long"), forfeited: e.unitsForfeited })}
                  {e.order.number ? ` · ${t("order", { number: e.order.number })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!canBuy ? (
        <Alert tone="info">{t("observerNote")}</Alert>
      ) : !buys ? (
        <Alert tone="info">{t("notVerified")}</Alert>
      ) : (
        <ClientMessages locale={locale} namespaces={["billing", "errors", "validation"]}>
          <BillingOffers
            organizationId={organizationId}
            publications={publications}
            accesses={accesses}
            viewPacks={viewPacks}
            regions={regions}
            specializationGroups={groups}
            accessRunning={accessRunning}
          />
          <BillingCart
            organizationId={organizationId}
            locale={locale}
            cart={
              cart
                ? {
                    lines: cart.lines.map((l) => ({
                      id: l.id,
                      name: lineName(l),
                      quantity: l.quantity,
                      maxQuantity: l.maxQuantity,
                      amount: l.amountTiyn === null ? "—" : formatTiyn(l.amountTiyn),
                    })),
                    total: formatTiyn(cart.amountTiyn),
                    vat: formatTiyn(cart.vatTiyn),
                    coveredByBalance: overview.balanceTiyn >= cart.amountTiyn,
                  }
                : null
            }
          />
        </ClientMessages>
      )}

      <section aria-labelledby="orders" className="flex flex-col gap-3">
        <h2 id="orders" className="text-xl font-semibold">
          {t("orders")}
        </h2>
        {orders.orders.length === 0 ? (
          <p className="text-gray-700">{t("noOrders")}</p>
        ) : (
          <ul className="flex flex-col gap-2" data-testid="orders">
            {orders.orders.map((o) => (
              <li key={o.id} className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-3">
                <p className="font-medium">
                  <Link href={`/employer/${organizationId}/billing/orders/${o.id}`} className="text-brand-700 underline">
                    {t("orderTitle", { number: o.number ?? "—" })}
                  </Link>{" "}
                  · {t(`orderStatus.${o.status as "PENDING"}`)}
                </p>
                <p className="text-sm text-gray-700">
                  {o.amountTiyn === null ? null : formatTiyn(o.amountTiyn)}
                  {o.checkedOutAt ? ` · ${formatDate(o.checkedOutAt, locale, "medium")}` : null}
                  {o.status === "PENDING" && o.expiresAt
                    ? ` · ${t("payUntil", { date: formatDate(o.expiresAt, locale, "long", { time: true }) })}`
                    : null}
                  {o.invoice ? ` · ${t("invoice", { number: o.invoice.number })}` : null}
                  {o.act ? ` · ${t("act", { number: o.act.number })}` : null}
                </p>
                {o.status === "PENDING" && o.paymentMethod === "CARD" && buys ? (
                  <Link href={`/employer/${organizationId}/billing/pay/${o.id}`} className="self-start text-brand-700 underline">
                    {t("goPay")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="ledger" className="flex flex-col gap-3">
        <h2 id="ledger" className="text-xl font-semibold">
          {t("ledger")}
        </h2>
        {ledger.entries.length === 0 ? (
          <p className="text-gray-700">{t("ledgerEmpty")}</p>
        ) : (
          <div tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700">
            <table className="w-full min-w-[28rem] text-left text-sm" data-testid="ledger">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">
                    {t("ledgerColumns.date")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("ledgerColumns.kind")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("ledgerColumns.amount")}
                  </th>
                  <th scope="col" className="py-2 text-right">
                    {t("ledgerColumns.balance")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ledger.entries.map((entry) => (
                  <tr key={entry.id} className="border-b border-gray-100">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatDate(entry.createdAt, locale, "short")}</td>
                    <td className="py-2 pr-3">
                      {t(`ledgerKind.${entry.kind}`)}
                      {entry.order?.number ? ` · ${entry.order.number}` : ""}
                      {entry.reason ? ` · ${entry.reason}` : ""}
                    </td>
                    <td className="py-2 pr-3 text-right whitespace-nowrap">{formatTiyn(entry.amountTiyn)}</td>
                    <td className="py-2 text-right whitespace-nowrap">{formatTiyn(entry.balanceAfterTiyn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </EmployerShell>
  );
}
