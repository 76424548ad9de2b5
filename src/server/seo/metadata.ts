import type { Metadata } from "next";

import { defaultLocale, locales, type AppLocale } from "@/i18n/routing";
import { absoluteUrl } from "@/lib/urls";

// The head tags every public, indexable page shares: one canonical URL, its hreflang alternates
// in every locale and one x-default (the default locale's page, never the unprefixed URL, which
// only redirects), and Open Graph. Pure functions of what the page passes in.

/** Canonical URL and hreflang alternates of a page's path (without the locale prefix). */
export function localeAlternates(appUrl: string, locale: AppLocale, path: string): NonNullable<Metadata["alternates"]> {
  const languages: Record<string, string> = Object.fromEntries(locales.map((l) => [l, absoluteUrl(appUrl, l, path)]));
  languages["x-default"] = absoluteUrl(appUrl, defaultLocale, path);
  return { canonical: absoluteUrl(appUrl, locale, path), languages };
}

export const ogLocale = (locale: AppLocale) => (locale === "kk" ? "kk_KZ" : "ru_KZ");

/**
 * Open Graph and Twitter tags. The image comes from the page's `opengraph-image` route (Next adds
 * its absolute URL, size and type), so none is named here.
 */
export function socialMetadata(input: {
  appUrl: string;
  locale: AppLocale;
  path: string;
  title: string;
  description: string;
}): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: {
      type: "website",
      siteName: "Jumys",
      title: input.title,
      description: input.description,
      url: absoluteUrl(input.appUrl, input.locale, input.path),
      locale: ogLocale(input.locale),
      alternateLocale: locales.filter((l) => l !== input.locale).map(ogLocale),
    },
    twitter: { card: "summary_large_image", title: input.title, description: input.description },
  };
}

// A school's name often says what it is already ("Автошкола «Жол Шебері»", "Автомектеп «Сенім»"),
// in either language: then the title is the name alone, not "Автошкола Автошкола «Жол Шебері»".
const NAMES_A_SCHOOL = /автошкол|автомектеп|driving school/iu;

/** The title of a school's page: `templated` ("Автошкола {name}") unless the name already says it. */
export const schoolTitle = (name: string, templated: string) => (NAMES_A_SCHOOL.test(name) ? name : templated);
