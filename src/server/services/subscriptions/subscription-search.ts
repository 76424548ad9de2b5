import type { SearchSummaryContext } from "@/lib/search/describe-search";
import { FILTERS } from "@/lib/search/filters";
import { parseSearchParams, type SearchNotice, type SearchParams } from "@/lib/search/params";
import {
  criteriaFromParams,
  paramsFromCriteria,
  subscriptionSearch,
  type SubscriptionCriteria,
} from "@/lib/search/subscription-criteria";
import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { getCatalog, type Catalog } from "@/server/services/catalog/catalog";
import { PUBLIC_ORGANIZATION_WHERE } from "@/server/services/organizations/public-organization";
import { localName } from "@/lib/local-name";

// Page, sort and period are not part of a subscription, so a bad value there does not matter.
const IGNORED_NOTICES: readonly SearchNotice[] = ["pageInvalid", "pageTooDeep", "sortInvalid", "periodInvalid"];

/** The same search written one way: filter values in a fixed order, so "C and CE" equals "CE and C". */
export function canonicalSearch(params: SearchParams): SearchParams {
  const canonical = subscriptionSearch(params);
  for (const filter of FILTERS) Object.assign(canonical, filter.canonical?.(params));
  return canonical;
}

/** The criteria a stored value stands for, written canonically (for comparing two subscriptions). */
export const canonicalCriteria = (stored: unknown): SubscriptionCriteria =>
  criteriaFromParams(canonicalSearch(paramsFromCriteria(stored)));

const invalid = () => new DomainError("VALIDATION", "errors.subscriptions.criteriaInvalid", { field: "query" });

/**
 * Reads a search page query string into subscription criteria. Anything the search page would
 * silently drop (an unknown city, a filter value it does not know, a query past its length) is
 * refused here instead: a subscription must mean exactly what its owner saw.
 */
export async function resolveSubscriptionSearch(
  query: string,
  tx: DbTx = db,
): Promise<{ params: SearchParams; criteria: SubscriptionCriteria; companyName: string | null }> {
  let parsed: ReturnType<typeof parseSearchParams>;
  try {
    parsed = parseSearchParams(new URLSearchParams(query.replace(/^\?/, "")));
  } catch {
    throw invalid();
  }
  if (parsed.notices.some((notice) => !IGNORED_NOTICES.includes(notice))) throw invalid();
  const params = canonicalSearch(parsed.params);

  const catalog = await getCatalog();
  if (params.city && !catalog.cityBySlug.has(params.city)) throw invalid();
  if (params.region && !catalog.regionBySlug.has(params.region)) throw invalid();
  if (params.specializations.some((slug) => !catalog.specializationBySlug.has(slug))) throw invalid();

  let companyName: string | null = null;
  if (params.company) {
    const company = await tx.organization.findFirst({
      where: { id: params.company, ...PUBLIC_ORGANIZATION_WHERE },
      select: { displayName: true },
    });
    if (!company) throw invalid();
    companyName = company.displayName;
  }
  return { params, criteria: criteriaFromParams(params), companyName };
}

/** Names for summaries in one language; company names are looked up once for all of them. */
export async function summaryContext(
  locale: AppLocale,
  companyIds: readonly number[] = [],
  catalog?: Catalog,
): Promise<SearchSummaryContext> {
  const cat = catalog ?? (await getCatalog());
  const companies = companyIds.length
    ? await db.organization.findMany({ where: { id: { in: [...new Set(companyIds)] } }, select: { id: true, displayName: true } })
    : [];
  const companyById = new Map(companies.map((c) => [c.id, c.displayName]));
  const named = (item: { nameRu: string; nameKk: string } | undefined) => (item ? localName(item, locale) : null);
  return {
    t: dynamicTranslator(locale).t,
    cityName: (slug) => named(cat.cityBySlug.get(slug)),
    regionName: (slug) => named(cat.regionBySlug.get(slug)),
    specializationName: (slug) => named(cat.specializationBySlug.get(slug)),
    companyName: (id) => companyById.get(id) ?? null,
  };
}
