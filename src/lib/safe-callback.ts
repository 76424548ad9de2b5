// Where to go after signing in: only a page of this site. The value comes from the query string,
// so it is resolved as a browser would resolve it (dot segments, backslashes, encoded slashes)
// before it is trusted.

/** Any origin works for resolving: only whether the result stays on it matters. */
const BASE = "https://jumys.invalid";
const LOCALE_PREFIX = /^\/(ru|kk)(?=\/|$)/;

/**
 * A same-site path (without its locale) for `value`, or `fallback`. `appOrigin` is the site's own
 * origin: a full URL on it is accepted too (next-auth sends those).
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/account", appOrigin?: string): string {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return fallback;
  let url: URL;
  try {
    url = appOrigin && /^https?:/i.test(v) ? new URL(v) : new URL(v, BASE);
  } catch {
    return fallback;
  }
  const sameOrigin = url.origin === (appOrigin && /^https?:/i.test(v) ? new URL(appOrigin).origin : BASE);
  if (!sameOrigin) return fallback;
  // "/..//evil.example" resolves to the path "//evil.example", which a browser reads as a host.
  if (!isPlainPath(url.pathname)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Paths are locale-free for the navigation helpers; drop a leading locale if present.
  return path.replace(LOCALE_PREFIX, "") || "/";
}

/**
 * An absolute URL on the site's own origin for `value` (a path or a full URL), or the site's
 * `home` path. For next-auth's redirects, which need a full URL.
 */
export function safeSameOriginUrl(value: string, appUrl: string, home: string): string {
  const origin = new URL(appUrl).origin;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return `${origin}${home}`;
  }
  if (url.origin !== origin || !isPlainPath(url.pathname)) return `${origin}${home}`;
  return url.toString();
}

function isPlainPath(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname);
    return !decoded.startsWith("//") && !decoded.includes("\\") && !/[\u0000-\u001f]/.test(decoded);
  } catch {
    return false;
  }
}
