import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { LandingPage } from "@/components/landing-page";
import { getEnv } from "@/env";
import { locales, type AppLocale } from "@/i18n/routing";
import { EMPTY_SEARCH } from "@/lib/search/params";
import { absoluteUrl, jobsLandingPath } from "@/lib/urls";
import { getCatalog, localName } from "@/server/services/catalog/catalog";
import { landingCounts } from "@/server/services/search/landing";
import { searchVacancies } from "@/server/services/search/search-vacancies";

// "Drivers category C in Almaty": one page per city × specialization, cached for an hour.
export const revalidate = 3600;
export function generateStaticParams(): { city: string; specialization: string }[] {
  return [];
}

type Params = Promise<{ locale: string; city: string; specialization: string }>;

async function load(params: Params) {
  const { locale, city: citySlug, specialization: specSlug } = await params;
  const catalog = await getCatalog();
  const city = catalog.cityBySlug.get(citySlug);
  const specialization = catalog.specializationBySlug.get(specSlug);
  if (!city || !specialization) return null;
  const result = await searchVacancies(
    { ...EMPTY_SEARCH, city: city.slug, specializations: [specialization.slug], sort: "date" },
    { locale: locale as AppLocale },
  );
  return { locale: locale as AppLocale, catalog, city, specialization, result };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const data = await load(params);
  if (!data) return {};
  const { locale, city, specialization, result } = data;
  const t = await getTranslations({ locale, namespace: "landing" });
  const appUrl = getEnv().APP_URL;
  const path = jobsLandingPath(city.slug, specialization.slug);
  const values = { specialization: localName(specialization, locale), city: localName(city, locale), count: result.total };
  return {
    title: t("metaTitle", values),
    description: t("metaDescription", values),
    alternates: {
      canonical: absoluteUrl(appUrl, locale, path),
      languages: Object.fromEntries(locales.map((l) => [l, absoluteUrl(appUrl, l, path)])),
    },
    // Indexed only while there is something to find.
    ...(result.total === 0 ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function Page({ params }: { params: Params }) {
  const data = await load(params);
  if (!data) notFound();
  setRequestLocale(data.locale);
  const links = await landingCounts({ cityId: data.city.id });
  return <LandingPage {...data} links={links} />;
}
