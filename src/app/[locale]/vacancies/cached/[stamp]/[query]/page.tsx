import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { parseSearchParams } from "@/lib/search/params";
import { absoluteUrl, SEARCH_PATH } from "@/lib/urls";
import { queryOfCachedSearchPage } from "@/server/services/search/search-page-cache";

import { alt, contentType, size } from "../../../opengraph-image";
import { searchMetadata } from "../../../search-metadata";
import { SearchPageView } from "../../../search-page";
import { rawSearchParams } from "../../../search-request";

// The search page for a query in canonical form, reached only through the proxy's rewrite of
// /{locale}/vacancies?{query} (see search-page-cache.ts) and cached like the other public pages.
// Each period has pages of its own; `revalidate` only keeps a page from outliving its period.
// Next reads this as a literal: SEARCH_PAGE_PERIOD_MS in seconds (search-page-cache.test.ts checks).
export const revalidate = 30;
export function generateStaticParams(): { stamp: string; query: string }[] {
  return [];
}

const OG_IMAGE = { ...size, type: contentType, alt };

type Props = { params: Promise<{ locale: string; stamp: string; query: string }> };

async function criteria({ params }: Props) {
  const { locale, stamp, query } = await params;
  const text = queryOfCachedSearchPage(stamp, decodeURIComponent(query));
  if (text === null) notFound();
  return { locale: locale as AppLocale, parsed: parseSearchParams(rawSearchParams(new URLSearchParams(text))) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, parsed } = await criteria(props);
  const metadata = await searchMetadata(locale, parsed.params);
  // The search page's Open Graph image (../../../opengraph-image.tsx), named here: Next adds a
  // segment's image file to its own pages only, and this page's address is not the public one.
  return {
    ...metadata,
    openGraph: {
      ...metadata.openGraph,
      images: [{ url: absoluteUrl(getEnv().APP_URL, locale, `${SEARCH_PATH}/opengraph-image`), ...OG_IMAGE }],
    },
  };
}

export default async function CachedSearchPage(props: Props) {
  const { locale, parsed } = await criteria(props);
  return <SearchPageView locale={locale} requested={parsed.params} parseNotices={parsed.notices} />;
}
