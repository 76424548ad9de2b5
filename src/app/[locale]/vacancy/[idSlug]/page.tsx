import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { Breadcrumbs } from "@/components/breadcrumbs";
import { JsonLd } from "@/components/json-ld";
import { CompanyLogo } from "@/components/vacancy/company-logo";
import { Salary } from "@/components/vacancy/salary";
import { SaveVacancyButton } from "@/components/vacancy/save-vacancy-button";
import { VacancyList } from "@/components/vacancy/vacancy-list";
import { getEnv } from "@/env";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatDate, licenceLabel, salaryParts } from "@/lib/format";
import { excerpt, htmlToText, sanitizeRichText } from "@/lib/sanitize-html";
import {
  absoluteUrl,
  jobsInCityPath,
  jobsLandingPath,
  organizationPath,
  parseIdSlug,
  SEARCH_PATH,
  vacancyPath,
} from "@/lib/urls";
import { breadcrumbJsonLd, jobPostingJsonLd } from "@/server/seo/json-ld";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";
import { getPublicVacancy, similarVacancies, type PublicVacancy } from "@/server/services/vacancies/public-vacancy";

// Rendered on first request and cached; publishing, editing or archiving a vacancy revalidates
// its path, and the proxy answers for gone or renamed vacancies before the cache is consulted.
export const revalidate = 3600;
export function generateStaticParams(): { idSlug: string }[] {
  return [];
}

type Params = Promise<{ locale: string; idSlug: string }>;

async function load(params: Params) {
  const { locale, idSlug } = await params;
  const parsed = parseIdSlug(idSlug);
  const vacancy = parsed ? await getPublicVacancy(parsed.id) : null;
  return { locale: locale as AppLocale, vacancy };
}

const name = (item: { nameRu: string; nameKk: string }, locale: AppLocale) => (locale === "kk" ? item.nameKk : item.nameRu);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, vacancy } = await load(params);
  if (!vacancy) return {};
  const t = await getTranslations({ locale, namespace: "vacancyPage" });
  const tv = await getTranslations({ locale, namespace: "vacancy" });
  const appUrl = getEnv().APP_URL;
  const path = vacancyPath(vacancy.id, vacancy.slug);
  const salary = salaryParts(vacancy.salaryFrom, vacancy.salaryTo);
  const salaryText = salary.kind === "none" ? tv("salary.byAgreement") : tv(`salary.${salary.kind}`, salary);
  const city = name(vacancy.city, locale);
  const company = vacancy.company?.name ?? tv("anonymousCompany");
  const title = t("metaTitle", { title: vacancy.title, city, salary: salaryText });
  const description = excerpt(
    t("metaDescription", { company, city, salary: salaryText, text: htmlToText(vacancy.description) }),
    200,
  );
  return {
    title,
    description,
    alternates: localeAlternates(appUrl, locale, path),
    // The image is this route's opengraph-image (a PNG of the title, salary and city).
    ...socialMetadata({ appUrl, locale, path, title, description }),
  };
}

async function Facts({ vacancy, locale }: { vacancy: PublicVacancy; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "vacancy" });
  const tp = await getTranslations({ locale, namespace: "vacancyPage" });
  const rows: [string, string][] = [
    [tp("experience"), t(`experience.${vacancy.experience}`)],
    [tp("employment"), t(`employment.${vacancy.employmentType}`)],
    [tp("schedule"), t(`schedule.${vacancy.schedule}`)],
  ];
  if (vacancy.isRemote) rows.push([tp("format"), t("remote")]);
  if (vacancy.licenceCategories.length) rows.push([tp("licences"), vacancy.licenceCategories.map(licenceLabel).join(", ")]);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-sm text-gray-700">{term}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function VacancyPage({ params }: { params: Params }) {
  const { locale, vacancy } = await load(params);
  if (!vacancy) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "vacancyPage" });
  const tv = await getTranslations({ locale, namespace: "vacancy" });
  const ts = await getTranslations({ locale, namespace: "saved" });
  const appUrl = getEnv().APP_URL;
  const path = vacancyPath(vacancy.id, vacancy.slug);
  const url = absoluteUrl(appUrl, locale, path);
  const city = name(vacancy.city, locale);
  const mainSpecialization = vacancy.specializations[0] ?? null;
  const similar = await similarVacancies({
    id: vacancy.id,
    cityId: vacancy.city.id,
    specializationIds: vacancy.specializations.map((s) => s.id),
  });

  const crumbs = [
    { name: t("home"), href: "/" },
    { name: t("allVacancies"), href: SEARCH_PATH },
    { name: t("jobsIn", { city }), href: jobsInCityPath(vacancy.city.slug) },
    ...(mainSpecialization
      ? [{ name: name(mainSpecialization, locale), href: jobsLandingPath(vacancy.city.slug, mainSpecialization.slug) }]
      : []),
    { name: vacancy.title, href: path },
  ];
  const descriptionHtml = sanitizeRichText(vacancy.description);
  // One URL for everybody (the page is cached): the apply page sends guests to sign in first.
  const applyHref = `${path}/apply`;

  return (
    <div className="flex flex-col gap-8">
      <JsonLd
        data={jobPostingJsonLd({
          id: vacancy.id,
          url,
          title: vacancy.title,
          descriptionHtml,
          datePosted: vacancy.publishedAt,
          validThrough: vacancy.expiresAt,
          employmentType: vacancy.employmentType,
          isRemote: vacancy.isRemote,
          salaryFrom: vacancy.salaryFrom,
          salaryTo: vacancy.salaryTo,
          company: vacancy.company
            ? {
                name: vacancy.company.name,
                url: absoluteUrl(appUrl, locale, organizationPath(vacancy.company)),
                logoUrl: `${appUrl}/logos/${vacancy.company.id}.svg`,
              }
            : null,
          location: { streetAddress: vacancy.address, locality: city, region: name(vacancy.city.region, locale) },
          directApply: true,
        })}
      />
      <JsonLd data={breadcrumbJsonLd(crumbs.map((c) => ({ name: c.name, url: absoluteUrl(appUrl, locale, c.href) })))} />
      <div>
        <Breadcrumbs label={t("breadcrumbs")} items={crumbs} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_18rem]">
          <article className="flex flex-col gap-5 rounded-lg border border-gray-200 bg-white p-5 sm:p-6">
            <header className="flex flex-col gap-3">
              <h1 className="text-2xl font-bold leading-tight sm:text-3xl" lang={vacancy.language}>
                {vacancy.title}
              </h1>
              <Salary
                from={vacancy.salaryFrom}
                to={vacancy.salaryTo}
                gross={vacancy.salaryGross}
                className="text-xl font-semibold"
              />
              <p className="text-sm text-gray-700">
                {t("published", {
                  date: formatDate(vacancy.publishedAt, locale, "long"),
                })}
                {vacancy.expiresAt
                  ? ` · ${t("validThrough", { date: formatDate(vacancy.expiresAt, locale, "dayMonth") })}`
                  : null}
              </p>
              <div className="flex flex-wrap gap-3">
                <Link
                  href={applyHref}
                  rel="nofollow"
                  className="rounded-md bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800"
                >
                  {t("apply")}
                </Link>
                <SaveVacancyButton
                  vacancyId={vacancy.id}
                  labels={{ save: ts("save"), saved: ts("saved"), saveError: ts.raw("saveError") as string }}
                />
              </div>
            </header>
            <Facts vacancy={vacancy} locale={locale} />
            <section aria-labelledby="description-heading" className="flex flex-col gap-3">
              <h2 id="description-heading" className="text-lg font-semibold">
                {t("description")}
              </h2>
              <div
                className="prose-vacancy flex flex-col gap-3 leading-relaxed"
                lang={vacancy.language}
                dangerouslySetInnerHTML={{ __html: descriptionHtml }}
              />
            </section>
            <section aria-labelledby="address-heading" className="flex flex-col gap-1">
              <h2 id="address-heading" className="text-lg font-semibold">
                {t("address")}
              </h2>
              <p>{[city, vacancy.address].filter(Boolean).join(", ")}</p>
            </section>
            <p className="text-sm">
              <Link href={`${path}/complaint`} className="text-gray-700 underline" rel="nofollow">
                {t("complain")}
              </Link>
            </p>
          </article>
          <aside
            aria-labelledby="company-heading"
            className="flex flex-col gap-3 self-start rounded-lg border border-gray-200 bg-white p-5"
          >
            <h2 id="company-heading" className="text-sm font-semibold uppercase tracking-wide text-gray-700">
              {t("employer")}
            </h2>
            {vacancy.company ? (
              <>
                <div className="flex items-center gap-3">
                  <CompanyLogo name={vacancy.company.name} logoPath={vacancy.company.logoPath} />
                  <Link href={organizationPath(vacancy.company)} className="font-semibold text-brand-800 underline">
                    {vacancy.company.name}
                  </Link>
                </div>
                {vacancy.company.verified ? <p className="text-sm text-brand-800">{t("verified")}</p> : null}
              </>
            ) : (
              <>
                <p className="font-semibold">{tv("anonymousCompany")}</p>
                {vacancy.companyDescription ? (
                  <p className="text-sm text-gray-800" lang={vacancy.language}>
                    {vacancy.companyDescription}
                  </p>
                ) : null}
              </>
            )}
          </aside>
        </div>
      </div>
      {similar.length ? <VacancyList id="similar-heading" title={t("similar")} vacancies={similar} /> : null}
    </div>
  );
}
