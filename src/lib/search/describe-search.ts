import { formatAmount, licenceLabel } from "@/lib/format";

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

/** The parts of a readable summary of a search, in the order the search page shows its filters. */
export function searchSummaryParts(params: SearchParams, ctx: SearchSummaryContext): string[] {
  const parts: string[] = [];
  if (params.q) parts.push(params.q);
  const location = params.city ? ctx.cityName(params.city) : params.region ? ctx.regionName(params.region) : null;
  if (location) parts.push(location);
  for (const slug of params.specializations) {
    const name = ctx.specializationName(slug);
    if (name) parts.push(name);
  }
  if (params.licences.length) parts.push(params.licences.map(licenceLabel).join(", "));
  if (params.salary) parts.push(ctx.t("vacancy.salary.from", { from: formatAmount(params.salary) }));
  for (const value of params.experience) parts.push(ctx.t(`vacancy.experience.${value}`));
  for (const value of params.employment) parts.push(ctx.t(`vacancy.employment.${value}`));
  for (const value of params.schedule) parts.push(ctx.t(`vacancy.schedule.${value}`));
  if (params.remote) parts.push(ctx.t("subscriptions.summary.remote"));
  if (params.company) parts.push(ctx.companyName?.(params.company) ?? ctx.t("subscriptions.summary.company"));
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
