import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { LandingPage } from "@/components/landing-page";
import { getEnv } from "@/env";
import { locales, type AppLocale } from "@/i18n/routing";
import { EMPTY_SEARCH } from "@/lib/search/params";
import { absoluteUrl, jobsInCityPath } from "@/lib/urls";
import { getCatalog, localName } from "@/server/services/catalog/catalog";
import { landingCounts } from "@/server/services/search/landing";
import { searchVacancies } from "@/server/services/search/search-vacancies";

// All vacancies of a city with links to its specializations, cached for an hour.
export const revalidate = 3600;
export function generateStaticParams(): { city: string }[] {
  return [];
}

type Params = Promise<{ locale: string; city: string }>;

async function load(params: Params) {
  const { locale, city: citySlug } = await params;
  const catalog = await getCatalog();
  const city = catalog.cityBySlug.get(citySlug);
  if (!city) return null;
  const result = await searchVacancies({ ...EMPTY_SEARCH, city: city.slug, sort: "date" }, { locale: locale as AppLocale });
  return { locale: locale as AppLocale, catalog, city, result };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await load(params);
  if (!data) return {};
  const { locale, city, result } = data;
  const t = await getTranslations({ locale, namespace: "landing" });
  const appUrl = getEnv().APP_URL;
  const path = jobsInCityPath(city.slug);
  const values = { city: localName(city, locale), count: result.total };
  return {
    title: t("cityMetaTitle", values),
    description: t("cityMetaDescription", values),
    alternates: {
      canonical: absoluteUrl(appUrl, locale, path),
      languages: Object.fromEntries(locales.map((l) => [l, absoluteUrl(appUrl, l, path)])),
    },
    ...(result.total === 0 ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function Page({ params }: { params: Params }) {
  const data = await load(params);
  if (!data) notFound();
  setRequestLocale(data.locale);
  const links = await landingCounts({ cityId: data.city.id });
  return <LandingPage {...data} specialization={null} links={links} />;
}
