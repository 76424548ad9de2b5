import { getTranslations, setRequestLocale } from "next-intl/server";

import { CityFacets } from "@/components/search/city-facets";
import { EmptyResults } from "@/components/search/empty-results";
import { FiltersToggle } from "@/components/search/filters-toggle";
import { Pagination } from "@/components/search/pagination";
import { PriorityResults, ResultList } from "@/components/search/result-lists";
import { ResultsSummary } from "@/components/search/results-summary";
import { SearchFilters } from "@/components/search/search-filters";
import { SearchForm } from "@/components/search/search-form";
import { searchHref } from "@/components/search/search-href";
import { SearchCorrections, SearchNotices, SinceBanner } from "@/components/search/search-notices";
import { SUBSCRIBE_FORM_MESSAGE_KEYS } from "@/components/search/subscribe-form-messages";
import { SubscribeToSearch } from "@/components/search/subscribe-to-search";
import { pickMessageKeys, pickMessages } from "@/i18n/messages";
import type { AppLocale } from "@/i18n/routing";
import { describeSearch } from "@/lib/search/describe-search";
import type { SearchNotice, SearchParams } from "@/lib/search/params";
import { criteriaFromParams } from "@/lib/search/subscription-criteria";
import { SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { getCatalog } from "@/server/services/catalog/catalog";
import { cachedSearchVacancies } from "@/server/services/search/search-cache";
import { summaryContext } from "@/server/services/subscriptions/subscription-search";

import { activeFilterCount, effectiveSort } from "./search-request";

/**
 * The search page for these criteria: rendered per request by ./page.tsx (queries that are not in
 * canonical form) and cached by ./cached/[stamp]/[query]/page.tsx (the rest; see search-page-cache.ts).
 */
export async function SearchPageView({
  locale,
  requested,
  parseNotices,
}: {
  locale: AppLocale;
  requested: SearchParams;
  parseNotices: SearchNotice[];
}) {
  setRequestLocale(locale);
  const [t, ts, catalog, result] = await Promise.all([
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "subscriptions" }),
    getCatalog(),
    cachedSearchVacancies(requested, { locale }),
  ]);
  const p = result.params;
  const notices = [...new Set([...parseNotices, ...result.notices])];
  // Any state of the page can become a subscription: the search as shown, named in words.
  const subscriptionName = describeSearch(
    p,
    await summaryContext(locale, p.company ? [p.company] : [], catalog),
    SUBSCRIPTION_NAME_MAX,
  );

  return (
    <div className="flex flex-col gap-6">
      <SearchForm locale={locale} params={p} catalog={catalog} />

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[16rem_1fr]">
        <FiltersToggle label={t("filtersButton", { count: activeFilterCount(p) })}>
          <SearchFilters params={p} catalog={catalog} facets={result.facets} locale={locale} />
        </FiltersToggle>

        <div className="flex min-w-0 flex-col gap-4">
          <h1 className="text-2xl font-bold">{p.q ? t("titleWithQuery", { q: p.q }) : t("title")}</h1>
          <SinceBanner locale={locale} params={p} />
          <SearchNotices notices={notices} />
          <SearchCorrections corrections={result.corrections} />
          <ResultsSummary result={result} params={p} sort={effectiveSort(p)} />

          {/* Keyed by the search: another search starts with a closed form, not the last confirmation. */}
          <SubscribeToSearch
            key={criteriaFromParams(p).query}
            query={criteriaFromParams(p).query}
            defaultName={subscriptionName}
            searchHref={searchHref(p)}
            locale={locale}
            labels={{ subscribe: ts("subscribe"), signInToSubscribe: ts("signInToSubscribe"), seekersOnly: ts("seekersOnly") }}
            formMessages={{ ...pickMessages(locale, ["subscriptions"]), ...pickMessageKeys(locale, SUBSCRIBE_FORM_MESSAGE_KEYS) }}
          />
          <PriorityResults cards={result.priority} />
          <ResultList cards={result.items} />
          <EmptyResults result={result} params={p} />
          <CityFacets locale={locale} params={p} facets={result.facets} catalog={catalog} />
          <Pagination page={result.page} pageCount={result.pageCount} href={(page) => searchHref({ ...p, page })} />
        </div>
      </div>
    </div>
  );
}
