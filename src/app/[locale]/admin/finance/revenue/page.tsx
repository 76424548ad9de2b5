import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { FinancePage, TableBox, dayParam, requireFinanceStaff, td, th } from "@/components/admin/finance/finance-page";
import { RevenueChart } from "@/components/admin/finance/revenue-chart";
import { almatyDay } from "@/lib/almaty-time";
import { formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

const DAY = 86_400_000;

export default async function FinanceRevenuePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const role = await requireFinanceStaff(locale);
  const search = await searchParams;
  const t = await getTranslations({ locale, namespace: "finance" });
  const today = dayParam(almatyDay(new Date()))!;
  const from = dayParam(search.from) ?? new Date(today.getTime() - 29 * DAY);
  // The form's "to" is the last day shown, included.
  const toDay = dayParam(search.to) ?? today;
  const to = new Date(toDay.getTime() + DAY);
  const valid = from < to && to.getTime() - from.getTime() <= 366 * DAY;
  const data = valid ? await api.admin.finance.revenue({ from, to }) : null;
  const sum = (rows: { amountTiyn: bigint; vatTiyn: bigint }[]) =>
    rows.reduce((acc, r) => ({ amount: acc.amount + r.amountTiyn, vat: acc.vat + r.vatTiyn }), { amount: 0n, vat: 0n });
  const total = data ? sum(data.byDay) : null;
  const field = "rounded-md border border-gray-400 px-2 py-1";
  return (
    <FinancePage locale={locale} role={role} current="revenue" title={t("revenue.title")}>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-md border border-gray-200 bg-white p-4"
        aria-label={t("filters")}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t("from")}
          <input type="date" name="from" defaultValue={almatyDay(from)} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("to")}
          <input type="date" name="to" defaultValue={almatyDay(toDay)} className={field} />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-white">
          {t("apply")}
        </button>
      </form>
      <p className="text-sm text-gray-700">{t("revenue.hint")}</p>
      {!data || !total ? (
        <p role="alert">{t("rangeInvalid")}</p>
      ) : (
        <>
          <p>
            {t("revenue.total")}: <strong>{formatTiyn(total.amount)}</strong>, {t("vatIncluded")}: {formatTiyn(total.vat)}
          </p>
          <RevenueChart
            days={data.byDay.map((d) => ({
              day: d.day,
              net: Number(d.amountTiyn - d.vatTiyn) / 100,
              vat: Number(d.vatTiyn) / 100,
            }))}
            labels={{ net: t("revenue.net"), vat: t("vat") }}
          />
          <TableBox>
            <table className="w-full text-sm">
              <caption className="px-3 py-2 text-left font-semibold">{t("revenue.byDay")}</caption>
              <thead className="bg-gray-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("revenue.day")}
                  </th>
                  <th scope="col" className={th}>
                    {t("revenue.orders")}
                  </th>
                  <th scope="col" className={th}>
                    {t("revenue.net")}
                  </th>
                  <th scope="col" className={th}>
                    {t("vat")}
                  </th>
                  <th scope="col" className={th}>
                    {t("amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byDay.map((d) => (
                  <tr key={d.day} className="border-t border-gray-200">
                    <th scope="row" className={`${td} text-left font-normal whitespace-nowrap`}>
                      {`${d.day.slice(8, 10)}.${d.day.slice(5, 7)}.${d.day.slice(0, 4)}`}
                    </th>
                    <td className={td}>{d.orders}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(d.amountTiyn - d.vatTiyn)}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(d.vatTiyn)}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(d.amountTiyn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
          <TableBox>
            <table className="w-full text-sm">
              <caption className="px-3 py-2 text-left font-semibold">{t("revenue.byProduct")}</caption>
              <thead className="bg-gray-50">
                <tr>
                  <th scope="col" className={th}>
                    {t("product")}
                  </th>
                  <th scope="col" className={th}>
                    {t("quantity")}
                  </th>
                  <th scope="col" className={th}>
                    {t("revenue.net")}
                  </th>
                  <th scope="col" className={th}>
                    {t("vat")}
                  </th>
                  <th scope="col" className={th}>
                    {t("amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.byProduct.map((p) => (
                  <tr key={p.code} className="border-t border-gray-200">
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {locale === "kk" ? p.nameKk : p.nameRu}
                    </th>
                    <td className={td}>{p.quantity}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(p.amountTiyn - p.vatTiyn)}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(p.vatTiyn)}</td>
                    <td className={`${td} whitespace-nowrap`}>{formatTiyn(p.amountTiyn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </>
      )}
    </FinancePage>
  );
}
