type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** A path of the site without its locale (`/vacancies`), or one with a query. */
export type LocalizedHref = string | { pathname: string; query?: Record<string, QueryValue> };

/** The path with the locale in front and the query written out; other URLs are left as they are. */
export function localizedHref(href: LocalizedHref, locale: string): string {
  const { pathname, query } = typeof href === "string" ? { pathname: href, query: undefined } : href;
  if (!pathname.startsWith("/") || pathname.startsWith("//")) return pathname;
  const [path, rest = ""] = splitOnce(pathname);
  const params = new URLSearchParams(rest.startsWith("?") ? rest.slice(1).split("#")[0] : "");
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.set(key, String(value));
  }
  const search = params.toString();
  const hash = rest.includes("#") ? rest.slice(rest.indexOf("#")) : "";
  return `/${locale}${path === "/" ? "" : path}${search ? `?${search}` : ""}${hash}`;
}

function splitOnce(pathname: string): [string, string?] {
  const at = pathname.search(/[?#]/);
  return at === -1 ? [pathname] : [pathname.slice(0, at), pathname.slice(at)];
}
