import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Breadcrumbs } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { Pagination } from "@/components/search/pagination";
import { CompanyLogo } from "@/components/vacancy/company-logo";
import { getEnv } from "@/env";
import type { LicenceCategory } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount } from "@/lib/format";
import { localName } from "@/lib/local-name";
import { licenceCategoryLabel } from "@/lib/schools/licence-categories";
import { absoluteUrl, SCHOOLS_PATH, schoolPath, schoolsInCityPath, schoolsLandingPath } from "@/lib/urls";
import { breadcrumbJsonLd } from "@/server/seo/json-ld";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";
import { getCatalog, type CatalogCity } from "@/server/services/catalog/catalog";
import {
  categoryFromSlug,
  directoryCategories,
  directoryCities,
  listDirectorySchools,
  type DirectorySchool,
} from "@/server/services/schools/school-directory";

// The driving-school directory: `/schools` (every city), `/schools/{city}` and
// `/schools/{city}/{category}` ("Driving schools of Almaty, category C"), with `?page=` for the
// next pages. Rendered on the server per request (a page query).

type Params = Promise<{ locale: string; city?: string; category?: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?page=` as a page number: absent is 1; anything but a plain number is no page at all. */
function parsePage(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  return typeof raw === "string" && /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : null;
}

async function loadDirectory(params: Params, searchParams: SearchParams) {
  const { locale, city: citySlug, category: categorySlug } = await params;
  const page = parsePage((await searchParams).page);
  const catalog = await getCatalog();
  const city = citySlug === undefined ? null : catalog.cityBySlug.get(citySlug);
  const category = categorySlug === undefined ? null : categoryFromSlug(categorySlug);
  if (city === undefined || category === undefined || (categorySlug !== undefined && category === null) || page === null) {
    return null;
  }
  const result = await listDirectorySchools({ cityId: city?.id ?? null, category, page });
  // A page past the last one does not exist (the first page always does, empty or not).
  if (page > result.pages) return null;
  const path = city ? (category ? schoolsLandingPath(city.slug, category) : schoolsInCityPath(city.slug)) : SCHOOLS_PATH;
  return { locale: locale as AppLocale, city, category, page, result, path };
}
type Directory = NonNullable<Awaited<ReturnType<typeof loadDirectory>>>;

const pageHref = (path: string, page: number) => (page === 1 ? path : `${path}?page=${page}`);

async function texts(d: Directory) {
  const t = await getTranslations({ locale: d.locale, namespace: "schoolDirectory" });
  const values = {
    city: d.city ? localName(d.city, d.locale) : "",
    category: d.category ? licenceCategoryLabel(d.category) : "",
    count: d.result.total,
  };
  const level = d.city ? (d.category ? "category" : "city") : "all";
  return {
    t,
    title: t(`${level}.title`, values),
    metaTitle: t(`${level}.metaTitle`, values),
    metaDescription: t(`${level}.metaDescription`, values),
  };
}

export async function directoryMetadata({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}): Promise<Metadata> {
  const d = await loadDirectory(params, searchParams);
  if (!d) return {};
  const { t, metaTitle, metaDescription } = await texts(d);
  const appUrl = getEnv().APP_URL;
  const path = pageHref(d.path, d.page);
  const title = d.page > 1 ? t("pageTitle", { title: metaTitle, page: d.page }) : metaTitle;
  return {
    title,
    description: metaDescription,
    alternates: localeAlternates(appUrl, d.locale, path),
    ...socialMetadata({ appUrl, locale: d.locale, path, title, description: metaDescription }),
    // Indexed only while there is something to find.
    ...(d.result.total === 0 ? { robots: { index: false, follow: true } } : {}),
  };
}

function SchoolCard({
  school,
  locale,
  t,
}: {
  school: DirectorySchool;
  locale: AppLocale;
  t: (key: string, values?: Record<string, string | number>) => string;
}) {
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-gray-200 bg-white p-4 sm:flex-row">
      <CompanyLogo name={school.displayName} logoPath={school.logoPath} size={56} />
      <div className="flex min-w-0 flex-col gap-1">
        <h2 className="text-lg font-semibold break-words">
          <Link href={schoolPath(school.id, school.slug)} className="text-brand-800 underline">
            {school.displayName}
          </Link>
        </h2>
        <p className="text-sm text-gray-700">
          {[school.city ? localName(school.city, locale) : null, school.address].filter(Boolean).join(", ")}
        </p>
        {school.courses.length ? (
          <ul className="flex flex-wrap gap-2 text-sm" aria-label={t("coursesOf", { name: school.displayName })}>
            {school.courses.map((course) => (
              <li key={course.category} className="rounded-md bg-gray-100 px-2 py-1 text-gray-900">
                {t("course", {
                  category: licenceCategoryLabel(course.category),
                  amount: formatAmount(course.priceKzt),
                  hours: course.durationHours,
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

export async function DirectoryRoute({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const d = await loadDirectory(params, searchParams);
  if (!d) notFound();
  setRequestLocale(d.locale);
  const { t, title } = await texts(d);
  const appUrl = getEnv().APP_URL;
  const catalog = await getCatalog();
  const cityName = d.city ? localName(d.city, d.locale) : "";
  const crumbs = [
    { name: t("home"), href: "/" },
    { name: t("all.title"), href: SCHOOLS_PATH },
    ...(d.city ? [{ name: t("city.title", { city: cityName }), href: schoolsInCityPath(d.city.slug) }] : []),
    ...(d.city && d.category
      ? [{ name: t("category.crumb", { category: licenceCategoryLabel(d.category) }), href: d.path }]
      : []),
  ];
  // Narrower pages: the cities with schools, or the categories taught in this city.
  const cityLinks = d.city
    ? []
    : (await directoryCities())
        .map((c) => ({ city: catalog.cityById.get(c.cityId), schools: c.schools }))
        .filter((c): c is { city: CatalogCity; schools: number } => c.city !== undefined)
        .sort((a, b) => localName(a.city, d.locale).localeCompare(localName(b.city, d.locale), d.locale));
  const categoryLinks: { category: LicenceCategory; schools: number }[] = d.city
    ? (await directoryCategories(d.city.id)).filter((c) => c.category !== d.category)
    : [];
  return (
    <div className="flex flex-col gap-6">
      <JsonLd data={breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(appUrl, d.locale, c.href) })))} />
      <div>
        <Breadcrumbs label={t("breadcrumbs")} items={crumbs} />
        <h1 className="text-2xl font-bold sm:text-3xl">{title}</h1>
        <p className="mt-2 text-gray-800" data-testid="total">
          {d.result.total === 0 ? t("none") : t("count", { count: d.result.total, formatted: formatAmount(d.result.total) })}
        </p>
      </div>
      {d.result.items.length ? (
        <section aria-label={t("listLabel")}>
          <ul className="flex flex-col gap-3">
            {d.result.items.map((school) => (
              <SchoolCard key={school.id} school={school} locale={d.locale} t={t} />
            ))}
          </ul>
          <Pagination page={d.page} pageCount={d.result.pages} href={(p) => pageHref(d.path, p)} />
        </section>
      ) : d.city ? (
        <p>
          <Link href={SCHOOLS_PATH} className="font-medium text-brand-800 underline">
            {t("allCities")}
          </Link>
        </p>
      ) : null}
      {cityLinks.length ? (
        <section aria-labelledby="directory-cities" className="flex flex-col gap-2">
          <h2 id="directory-cities" className="text-lg font-semibold">
            {t("byCity")}
          </h2>
          <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {cityLinks.map(({ city, schools }) => (
              <li key={city.id}>
                <Link href={schoolsInCityPath(city.slug)} className="underline">
                  {localName(city, d.locale)}
                </Link>{" "}
                <span className="text-sm text-gray-700">{schools}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.city && categoryLinks.length ? (
        <section aria-labelledby="directory-categories" className="flex flex-col gap-2">
          <h2 id="directory-categories" className="text-lg font-semibold">
            {t("byCategory", { city: cityName })}
          </h2>
          <ul className="flex flex-wrap gap-3">
            {categoryLinks.map(({ category, schools }) => (
              <li key={category}>
                <Link href={schoolsLandingPath(d.city!.slug, category)} className="underline">
                  {t("category.crumb", { category: licenceCategoryLabel(category) })}
                </Link>{" "}
                <span className="text-sm text-gray-700">{schools}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
