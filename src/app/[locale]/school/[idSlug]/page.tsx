import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { OrganizationPage } from "@/components/organization-page";
import { getEnv } from "@/env";
import { locales, type AppLocale } from "@/i18n/routing";
import { excerpt } from "@/lib/sanitize-html";
import { EMPTY_SEARCH } from "@/lib/search/params";
import { absoluteUrl, schoolPath, parseIdSlug } from "@/lib/urls";
import { getPublicOrganization } from "@/server/services/organizations/public-organization";
import { searchVacancies } from "@/server/services/search/search-vacancies";

// A driving school's public page: its profile and open vacancies; courses and graduates join it with the schools' dashboard.
export const revalidate = 3600;
export function generateStaticParams(): { idSlug: string }[] {
  return [];
}

type Params = Promise<{ locale: string; idSlug: string }>;

async function load(params: Params) {
  const { locale, idSlug } = await params;
  const parsed = parseIdSlug(idSlug);
  const org = parsed ? await getPublicOrganization(parsed.id, "school") : null;
  return { locale: locale as AppLocale, org, requestedSlug: parsed?.slug ?? "" };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, org } = await load(params);
  if (!org) return {};
  const t = await getTranslations({ locale, namespace: "organization" });
  const appUrl = getEnv().APP_URL;
  const path = schoolPath(org.id, org.slug);
  return {
    title: t("schoolMetaTitle", { name: org.displayName }),
    description: excerpt(org.description ?? t("schoolMetaDescription", { name: org.displayName }), 200),
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
  if (requestedSlug !== org.slug) permanentRedirect(`/${locale}${schoolPath(org.id, org.slug)}`);
  setRequestLocale(locale);
  const result = await searchVacancies({ ...EMPTY_SEARCH, company: org.id, sort: "date" }, { locale });
  return <OrganizationPage locale={locale} org={org} path={schoolPath(org.id, org.slug)} result={result} />;
}
