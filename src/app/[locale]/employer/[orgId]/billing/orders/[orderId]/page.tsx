import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("billing", "orders", { index: false });

type Status = "PENDING" | "PAID" | "ACTIVATED" | "CANCELLED" | "EXPIRED";

/** One order: its status, lines, payments and the invoice and act to download. */
export default async function OrderPage({ params }: { params: Promise<{ locale: string; orgId: string; orderId: string }> }) {
  const { locale, orgId, orderId: orderParam } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadDashboardOrganization(locale, orgId);
  const orderId = /^\d{1,9}$/.test(orderParam) ? Number(orderParam) : 0;
  if (orderId < 1) notFound();
  const t = await getTranslations({ locale, namespace: "billing" });
  const order = await api.employer.billing.order({ organizationId: org.id, orderId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const name = (p: { nameRu: string; nameKk: string }) => (locale === "kk" ? p.nameKk : p.nameRu);
  const buys = (org.myRole === "OWNER" || org.myRole === "MANAGER") && org.verification === "VERIFIED" && !org.blockedAt;
  const date = (value: Date | null) => (value ? formatDate(value, locale, "long", { time: true }) : null);

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <nav aria-label={t("sections")}>
        <Link href={`/employer/${org.id}/billing/orders`} className="text-brand-700 underline">
          {t("backToOrders")}
        </Link>
      </nav>
      <h2 className="text-xl font-semibold">
        {t("orderTitle", { number: order.number ?? "—" })} ·{" "}
        <span data-testid="order-status">{t(`orderStatus.${order.status as Status}`)}</span>
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {order.paymentMethod ? (
          <>
            <dt className="text-gray-700">{t("methodLabel")}</dt>
            <dd>{t(`method.${order.paymentMethod}`)}</dd>
          </>
        ) : null}
        {order.checkedOutAt ? (
          <>
            <dt className="text-gray-700">{t("checkedOutAt")}</dt>
            <dd>{date(order.checkedOutAt)}</dd>
          </>
        ) : null}
        {order.status === "PENDING" && order.expiresAt ? (
          <>
            <dt className="text-gray-700">{t("payBy")}</dt>
            <dd>{date(order.expiresAt)}</dd>
          </>
        ) : null}
        {order.activatedAt ? (
          <>
            <dt className="text-gray-700">{t("activatedAt")}</dt>
            <dd>{date(order.activatedAt)}</dd>
          </>
        ) : null}
      </dl>

      {order.status === "PENDING" && order.paymentMethod === "CARD" && buys ? (
        <Link href={`/employer/${org.id}/billing/pay/${order.id}`} className="self-start text-brand-700 underline">
          {t("goPay")}
        </Link>
      ) : null}

      <section aria-labelledby="lines" className="flex flex-col gap-2">
        <h3 id="lines" className="text-lg font-semibold">
          {t("lines")}
        </h3>
        <ul className="flex flex-col gap-2" data-testid="order-lines">
          {order.lines.map((line) => (
            <li
              key={line.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-md border border-gray-200 bg-white p-3"
            >
              <p className="min-w-0 font-medium">
                {t("line", { name: name(line.product), quantity: line.quantity })}
                {line.region ? ` — ${name(line.region)}` : ""}
                {line.specialization ? `, ${name(line.specialization)}` : ""}
              </p>
              <p className="whitespace-nowrap">{line.amountTiyn === null ? "—" : formatTiyn(line.amountTiyn)}</p>
            </li>
          ))}
        </ul>
        {order.amountTiyn !== null ? (
          <p className="font-semibold">
            {t("total", { amount: formatTiyn(order.amountTiyn) })}
            {order.vatTiyn !== null ? (
              <span className="font-normal text-gray-700"> · {t("vat", { amount: formatTiyn(order.vatTiyn) })}</span>
            ) : null}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="payments" className="flex flex-col gap-2">
        <h3 id="payments" className="text-lg font-semibold">
          {t("payments")}
        </h3>
        {order.payments.length === 0 ? (
          <p className="text-gray-700">{t("noPayments")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {order.payments.map((p) => (
              <li key={p.id}>
                {formatDate(p.paidAt, locale, "long", { time: true })} · {t(`provider.${p.provider}`)} ·{" "}
                {formatTiyn(p.amountTiyn)} · {t(`paymentStatus.${p.status}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="documents" className="flex flex-col gap-2">
        <h3 id="documents" className="text-lg font-semibold">
          {t("documents")}
        </h3>
        {!order.invoice && !order.act ? (
          <p className="text-gray-700">{t("noDocuments")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {order.invoice ? (
              <li>
                <a
                  href={`/api/billing/invoices/${order.invoice.id}/pdf?lang=${locale}`}
                  className="text-brand-700 underline"
                  data-testid="invoice-link"
                >
                  {t("invoicePdf", { number: order.invoice.number })}
                </a>
              </li>
            ) : null}
            {order.act ? (
              <li>
                <a
                  href={`/api/billing/acts/${order.act.id}/pdf?lang=${locale}`}
                  className="text-brand-700 underline"
                  data-testid="act-link"
                >
                  {t("actPdf", { number: order.act.number })}
                </a>
              </li>
            ) : null}
          </ul>
        )}
      </section>
    </EmployerShell>
  );
}
