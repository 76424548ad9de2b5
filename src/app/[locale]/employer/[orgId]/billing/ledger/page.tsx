import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmployerShell } from "@/components/employer/employer-shell";
import { loadDashboardOrganization } from "@/components/employer/load-organization";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { LEDGER_KINDS, ledgerFilterQuery, parseLedgerFilter } from "@/lib/billing/ledger-filter";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("billing", "ledger", { index: false });

const PAGE_SIZE = 50;

/** The organisation's ledger: every movement of its balance, filtered by kind and days, a page at a time. */
export default async function LedgerPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, orgId } = await params;
  setRequestLocale(locale);
  const { organization: org, others } = await loadDashboardOrganization(locale, orgId);
  const [t, tErrors] = await Promise.all([
    getTranslations({ locale, namespace: "billing" }),
    getTranslations({ locale, namespace: "errors" }),
  ]);
  const filter = parseLedgerFilter(await searchParams);
  const rangeInvalid = filter.from !== null && filter.to !== null && filter.from >= filter.to;
  const ledger = rangeInvalid
    ? { entries: [], nextBeforeId: null }
    : await api.employer.billing.ledger({
        organizationId: org.id,
        kinds: filter.kind ? [filter.kind] : undefined,
        from: filter.from ?? undefined,
        to: filter.to ?? undefined,
        beforeId: filter.before ?? undefined,
        limit: PAGE_SIZE,
      });
  const base = `/employer/${org.id}/billing/ledger`;
  const query = ledgerFilterQuery(filter);

  return (
    <EmployerShell locale={locale} organization={org} role={org.myRole} others={others} current="billing">
      <nav aria-label={t("sections")}>
        <Link href={`/employer/${org.id}/billing`} className="text-brand-700 underline">
          {t("backToBilling")}
        </Link>
      </nav>
      <h2 className="text-xl font-semibold">{t("ledger")}</h2>

      <form method="get" action="" className="flex flex-wrap items-end gap-3" aria-label={t("ledgerFilter.title")}>
        <label className="flex flex-col gap-1 text-sm">
          {t("ledgerFilter.kind")}
          <select name="kind" defaultValue={filter.kind ?? ""} className="rounded-md border border-gray-300 bg-white px-2 py-2">
            <option value="">{t("ledgerFilter.allKinds")}</option>
            {LEDGER_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`ledgerKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("ledgerFilter.from")}
          <input
            type="date"
            name="from"
            defaultValue={filter.fromDay ?? ""}
            className="rounded-md border border-gray-300 px-2 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("ledgerFilter.to")}
          <input
            type="date"
            name="to"
            defaultValue={filter.toDay ?? ""}
            className="rounded-md border border-gray-300 px-2 py-2"
          />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white">
          {t("ledgerFilter.apply")}
        </button>
        {query ? (
          <Link href={base} className="py-2 text-brand-700 underline">
            {t("ledgerFilter.reset")}
          </Link>
        ) : null}
      </form>

      <p>
        <a href={`/api/billing/ledger/${org.id}/csv${query}`} className="text-brand-700 underline" download>
          {t("ledgerCsv")}
        </a>
      </p>

      {rangeInvalid ? <Alert tone="error">{tErrors("billing.dateRangeInvalid")}</Alert> : null}

      {ledger.entries.length === 0 ? (
        <p className="text-gray-700">{t("ledgerEmpty")}</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="ledger">
          {ledger.entries.map((entry) => (
            <li
              key={entry.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-md border border-gray-200 bg-white p-3"
            >
              <div className="min-w-0">
                <p className="font-medium">
                  {t(`ledgerKind.${entry.kind}`)}
                  {entry.order?.number ? ` · ${t("order", { number: entry.order.number })}` : ""}
                </p>
                <p className="text-sm text-gray-700">
                  {formatDate(entry.createdAt, locale, "medium", { time: true })}
                  {entry.reason ? ` · ${entry.reason}` : ""}
                </p>
              </div>
              <div className="text-right">
                <p className="font-semibold whitespace-nowrap">{formatTiyn(entry.amountTiyn)}</p>
                <p className="text-sm whitespace-nowrap text-gray-700">
                  {t("balanceAfter", { amount: formatTiyn(entry.balanceAfterTiyn) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}

      <nav aria-label={t("pages")} className="flex flex-wrap gap-4">
        {filter.before !== null ? (
          <Link href={`${base}${query}`} className="text-brand-700 underline">
            {t("newest")}
          </Link>
        ) : null}
        {ledger.nextBeforeId !== null ? (
          <Link href={`${base}${ledgerFilterQuery(filter, ledger.nextBeforeId)}`} className="text-brand-700 underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </EmployerShell>
  );
}
