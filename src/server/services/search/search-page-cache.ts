// The rendered search page, cached like the other public pages (ISR) instead of rendered for every
// request: rendering it costs the server about 20 ms of CPU even when its results come from the
// results cache (search-cache.ts), several times what a cached page costs to send.
//
// The proxy rewrites a request for the search page whose query is already canonical to the
// internal route `/{locale}/vacancies/cached/{stamp}/{query}`, where `query` is the canonical query
// string (base64url) and `stamp` names the current period of SEARCH_PAGE_PERIOD_MS together with
// this server's search generation. Each stamp is a new cache entry, so that a page is never older
// than one period plus the results cache's TTL, however long nobody asked for it (a cached page
// past its revalidation time would otherwise be served once more while it renders again), and a
// write that changed what searches find (forgetCachedSearches) starts a new generation: this
// server's next search page shows it at once, as the uncached page did. Old entries are never
// asked for again and leave the page cache as it fills (least recently used first).

/** How long one rendered search page is served. */
export const SEARCH_PAGE_PERIOD_MS = 30_000;

/** Longer canonical queries (hundreds of filter values) are rendered per request: paths stay short. */
const MAX_QUERY_LENGTH = 1_500;
const STAMP = /^(0|[1-9][0-9]{0,12})-(0|[1-9][0-9]{0,12})$/;
const QUERY = /^q[A-Za-z0-9_-]{0,2000}$/;

// Shared by the proxy and the pages, which the server loads as separate bundles: on globalThis.
const globalForGeneration = globalThis as unknown as { jumysSearchGeneration?: number };

/** After a write that changed what searches find: this server's cached search pages are not used again. */
export function newSearchGeneration(): void {
  globalForGeneration.jumysSearchGeneration = (globalForGeneration.jumysSearchGeneration ?? 0) + 1;
}

/** The internal path that serves the search page for this canonical query at `now`; null when it is too long. */
export function cachedSearchPagePath(locale: string, canonicalQuery: string, now = Date.now()): string | null {
  if (canonicalQuery.length > MAX_QUERY_LENGTH) return null;
  const period = Math.floor(now / SEARCH_PAGE_PERIOD_MS);
  const stamp = `${period}-${globalForGeneration.jumysSearchGeneration ?? 0}`;
  return `/${locale}/vacancies/cached/${stamp}/q${Buffer.from(canonicalQuery, "utf8").toString("base64url")}`;
}

/** The canonical query a cached page's segments stand for; null for segments this module did not write. */
export function queryOfCachedSearchPage(stamp: string, query: string): string | null {
  if (!STAMP.test(stamp) || !QUERY.test(query)) return null;
  const text = Buffer.from(query.slice(1), "base64url").toString("utf8");
  // Only what cachedSearchPagePath writes: the same text encodes back to the same segment.
  return `q${Buffer.from(text, "utf8").toString("base64url")}` === query ? text : null;
}
