import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Breadcrumbs } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { VacancyList } from "@/components/vacancy/vacancy-list";
import { getEnv } from "@/env";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount } from "@/lib/format";
import { EMPTY_SEARCH, searchParamsToQuery } from "@/lib/search/params";
import { absoluteUrl, jobsInCityPath, jobsLandingPath, SEARCH_PATH } from "@/lib/urls";
import { breadcrumbJsonLd } from "@/server/seo/json-ld";
import { localName } from "@/lib/local-name";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";
import { getCatalog, type Catalog, type CatalogCity, type CatalogSpecialization } from "@/server/services/catalog/catalog";
import { landingCounts } from "@/server/services/search/landing";
import { searchVacancies, type SearchResult } from "@/server/services/search/search-vacancies";

/** A city page or a city × specialization page: the newest vacancies and links to narrower pages. */
async function LandingPage({
  locale,
  catalog,
  city,
  specialization,
  result,
  links,
}: {
  locale: AppLocale;
  catalog: Catalog;
  city: CatalogCity;
  specialization: CatalogSpecialization | null;
  result: SearchResult;
  links: { id: number; n: number }[];
}) {
  const t = await getTranslations({ locale, namespace: "landing" });
  const cityName = localName(city, locale);
  const specName = specialization ? localName(specialization, locale) : null;
  const appUrl = getEnv().APP_URL;
  const crumbs = [
    { name: t("home"), href: "/" },
    { name: t("allVacancies"), href: SEARCH_PATH },
    { name: t("cityTitle", { city: cityName }), href: jobsInCityPath(city.slug) },
    ...(specialization && specName ? [{ name: specName, href: jobsLandingPath(city.slug, specialization.slug) }] : []),
  ];
  const searchHref = `${SEARCH_PATH}?${searchParamsToQuery({ city: city.slug, specializations: specialization ? [specialization.slug] : [] })}`;
  const narrower = links
    .map((l) => ({ spec: catalog.specializationById.get(l.id), n: l.n }))
    .filter((l): l is { spec: CatalogSpecialization; n: number } => l.spec !== undefined && l.spec.id !== specialization?.id)
    .filter((l) =>
      specialization ? l.spec.parentId === (specialization.parentId ?? specialization.id) : l.spec.parentId === null,
    )
    .slice(0, 24);
  return (
    <div className="flex flex-col gap-6">
      <JsonLd data={breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(appUrl, locale, c.href) })))} />
      <div>
        <Breadcrumbs label={t("breadcrumbs")} items={crumbs} />
        <h1 className="text-2xl font-bold sm:text-3xl">
          {specName ? t("title", { specialization: specName, city: cityName }) : t("cityTitle", { city: cityName })}
        </h1>
        <p className="mt-2 text-gray-800" data-testid="total">
          {result.total === 0
            ? t("none")
            : t("count", {
                count: result.total,
                formatted: formatAmount(result.total),
                more: result.totalIsLowerBound ? "yes" : "no",
              })}
        </p>
      </div>
      {result.items.length ? (
        <VacancyList id="landing-vacancies" title={t("newest")} vacancies={[...result.priority, ...result.items].slice(0, 20)} />
      ) : null}
      <p>
        <Link href={searchHref} className="font-medium text-brand-800 underline">
          {t("allInSearch")}
        </Link>
      </p>
      {narrower.length ? (
        <section aria-labelledby="landing-links" className="flex flex-col gap-2">
          <h2 id="landing-links" className="text-lg font-semibold">
            {t("related", { city: cityName })}
          </h2>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {narrower.map(({ spec, n }) => (
              <li key={spec.id}>
                <Link href={jobsLandingPath(city.slug, spec.slug)} className="underline">
                  {localName(spec, locale)}
                </Link>{" "}
                <span className="text-sm text-gray-700">{n}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

// `/jobs/{city}` and `/jobs/{city}/{specialization}` share everything but the specialization.
type LandingParams = Promise<{ locale: string; city: string; specialization?: string }>;

async function loadLanding(params: LandingParams) {
  const { locale, city: citySlug, specialization: specSlug } = await params;
  const catalog = await getCatalog();
  const city = catalog.cityBySlug.get(citySlug);
  const specialization = specSlug === undefined ? null : catalog.specializationBySlug.get(specSlug);
  if (!city || specialization === undefined) return null;
  const result = await searchVacancies(
    { ...EMPTY_SEARCH, city: city.slug, specializations: specialization ? [specialization.slug] : [], sort: "date" },
    { locale: locale as AppLocale },
  );
  return { locale: locale as AppLocale, catalog, city, specialization, result };
}

export async function landingMetadata({ params }: { params: LandingParams }): Promise<Metadata> {
  const data = await loadLanding(params);
  if (!data) return {};
  const { locale, city, specialization, result } = data;
  const t = await getTranslations({ locale, namespace: "landing" });
  const appUrl = getEnv().APP_URL;
  const path = specialization ? jobsLandingPath(city.slug, specialization.slug) : jobsInCityPath(city.slug);
  const values = {
    city: localName(city, locale),
    specialization: specialization ? localName(specialization, locale) : "",
    count: result.total,
    formatted: formatAmount(result.total),
    more: result.totalIsLowerBound ? "yes" : "no",
  };
  const title = t(specialization ? "metaTitle" : "cityMetaTitle", values);
  const description = t(specialization ? "metaDescription" : "cityMetaDescription", values);
  return {
    title,
    description,
    alternates: localeAlternates(appUrl, locale, path),
    ...socialMetadata({ appUrl, locale, path, title, description }),
    // Indexed only while there is something to find.
    ...(result.total === 0 ? { robots: { index: false, follow: true } } : {}),
  };
}

export async function LandingRoute({ params }: { params: LandingParams }) {
  const data = await loadLanding(params);
  if (!data) notFound();
  setRequestLocale(data.locale);
  const links = await landingCounts({ cityId: data.city.id });
  return <LandingPage {...data} links={links} />;
}
