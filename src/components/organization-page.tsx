import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { JsonLd } from "@/components/json-ld";
import { CompanyLogo } from "@/components/vacancy/company-logo";
import { VacancyList } from "@/components/vacancy/vacancy-list";
import { getEnv } from "@/env";
import type { LicenceCategory } from "@/generated/prisma/enums";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount } from "@/lib/format";
import { excerpt } from "@/lib/sanitize-html";
import { EMPTY_SEARCH, searchParamsToQuery } from "@/lib/search/params";
import { licenceCategoryLabel } from "@/lib/schools/licence-categories";
import { absoluteUrl, organizationPath, parseIdSlug, schoolsLandingPath, SEARCH_PATH } from "@/lib/urls";
import { localName } from "@/lib/local-name";
import { localeAlternates, schoolTitle, socialMetadata } from "@/server/seo/metadata";
import { getPublicOrganization, type PublicOrganization } from "@/server/services/organizations/public-organization";
import { getSchoolPageDetails, type SchoolPageDetails } from "@/server/services/schools/school-directory";
import { searchVacancies, type SearchResult } from "@/server/services/search/search-vacancies";

/** The structured data of the page: an Organization, or a DrivingSchool with its contacts and courses. */
function organizationJsonLd(
  org: PublicOrganization,
  school: SchoolPageDetails | null,
  {
    locale,
    url,
    appUrl,
    website,
    courseName,
  }: {
    locale: AppLocale;
    url: string;
    appUrl: string;
    website: string | null;
    courseName: (category: LicenceCategory) => string;
  },
) {
  const address =
    org.city || org.address
      ? {
          address: {
            "@type": "PostalAddress",
            ...(org.address ? { streetAddress: org.address } : {}),
            ...(org.city ? { addressLocality: localName(org.city, locale) } : {}),
            addressCountry: "KZ",
          },
        }
      : {};
  return {
    "@context": "https://schema.org",
    "@type": org.type === "DRIVING_SCHOOL" ? "DrivingSchool" : "Organization",
    name: org.displayName,
    url,
    logo: `${appUrl}/logos/${org.id}.svg`,
    ...(website ? { sameAs: website } : {}),
    ...address,
    ...(school?.phone ? { telephone: school.phone } : {}),
    ...(school?.email ? { email: school.email } : {}),
    ...(school?.courses.length
      ? {
          makesOffer: school.courses.map((course) => ({
            "@type": "Offer",
            name: courseName(course.category),
            price: course.priceKzt,
            priceCurrency: "KZT",
          })),
        }
      : {}),
  };
}

/** A driving school's courses, contacts and graduates per year (counts only). */
async function SchoolSections({
  locale,
  org,
  school,
}: {
  locale: AppLocale;
  org: PublicOrganization;
  school: SchoolPageDetails;
}) {
  const t = await getTranslations({ locale, namespace: "schoolPage" });
  const hasContacts = Boolean(school.phone || school.email || school.educationLicence);
  return (
    <>
      <section aria-labelledby="courses-heading" className="flex flex-col gap-2">
        <h2 id="courses-heading" className="text-xl font-semibold">
          {t("courses")}
        </h2>
        {school.courses.length ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[20rem] border-collapse text-left">
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("category")}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("price")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("duration")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {school.courses.map((course) => (
                  <tr key={course.category} className="border-b border-gray-200">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {org.city ? (
                        <Link href={schoolsLandingPath(org.city.slug, course.category)} className="text-brand-800 underline">
                          {licenceCategoryLabel(course.category)}
                        </Link>
                      ) : (
                        licenceCategoryLabel(course.category)
                      )}
                    </th>
                    <td className="py-2 pr-4">{t("priceValue", { amount: formatAmount(course.priceKzt) })}</td>
                    <td className="py-2">{t("hoursValue", { hours: course.durationHours })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-gray-800">{t("noCourses")}</p>
        )}
      </section>
      {hasContacts ? (
        <section aria-labelledby="contacts-heading" className="flex flex-col gap-2">
          <h2 id="contacts-heading" className="text-xl font-semibold">
            {t("contacts")}
          </h2>
          <dl className="grid grid-cols-1 gap-1 sm:grid-cols-[12rem_1fr]">
            {school.phone ? (
              <>
                <dt className="text-gray-700">{t("phone")}</dt>
                <dd>
                  <a href={`tel:${school.phone}`} className="text-brand-800 underline">
                    {school.phone}
                  </a>
                </dd>
              </>
            ) : null}
            {school.email ? (
              <>
                <dt className="text-gray-700">{t("email")}</dt>
                <dd className="break-all">
                  <a href={`mailto:${school.email}`} className="text-brand-800 underline">
                    {school.email}
                  </a>
                </dd>
              </>
            ) : null}
            {school.educationLicence ? (
              <>
                <dt className="text-gray-700">{t("licence")}</dt>
                <dd className="break-all">{school.educationLicence}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="graduates-heading" className="flex flex-col gap-2">
        <h2 id="graduates-heading" className="text-xl font-semibold">
          {t("graduates")}
        </h2>
        {school.graduatesByYear.length ? (
          <ul className="flex flex-col gap-1">
            {school.graduatesByYear.map((row) => (
              <li key={row.year}>{t("graduatesInYear", { year: String(row.year), count: row.graduates })}</li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-800">{t("noGraduates")}</p>
        )}
      </section>
    </>
  );
}

/** The public page of a company or a driving school: profile, (a school's courses,) open vacancies. */
export async function OrganizationPage({
  locale,
  org,
  path,
  result,
  school = null,
}: {
  locale: AppLocale;
  org: PublicOrganization;
  path: string;
  result: SearchResult;
  /** A driving school's courses, contacts and graduates; null for a company. */
  school?: SchoolPageDetails | null;
}) {
  const t = await getTranslations({ locale, namespace: "organization" });
  const tSchool = await getTranslations({ locale, namespace: "schoolPage" });
  const appUrl = getEnv().APP_URL;
  const vacancies = [...result.priority, ...result.items].slice(0, 20);
  const website = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;
  return (
    <div className="flex flex-col gap-6">
      <JsonLd
        data={organizationJsonLd(org, school, {
          locale,
          url: absoluteUrl(appUrl, locale, path),
          appUrl,
          website,
          courseName: (category) => tSchool("courseName", { category: licenceCategoryLabel(category) }),
        })}
      />
      <header className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-5 sm:flex-row sm:items-center">
        <CompanyLogo name={org.displayName} logoPath={org.logoPath} size={72} />
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold">{org.displayName}</h1>
          <p className="text-sm text-gray-700">
            {t(`type.${org.type}`)}
            {org.city ? ` · ${localName(org.city, locale)}` : null}
            {org.verification === "VERIFIED" ? ` · ${t("verified")}` : null}
          </p>
          {website ? (
            <a href={website} rel="nofollow noopener" target="_blank" className="text-sm text-brand-800 underline">
              {website.replace(/^https?:\/\//i, "")}
            </a>
          ) : null}
        </div>
      </header>
      {org.description ? (
        <section aria-labelledby="about-heading" className="flex flex-col gap-2">
          <h2 id="about-heading" className="text-xl font-semibold">
            {t("about")}
          </h2>
          <p className="whitespace-pre-line text-gray-800">{org.description}</p>
        </section>
      ) : null}
      {org.address ? (
        <p>
          <span className="font-semibold">{t("address")}: </span>
          {org.address}
        </p>
      ) : null}
      {school ? <SchoolSections locale={locale} org={org} school={school} /> : null}
      {vacancies.length ? (
        <VacancyList
          id="org-vacancies"
          title={t("vacancies", {
            count: result.total,
            formatted: formatAmount(result.total),
            more: result.totalIsLowerBound ? "yes" : "no",
          })}
          vacancies={vacancies}
        />
      ) : (
        <p className="text-gray-800">{t("noVacancies")}</p>
      )}
      {result.total > vacancies.length ? (
        <p>
          <Link
            href={`${SEARCH_PATH}?${searchParamsToQuery({ company: org.id, sort: "date" })}`}
            className="font-medium text-brand-800 underline"
          >
            {t("allVacancies")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

// The company and school routes differ only in which organisations they show and their URL.
type Kind = "company" | "school";
type Params = Promise<{ locale: string; idSlug: string }>;

async function load(kind: Kind, params: Params) {
  const { locale, idSlug } = await params;
  const parsed = parseIdSlug(idSlug);
  const org = parsed ? await getPublicOrganization(parsed.id, kind) : null;
  return { locale: locale as AppLocale, org, requestedSlug: parsed?.slug ?? "" };
}

export function organizationMetadata(kind: Kind) {
  return async ({ params }: { params: Params }): Promise<Metadata> => {
    const { locale, org } = await load(kind, params);
    if (!org) return {};
    const t = await getTranslations({ locale, namespace: "organization" });
    const appUrl = getEnv().APP_URL;
    const path = organizationPath(org);
    const description = excerpt(org.description ?? t(`${kind}MetaDescription`, { name: org.displayName }), 200);
    return {
      title:
        kind === "school"
          ? schoolTitle(org.displayName, t("schoolMetaTitle", { name: org.displayName }))
          : t("companyMetaTitle", { name: org.displayName }),
      description,
      alternates: localeAlternates(appUrl, locale, path),
      // The image is the site's (a logo may be SVG or missing, which social networks do not show).
      ...socialMetadata({ appUrl, locale, path, title: org.displayName, description }),
    };
  };
}

export function organizationRoute(kind: Kind) {
  return async function Page({ params }: { params: Params }) {
    const { locale, org, requestedSlug } = await load(kind, params);
    if (!org) notFound();
    const path = organizationPath(org);
    if (requestedSlug !== org.slug) permanentRedirect(`/${locale}${path}`);
    setRequestLocale(locale);
    const [result, school] = await Promise.all([
      searchVacancies({ ...EMPTY_SEARCH, company: org.id, sort: "date" }, { locale }),
      kind === "school" ? getSchoolPageDetails(org.id) : null,
    ]);
    return <OrganizationPage locale={locale} org={org} path={path} result={result} school={school} />;
  };
}
