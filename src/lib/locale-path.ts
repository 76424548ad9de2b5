import { locales } from "@/i18n/routing";

const PREFIX = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

/** The same path in another language: every page's path starts with its locale. */
export function pathInLocale(pathname: string, locale: string): string {
  const rest = pathname.replace(PREFIX, "");
  return `/${locale}${rest === "/" ? "" : rest}`;
}
