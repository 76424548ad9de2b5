import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { JsonLd } from "@/components/json-ld";
import { CompanyLogo } from "@/components/vacancy/company-logo";
import { VacancyList } from "@/components/vacancy/vacancy-list";
import { getEnv } from "@/env";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount } from "@/lib/format";
import { excerpt } from "@/lib/sanitize-html";
import { EMPTY_SEARCH, searchParamsToQuery } from "@/lib/search/params";
import { absoluteUrl, companyPath, parseIdSlug, schoolPath, SEARCH_PATH } from "@/lib/urls";
import { localName } from "@/lib/local-name";
import { localeAlternates, schoolTitle, socialMetadata } from "@/server/seo/metadata";
import { getPublicOrganization, type PublicOrganization } from "@/server/services/organizations/public-organization";
import { searchVacancies, type SearchResult } from "@/server/services/search/search-vacancies";

/** The public page of a company or a driving school: profile and open vacancies. */
export async function OrganizationPage({
  locale,
  org,
  path,
  result,
}: {
  locale: AppLocale;
  org: PublicOrganization;
  path: string;
  result: SearchResult;
}) {
  const t = await getTranslations({ locale, namespace: "organization" });
  const appUrl = getEnv().APP_URL;
  const vacancies = [...result.priority, ...result.items].slice(0, 20);
  const website = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;
  return (
    <div className="flex flex-col gap-6">
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": org.type === "DRIVING_SCHOOL" ? "DrivingSchool" : "Organization",
          name: org.displayName,
          url: absoluteUrl(appUrl, locale, path),
          logo: `${appUrl}/logos/${org.id}.svg`,
          ...(website ? { sameAs: website } : {}),
          ...(org.city
            ? { address: { "@type": "PostalAddress", addressLocality: localName(org.city, locale), addressCountry: "KZ" } }
            : {}),
        }}
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
      {vacancies.length ? (
        <VacancyList
          id="org-vacancies"
          title={t("vacancies", { count: result.total, formatted: formatAmount(result.total) })}
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
const pathOf = (kind: Kind, org: { id: number; slug: string }) =>
  (kind === "school" ? schoolPath : companyPath)(org.id, org.slug);

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
    const path = pathOf(kind, org);
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
    const path = pathOf(kind, org);
    if (requestedSlug !== org.slug) permanentRedirect(`/${locale}${path}`);
    setRequestLocale(locale);
    const result = await searchVacancies({ ...EMPTY_SEARCH, company: org.id, sort: "date" }, { locale });
    return <OrganizationPage locale={locale} org={org} path={path} result={result} />;
  };
}
