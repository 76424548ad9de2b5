import { locales } from "@/i18n/routing";

const PREFIX = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

/** The same path in another language: every page's path starts with its locale. */
export function pathInLocale(pathname: string, locale: string): string {
  const rest = pathname.replace(PREFIX, "");
  return `/${locale}${rest === "/" ? "" : rest}`;
}

/** Remembers a language chosen by hand, for the unprefixed `/` (read by the proxy), for a year. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const localeCookie = (locale: string) => `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
