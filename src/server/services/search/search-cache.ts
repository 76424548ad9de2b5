import { LRUCache } from "lru-cache";

import type { AppLocale } from "@/i18n/routing";
import { searchParamsToQuery, type SearchParams } from "@/lib/search/params";

import { forgetPlannedWords } from "./plan/query-words";
import { newSearchGeneration } from "./search-page-cache";
import { searchVacancies, type SearchResult } from "./search-vacancies";

/**
 * The search page's results, kept for a short while per normalized query and language: most
 * visitors ask the same few searches ("водитель" in Almaty, a city's newest vacancies), and each
 * uncached search costs several queries (results, count with facets, the premium block, cards).
 *
 * Safe because a search's result is public and the same for everyone (nothing in it depends on
 * who asks), and short enough that a new vacancy reaches the page within `TTL_MS` on every server.
 * On the server that made a write dropping public pages (a publication, an edit, an archive) the
 * cache is emptied at once (`forgetCachedSearches`, called with the pages' revalidation). The
 * time of the search is taken when it runs: an entry may show, for `TTL_MS`, a vacancy that expired
 * meanwhile, whose own page then answers 410. Concurrent requests for one search wait for the same
 * query instead of each running it.
 */
export const SEARCH_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 2_000;

type Key = string;

type Cache = LRUCache<Key, SearchResult, { params: SearchParams; locale: AppLocale }>;

// One cache per process: the search page fills it and the API's writes empty it, and each route's
// server bundle may hold its own copy of this module, so the cache lives on globalThis.
const globalForCache = globalThis as unknown as { jumysSearchCache?: Cache };
const cache: Cache = (globalForCache.jumysSearchCache ??= new LRUCache({
  max: MAX_ENTRIES,
  ttl: SEARCH_CACHE_TTL_MS,
  // A search that fails is not kept; the next request tries again.
  fetchMethod: (_key, _stale, { context }) => searchVacancies(context.params, { locale: context.locale }),
}));

/** The result of this search, from the cache when the same one ran in the last `SEARCH_CACHE_TTL_MS`. */
export async function cachedSearchVacancies(params: SearchParams, options: { locale: AppLocale }): Promise<SearchResult> {
  const key = `${options.locale}?${searchParamsToQuery(params)}`;
  const result = await cache.fetch(key, { context: { params, locale: options.locale } });
  // fetchMethod never resolves to undefined, and a rejected fetch rejects here.
  return result!;
}

/**
 * After a write that changed what searches find (with the revalidation of public pages): the
 * results, the looked-up words (query-words.ts) and the rendered search pages of this server
 * (search-page-cache.ts) are not used again.
 */
export function forgetCachedSearches(): void {
  cache.clear();
  forgetPlannedWords();
  newSearchGeneration();
}
