import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { PriceVersionForm } from "@/components/admin/finance/finance-forms";
import { FinancePage, TableBox, requireFinanceStaff, td, th } from "@/components/admin/finance/finance-page";
import { formatDate, formatTiyn } from "@/lib/format";
import { api } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function FinanceTariffsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const role = await requireFinanceStaff(locale);
  const t = await getTranslations({ locale, namespace: "finance" });
  const products = await api.admin.finance.tariffs();
  const now = new Date();
  return (
    <FinancePage locale={locale} role={role} current="tariffs" title={t("tariffs.title")}>
      <p className="text-sm text-gray-700">{t("tariffs.hint")}</p>
      {products.map((p) => {
        const name = locale === "kk" ? p.nameKk : p.nameRu;
        const current = p.prices.find((price) => price.validFrom <= now);
        return (
          <section key={p.id} aria-labelledby={`product-${p.id}`} className="flex flex-col gap-2">
            <h2 id={`product-${p.id}`} className="text-lg font-semibold break-words">
              {name} <span className="text-sm font-normal text-gray-700">({p.code})</span>
            </h2>
            <TableBox>
              <table className="w-full text-sm">
                <caption className="sr-only">{t("tariffs.versions", { name })}</caption>
                <thead className="bg-gray-50">
                  <tr>
                    <th scope="col" className={th}>
                      {t("forms.validFrom")}
                    </th>
                    <th scope="col" className={th}>
                      {t("forms.price")}
                    </th>
                    <th scope="col" className={th}>
                      {t("forms.vat")}
                    </th>
                    <th scope="col" className={th}>
                      {t("tariffs.state")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.prices.map((price) => (
                    <tr key={price.id} className="border-t border-gray-200">
                      <td className={td}>{formatDate(price.validFrom, locale, "short")}</td>
                      <td className={`${td} whitespace-nowrap`}>{formatTiyn(price.priceTiyn)}</td>
                      <td className={td}>{(price.vatRate / 100).toLocaleString(locale === "kk" ? "kk-KZ" : "ru-RU")} %</td>
                      <td className={td}>
                        {price.id === current?.id
                          ? t("tariffs.inForce")
                          : price.validFrom > now
                            ? t("tariffs.planned")
                            : t("tariffs.past")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
            <PriceVersionForm productCode={p.code} productName={name} />
          </section>
        );
      })}
    </FinancePage>
  );
}
