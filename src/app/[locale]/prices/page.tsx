import { getTranslations, setRequestLocale } from "next-intl/server";

import type { ProductKind } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { formatTiyn } from "@/lib/format";
import { publicPriceList, type PublicPrice } from "@/server/services/billing/tariffs";

// The same for everyone; a new price version shows within the hour.
export const revalidate = 3600;

export const generateMetadata = titleMetadata("prices", "title", { index: true, path: "/prices" });

const GROUPS: readonly ProductKind[] = ["VACANCY_PUBLICATION", "RESUME_ACCESS", "CONTACT_VIEWS", "SCHOOL_PLAN"];

/** The tariffs in force: every product on sale with its price in tenge, VAT included. */
export default async function PricesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tBilling, prices] = await Promise.all([
    getTranslations({ locale, namespace: "prices" }),
    getTranslations({ locale, namespace: "billing" }),
    publicPriceList(),
  ]);
  const name = (p: PublicPrice) => (locale === "kk" ? p.nameKk : p.nameRu);
  const details = (p: PublicPrice): string | null => {
    if (p.kind === "RESUME_ACCESS" && p.accessDays !== null && p.units !== null)
      return t("accessDetails", { days: p.accessDays, units: p.units });
    if (p.kind === "CONTACT_VIEWS") return t("viewsDetails");
    if (p.kind === "SCHOOL_PLAN" && p.accessDays !== null) return t("planDetails", { days: p.accessDays });
    return null;
  };
  const groups = GROUPS.map((kind) => ({ kind, items: prices.filter((p) => p.kind === kind) })).filter((g) => g.items.length > 0);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-8">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="text-gray-700">{t("intro")}</p>
      </header>
      {groups.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        groups.map((group) => (
          <section key={group.kind} aria-labelledby={`group-${group.kind}`} className="flex flex-col gap-3">
            <h2 id={`group-${group.kind}`} className="text-xl font-semibold">
              {t(`groups.${group.kind}`)}
            </h2>
            {group.kind === "VACANCY_PUBLICATION" && <p className="text-sm text-gray-700">{tBilling("validityRule")}</p>}
            <ul className="flex flex-col gap-2" data-testid={`prices-${group.kind}`}>
              {group.items.map((p) => {
                const more = details(p);
                return (
                  <li
                    key={p.code}
                    className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-md border border-gray-200 bg-white p-3"
                  >
                    <div className="min-w-0">
                      <p className="font-medium break-words">{name(p)}</p>
                      {more && <p className="text-sm text-gray-700">{more}</p>}
                    </div>
                    <div className="text-right">
                      <p className="font-semibold whitespace-nowrap">{formatTiyn(p.priceTiyn)}</p>
                      <p className="text-sm text-gray-700">
                        {t("vat", { rate: (p.vatRate / 100).toString(), amount: formatTiyn(p.vatTiyn) })}
                      </p>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      <section aria-labelledby="buy" className="flex flex-col gap-2 rounded-md border border-gray-200 bg-gray-50 p-4">
        <h2 id="buy" className="text-lg font-semibold">
          {t("buyTitle")}
        </h2>
        <p className="text-gray-700">{t("buyHint")}</p>
        <p>
          <Link href="/employer" className="font-medium text-brand-700 underline">
            {t("buyLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
