import { defineRouting } from "next-intl/routing";

export const locales = ["ru", "kk"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "ru";

export const isLocale = (value: unknown): value is AppLocale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

export const routing = defineRouting({
  locales,
  defaultLocale,
  localePrefix: "always",
  // Every page URL carries its locale, so a cookie remembering it adds nothing but harm: the
  // middleware would send `Set-Cookie: NEXT_LOCALE` with publicly cached pages (a shared cache
  // then either refuses to store them or stores the cookie for everybody). The unprefixed `/`
  // is sent to the language of `Accept-Language`, then to the default locale.
  localeCookie: false,
  // The pages carry their hreflang alternates in the HTML (src/server/seo/metadata.ts), with
  // x-default pointing at the Russian page; the middleware's `Link` header would name another
  // x-default (the unprefixed URL, which only redirects), so it is not sent.
  alternateLinks: false,
});
