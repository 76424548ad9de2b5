import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { VacancyList } from "@/components/vacancy/vacancy-list";
import { Link } from "@/i18n/navigation";
import { searchParamsToQuery } from "@/lib/search/params";
import { SEARCH_PATH } from "@/lib/urls";
import { getCatalog } from "@/server/services/catalog/catalog";
import { getGoneVacancy, similarVacancies } from "@/server/services/vacancies/public-vacancy";

// Reached only through the proxy, which answers 410 for a vacancy that was public and is no
// longer: the page explains it, offers similar vacancies and keeps itself out of search indexes.
export const dynamic = "force-dynamic";

type Params = Promise<{ locale: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "vacancyPage" });
  // No robots tag here: the page is only ever sent with status 410, for which Next writes
  // `<meta name="robots" content="noindex">` itself; a second tag would contradict or repeat it.
  return { title: t("goneTitle") };
}

export default async function GoneVacancyPage({ params }: { params: Params }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const vacancy = /^\d{1,9}$/.test(id) ? await getGoneVacancy(Number(id)) : null;
  if (!vacancy) notFound();
  const t = await getTranslations({ locale, namespace: "vacancyPage" });
  const [similar, catalog] = await Promise.all([
    similarVacancies({ id: vacancy.id, cityId: vacancy.cityId, specializationIds: vacancy.specializationIds }),
    getCatalog(),
  ]);
  const specSlugs = vacancy.specializationIds.flatMap((sid) => catalog.specializationById.get(sid)?.slug ?? []);
  const searchHref = `${SEARCH_PATH}?${searchParamsToQuery({ city: vacancy.city.slug, specializations: specSlugs })}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-3 rounded-lg border border-gray-200 bg-white p-6">
        <h1 className="text-2xl font-bold">{vacancy.title ? t("goneNamed", { title: vacancy.title }) : t("goneTitle")}</h1>
        <p className="text-gray-800">{t("goneText")}</p>
        <p>
          <Link href={searchHref} className="font-medium text-brand-800 underline">
            {t("searchSimilar")}
          </Link>
        </p>
      </div>
      {similar.length ? <VacancyList id="similar-heading" title={t("similar")} vacancies={similar} /> : null}
    </div>
  );
}
