import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { OrganizationPage } from "@/components/organization-page";
import { getEnv } from "@/env";
import { locales, type AppLocale } from "@/i18n/routing";
import { excerpt } from "@/lib/sanitize-html";
import { EMPTY_SEARCH } from "@/lib/search/params";
import { absoluteUrl, companyPath, parseIdSlug } from "@/lib/urls";
import { getPublicOrganization } from "@/server/services/organizations/public-organization";
import { searchVacancies } from "@/server/services/search/search-vacancies";

// A company's public page with its open vacancies (never its anonymous ones).
export const revalidate = 3600;
export function generateStaticParams(): { idSlug: string }[] {
  return [];
}

type Params = Promise<{ locale: string; idSlug: string }>;

async function load(params: Params) {
  const { locale, idSlug } = await params;
  const parsed = parseIdSlug(idSlug);
  const org = parsed ? await getPublicOrganization(parsed.id, "company") : null;
  return { locale: locale as AppLocale, org, requestedSlug: parsed?.slug ?? "" };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, org } = await load(params);
  if (!org) return {};
  const t = await getTranslations({ locale, namespace: "organization" });
  const appUrl = getEnv().APP_URL;
  const path = companyPath(org.id, org.slug);
  return {
    title: t("companyMetaTitle", { name: org.displayName }),
    description: excerpt(org.description ?? t("companyMetaDescription", { name: org.displayName }), 200),
    alternates: {
      canonical: absoluteUrl(appUrl, locale, path),
      languages: Object.fromEntries(locales.map((l) => [l, absoluteUrl(appUrl, l, path)])),
    },
    openGraph: {
      title: org.displayName,
      url: absoluteUrl(appUrl, locale, path),
      images: [{ url: `${appUrl}/logos/${org.id}.svg` }],
    },
  };
}

export default async function Page({ params }: { params: Params }) {
  const { locale, org, requestedSlug } = await load(params);
  if (!org) notFound();
  if (requestedSlug !== org.slug) permanentRedirect(`/${locale}${companyPath(org.id, org.slug)}`);
  setRequestLocale(locale);
  const result = await searchVacancies({ ...EMPTY_SEARCH, company: org.id, sort: "date" }, { locale });
  return <OrganizationPage locale={locale} org={org} path={companyPath(org.id, org.slug)} result={result} />;
}
