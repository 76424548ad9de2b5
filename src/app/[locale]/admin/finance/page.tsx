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

const STATUSES = ["PENDING", "PAID", "ACTIVATED", "CANCELLED", "EXPIRED"] as const;
const METHODS = ["CARD", "INVOICE", "BALANCE"] as const;

type Search = Record<string, string | string[] | undefined>;

export default async function FinanceOrdersPage({
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
    status: oneOf(search.status, STATUSES),
    method: oneOf(search.method, METHODS),
    number: typeof search.number === "string" ? search.number.slice(0, 30) : undefined,
    organizationId: typeof search.org === "string" && /^\d{1,9}$/.test(search.org) ? Number(search.org) : undefined,
    from: dayParam(search.from),
    to: dayParam(search.to),
    page: pageParam(search.page),
  };
  const validRange = !(filter.from && filter.to && filter.from > filter.to);
  const result = validRange ? await api.admin.finance.orders(filter) : null;
  const query = (page: number) => filteredPageHref("/admin/finance", search, page);
  return (
    <FinancePage locale={locale} role={role} current="orders" title={t("orders.title")}>
      <FilterForm label={t("filters")} submit={t("apply")}>
        <FilterInput label={t("orders.number")} name="number" value={filter.number} maxLength={30} />
        <FilterSelect
          label={t("orders.status")}
          name="status"
          value={filter.status}
          any={t("any")}
          options={STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
        />
        <FilterSelect
          label={t("orders.method")}
          name="method"
          value={filter.method}
          any={t("any")}
          options={METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        />
        <FilterInput label={t("orders.organization")} name="org" value={filter.organizationId} inputMode="numeric" />
        <FilterInput label={t("from")} name="from" type="date" value={rawParam(search.from)} />
        <FilterInput label={t("to")} name="to" type="date" value={rawParam(search.to)} />
      </FilterForm>
      {!result ? (
        <p role="alert">{t("rangeInvalid")}</p>
      ) : result.orders.length === 0 ? (
        <p className="text-gray-700">{t("orders.empty")}</p>
      ) : (
        <TableBox>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("orders.title")}</caption>
            <thead className="bg-gray-50">
              <tr>
                <th scope="col" className={th}>
                  {t("orders.number")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.organization")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.status")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.method")}
                </th>
                <th scope="col" className={th}>
                  {t("amount")}
                </th>
                <th scope="col" className={th}>
                  {t("orders.checkedOut")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.orders.map((o) => (
                <tr key={o.id} className="border-t border-gray-200">
                  <td className={td}>
                    <Link href={`/admin/finance/orders/${o.id}`} className="text-brand-700 underline">
                      {o.number ?? `#${o.id}`}
                    </Link>
                  </td>
                  <td className={td}>
                    <Link href={`/admin/finance/organizations/${o.organization.id}`} className="underline">
                      {o.organization.displayName}
                    </Link>
                  </td>
                  <td className={td}>{t(`orderStatus.${o.status as (typeof STATUSES)[number]}`)}</td>
                  <td className={td}>{o.paymentMethod ? t(`method.${o.paymentMethod}`) : "—"}</td>
                  <td className={`${td} whitespace-nowrap`}>{o.amountTiyn !== null ? formatTiyn(o.amountTiyn) : "—"}</td>
                  <td className={td}>{o.checkedOutAt ? formatDate(o.checkedOutAt, locale, "short") : "—"}</td>
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
