import { FILTER_BY_KEY, withoutFilters } from "@/lib/search/filters";
import { searchParamsToQuery, type SearchParams } from "@/lib/search/params";
import { SEARCH_PATH } from "@/lib/urls";
import type { Relaxation } from "@/server/services/search/search-vacancies";

/** The search page's address for these criteria, without a locale (the i18n Link adds it). */
export function searchHref(params: Partial<SearchParams>): string {
  const query = searchParamsToQuery(params);
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** The same search without the criterion a relaxation drops, from its first page. */
export function relaxedSearchHref(params: SearchParams, relaxation: Relaxation): string {
  const next: SearchParams = { ...params, page: 1 };
  if (relaxation.drop === "q") return searchHref({ ...next, q: "" });
  return searchHref(withoutFilters(next, [FILTER_BY_KEY.get(relaxation.drop)!]));
}
