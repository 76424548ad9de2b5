import { FILTERS } from "./filters";
import type { SearchParams } from "./params";

export interface SearchSummaryContext {
  /** A translator over the whole catalogue (full keys such as "vacancy.experience.NONE"). */
  t: (key: string, values?: Record<string, string | number>) => string;
  /** Names in the reader's language; null for a slug or id the catalogue no longer has. */
  cityName: (slug: string) => string | null;
  regionName: (slug: string) => string | null;
  specializationName: (slug: string) => string | null;
  companyName?: (id: number) => string | null;
}

export const SEARCH_SUMMARY_SEPARATOR = " · ";

const SUMMARIES = FILTERS.flatMap((f) => f.summary ?? []).sort((a, b) => a.rank - b.rank);

/** The parts of a readable summary of a search, in the order the search page shows its filters. */
export function searchSummaryParts(params: SearchParams, ctx: SearchSummaryContext): string[] {
  const parts: string[] = [];
  if (params.q) parts.push(params.q);
  for (const summary of SUMMARIES) parts.push(...summary.parts(params, ctx));
  return parts;
}

/**
 * "водитель · Алматы · C": what a subscription is called unless its owner names it, and what the
 * cabinet shows under every name. At most `maxLength` characters (the name column's size).
 */
export function describeSearch(params: SearchParams, ctx: SearchSummaryContext, maxLength = 150): string {
  const parts = searchSummaryParts(params, ctx);
  const text = parts.length ? parts.join(SEARCH_SUMMARY_SEPARATOR) : ctx.t("subscriptions.summary.all");
  if (text.length <= maxLength) return text;
  // Cut between whole characters (never inside a surrogate pair), then mark the cut.
  let cut = "";
  for (const char of text) {
    if (cut.length + char.length > maxLength - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}
