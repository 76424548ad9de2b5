import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { defaultLocale, isLocale } from "@/i18n/routing";
import { salaryParts } from "@/lib/format";
import { parseIdSlug } from "@/lib/urls";
import { ogImage } from "@/server/seo/og-image";
import { getPublicVacancy } from "@/server/services/vacancies/public-vacancy";

// What a shared link to the vacancy shows: title, salary, city and employer (never the
// organisation of an anonymous vacancy).
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Jumys";
export const revalidate = 3600;

export default async function Image({ params }: { params: Promise<{ locale: string; idSlug: string }> }) {
  const { locale: requested, idSlug } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const parsed = parseIdSlug(idSlug);
  const vacancy = parsed ? await getPublicVacancy(parsed.id) : null;
  if (!vacancy) notFound();
  const [tv, og] = await Promise.all([
    getTranslations({ locale, namespace: "vacancy" }),
    getTranslations({ locale, namespace: "og" }),
  ]);
  const salary = salaryParts(vacancy.salaryFrom, vacancy.salaryTo);
  const city = locale === "kk" ? vacancy.city.nameKk : vacancy.city.nameRu;
  return ogImage({
    kicker: og("vacancy"),
    title: vacancy.title,
    lines: [
      salary.kind === "none" ? tv("salary.byAgreement") : tv(`salary.${salary.kind}`, salary),
      `${city} · ${vacancy.company?.name ?? tv("anonymousCompany")}`,
    ],
    footer: og("footer"),
  });
}
