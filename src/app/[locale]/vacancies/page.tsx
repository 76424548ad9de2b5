import type { Metadata } from "next";

import { redirect } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { parseSearchParams } from "@/lib/search/params";

import { searchMetadata } from "./search-metadata";
import { SearchPageView } from "./search-page";
import { parseSearchRequest, type RawSearchParams } from "./search-request";

// Every state of the page is its URL. A query in canonical form is served from the page cache
// (the proxy rewrites it to ./cached/[stamp]/[query]); what reaches this route is rendered per
// request: a query to redirect to its canonical form, or one with values to warn about.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<RawSearchParams>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return searchMetadata(locale as AppLocale, parseSearchParams(await searchParams).params);
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale: rawLocale } = await params;
  const locale = rawLocale as AppLocale;
  const { params: requested, notices, canonicalHref } = parseSearchRequest(await searchParams);
  if (canonicalHref !== null) redirect({ href: canonicalHref, locale });
  return <SearchPageView locale={locale} requested={requested} parseNotices={notices} />;
}
