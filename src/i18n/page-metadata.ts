import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { getEnv } from "@/env";
import { localeAlternates } from "@/server/seo/metadata";

import { defaultLocale, isLocale } from "./routing";

/**
 * `generateMetadata` for a page whose title is one catalogue message; private pages are not
 * indexed, indexed ones name their path for the canonical URL and hreflang alternates.
 */
export function titleMetadata(namespace: string, key: string, options: { index: false } | { index: true; path: string }) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const { locale: requested } = await params;
    const locale = isLocale(requested) ? requested : defaultLocale;
    const t = await getTranslations({ locale, namespace });
    if (!options.index) return { title: t(key), robots: { index: false, follow: true } };
    return { title: t(key), alternates: localeAlternates(getEnv().APP_URL, locale, options.path) };
  };
}
