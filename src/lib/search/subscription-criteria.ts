import { z } from "zod";

import { FILTERS, withoutFilters } from "./filters";
import { EMPTY_SEARCH, parseSearchParams, searchParamsToQuery, type SearchParams } from "./params";

/**
 * A subscription stores the search it was made from as the search page's canonical query
 * string: `{ "query": "q=водитель&city=almaty&lic=c" }`. Page, sort, period and since are not part
 * of it (the digest always looks at what was published since the last digest, premium first).
 * Reading it back goes through the same parser as the search page, so a catalogue value that
 * has since disappeared is dropped rather than breaking the digest.
 */
export const subscriptionCriteriaSchema = z.object({ query: z.string().max(2000) });
export type SubscriptionCriteria = z.infer<typeof subscriptionCriteriaSchema>;

/** Filters a subscription does not keep (see SearchFilter.subscribable). */
const NOT_KEPT = FILTERS.filter((f) => !f.subscribable);

/** The search state as a subscription keeps it: its criteria, from the first page, in no set order. */
export const subscriptionSearch = (params: Partial<SearchParams>): SearchParams =>
  withoutFilters({ ...EMPTY_SEARCH, ...params, page: 1, sort: null }, NOT_KEPT);

export function criteriaFromParams(params: Partial<SearchParams>): SubscriptionCriteria {
  return { query: searchParamsToQuery(subscriptionSearch(params)) };
}

/** The search state a stored criteria value stands for; unreadable values give an empty search. */
export function paramsFromCriteria(value: unknown): SearchParams {
  const parsed = subscriptionCriteriaSchema.safeParse(value);
  if (!parsed.success) return { ...EMPTY_SEARCH };
  return subscriptionSearch(parseSearchParams(new URLSearchParams(parsed.data.query)).params);
}
