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
  if (relaxation.drop === "q") next.q = "";
  else if (relaxation.drop === "location") Object.assign(next, { city: null, region: null });
  else if (relaxation.drop === "salary") next.salary = null;
  else if (relaxation.drop === "company") next.company = null;
  else if (relaxation.drop === "remote") next.remote = false;
  else if (relaxation.drop === "period") Object.assign(next, { period: null, since: null });
  else next[relaxation.drop] = [];
  return searchHref(next);
}
