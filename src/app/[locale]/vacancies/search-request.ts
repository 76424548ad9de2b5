import { FILTERS } from "@/lib/search/filters";
import {
  parseSearchParams,
  searchParamsToQuery,
  type SearchNotice,
  type SearchParams,
  type SortOrder,
} from "@/lib/search/params";

import { searchHref } from "@/components/search/search-href";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * The criteria of a request to the search page. Forms submit empty fields too: a request that
 * parsed cleanly but is not in canonical form gets `canonicalHref`, its shareable URL to redirect to.
 */
export function parseSearchRequest(raw: RawSearchParams): {
  params: SearchParams;
  notices: SearchNotice[];
  canonicalHref: string | null;
} {
  const { params, notices } = parseSearchParams(raw);
  const rawQuery = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
  ).toString();
  const canonicalQuery = searchParamsToQuery(params);
  const canonical = notices.length === 0 && rawQuery !== canonicalQuery && rawQuery !== "";
  return { params, notices, canonicalHref: canonical ? searchHref(params) : null };
}

/** How many filters are set, as the phone's "Filters (n)" button counts them: a location or a period is one. */
export function activeFilterCount(p: SearchParams): number {
  return FILTERS.reduce((sum, filter) => sum + filter.count(p), 0);
}

/** The order results are in: a query is ranked by relevance unless another order is asked for. */
export const effectiveSort = (p: SearchParams): SortOrder => p.sort ?? (p.q ? "relevance" : "date");

/**
 * The canonical query of a request whose query is already canonical and clean (nothing to redirect
 * to, nothing to warn about): such a search page is served from the page cache. Null otherwise.
 */
export function cacheableSearchQuery(raw: URLSearchParams): string | null {
  const { params, notices, canonicalHref } = parseSearchRequest(rawSearchParams(raw));
  if (notices.length > 0 || canonicalHref !== null) return null;
  const canonical = searchParamsToQuery(params);
  return canonical === raw.toString() ? canonical : null;
}

/** A query string as Next hands a page its searchParams: repeated keys as arrays. */
export function rawSearchParams(search: URLSearchParams): RawSearchParams {
  const record: RawSearchParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    record[key] = values.length === 1 ? values[0] : values;
  }
  return record;
}
