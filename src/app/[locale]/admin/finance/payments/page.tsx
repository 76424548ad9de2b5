import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import {
  FinancePage,
  TableBox,
  dayParam,
  oneOf,
  pageParam,
  requireFinanceStaff,
  td,
  th,
} from "@/components/admin/finance/finance-page";
import { FilterForm, FilterInput, FilterSelect, filteredPageHref, rawParam } from "@/components/admin/filter-form";
import { Link } from "@/i18n/navigation";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const PROVIDERS = ["CLOUDPAYMENTS", "FREEDOMPAY", "STRIPE", "BANK_TRANSFER"] as const;
const STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
type Search = Record<string, string | string[] | undefined>;

export default async function FinancePaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const role = await requireFinanceStaff(locale);
  const search = await searchParams;
  const t = await getTranslations({ locale, namespace: "finance" });
  const filter = {
    provider: oneOf(search.provider, PROVIDERS),
    status: oneOf(search.status, STATUSES),
    from: dayParam(search.from),
    to: dayParam(search.to),
    page: pageParam(search.page),
  };
  const result = filter.from && filter.to && filter.from > filter.to ? null : await api.admin.finance.payments(filter);
  const query = (page: number) => filteredPageHref("/admin/finance/payments", search, page);
  return (
    <FinancePage locale={locale} role={role} current="payments" title={t("payments.title")}>
      <FilterForm label={t("filters")} submit={t("apply")} columns={4}>
        <FilterSelect
          label={t("payments.provider")}
          name="provider"
          value={filter.provider}
          any={t("any")}
          options={PROVIDERS.map((p) => ({ value: p, label: t(`provider.${p}`) }))}
        />
        <FilterSelect
          label={t("payments.status")}
          name="status"
          value={filter.status}
          any={t("any")}
          options={STATUSES.map((s) => ({ value: s, label: t(`paymentStatus.${s}`) }))}
        />
        <FilterInput label={t("from")} name="from" type="date" value={rawParam(search.from)} />
        <FilterInput label={t("to")} name="to" type="date" value={rawParam(search.to)} />
      </FilterForm>
      <p className="text-sm text-gray-700">{t("payments.hint")}</p>
      {!result ? (
        <p role="alert">{t("rangeInvalid")}</p>
      ) : result.payments.length === 0 ? (
        <p className="text-gray-700">{t("payments.empty")}</p>
      ) : (
        <TableBox>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("payments.title")}</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={th}>
                  {t("payments.paidAt")}
                </th>
                <th scope="col" className={th}>
                  {t("payments.provider")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.number")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.organization")}
                </th>
                <th scope="col" className={th}>
                  {t("amount")}
                </th>
                <th scope="col" className={th}>
                  {t("payments.status")}
                </th>
                <th scope="col" className={th}>
                  {t("payments.outcome")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.payments.map((p) => (
                <tr key={p.id} className={`border-t border-gray-200 ${p.outcome === "CREDITED" ? "bg-amber-50" : ""}`}>
                  <td className={td}>{formatDate(p.paidAt, locale, "short")}</td>
                  <td className={td}>{t(`provider.${p.provider}`)}</td>
                  <td className={td}>
                    <Link href={`/admin/finance/orders/${p.order.id}`} className="text-brand-700 underline">
                      {p.order.number ?? `#${p.order.id}`}
                    </Link>
                  </td>
                  <td className={td}>
                    <Link href={`/admin/finance/organizations/${p.organization.id}`} className="underline">
                      {p.organization.displayName}
                    </Link>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>{formatTiyn(p.amountTiyn)}</td>
                  <td className={td}>{t(`paymentStatus.${p.status}`)}</td>
                  <td className={td}>{p.outcome === "CREDITED" ? t("payments.credited") : t("payments.activated")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}
      {result && result.pages > 1 ? (
        <nav aria-label={t("pages")} className="flex flex-wrap items-center gap-3 text-sm">
          {result.page > 1 ? <Link href={query(result.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages ? <Link href={query(result.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </FinancePage>
  );
}
