import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { FiltersToggle } from "@/components/search/filters-toggle";
import { Pagination } from "@/components/search/pagination";
import { SEARCH_FORM_ID, SearchFilters } from "@/components/search/search-filters";
import { SubscribeToSearch } from "@/components/search/subscribe-to-search";
import { Alert } from "@/components/ui/alert";
import { VacancyCard } from "@/components/vacancy/vacancy-card";
import { getEnv } from "@/env";
import { ClientMessages } from "@/i18n/client-messages";
import { Link, redirect } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount, formatDate } from "@/lib/format";
import { describeSearch } from "@/lib/search/describe-search";
import {
  hasCriteria,
  MAX_QUERY_LENGTH,
  parseSearchParams,
  searchParamsToQuery,
  SORTS,
  type SearchParams,
} from "@/lib/search/params";
import { criteriaFromParams } from "@/lib/search/subscription-criteria";
import { SEARCH_PATH } from "@/lib/urls";
import { SUBSCRIPTION_NAME_MAX } from "@/lib/validation/subscriptions";
import { localName } from "@/lib/local-name";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";
import { getCatalog } from "@/server/services/catalog/catalog";
import { searchVacancies, type Relaxation } from "@/server/services/search/search-vacancies";
import { summaryContext } from "@/server/services/subscriptions/subscription-search";

// Every state of the page is its URL; results depend on it, so the page renders per request.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const hrefFor = (params: Partial<SearchParams>) => {
  const query = searchParamsToQuery(params);
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale: rawLocale } = await params;
  const locale = rawLocale as AppLocale;
  const { params: criteria } = parseSearchParams(await searchParams);
  const t = await getTranslations({ locale, namespace: "search" });
  const appUrl = getEnv().APP_URL;
  const title = criteria.q ? t("titleWithQuery", { q: criteria.q }) : t("title");
  return {
    title,
    description: t("description"),
    alternates: localeAlternates(appUrl, locale, SEARCH_PATH),
    ...socialMetadata({ appUrl, locale, path: SEARCH_PATH, title, description: t("description") }),
    // The bare page is indexed; its countless filtered states are not (landing pages are).
    ...(hasCriteria(criteria) || criteria.page > 1 ? { robots: { index: false, follow: true } } : {}),
  };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale: rawLocale } = await params;
  const locale = rawLocale as AppLocale;
  setRequestLocale(locale);
  const raw = await searchParams;
  const { params: requested, notices: parseNotices } = parseSearchParams(raw);

  // Forms submit empty fields too; a clean request is sent to its canonical, shareable URL.
  const rawQuery = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])),
  ).toString();
  const canonicalQuery = searchParamsToQuery(requested);
  if (parseNotices.length === 0 && rawQuery !== canonicalQuery && rawQuery !== "") {
    redirect({ href: hrefFor(requested), locale });
  }

  const [t, tv, catalog, result] = await Promise.all([
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "vacancy" }),
    getCatalog(),
    searchVacancies(requested, { locale }),
  ]);
  const p = result.params;
  const notices = [...new Set([...parseNotices, ...result.notices])];
  const activeFilters =
    (p.city || p.region ? 1 : 0) +
    p.specializations.length +
    (p.company ? 1 : 0) +
    (p.salary ? 1 : 0) +
    p.experience.length +
    p.employment.length +
    p.schedule.length +
    p.licences.length +
    (p.remote ? 1 : 0) +
    (p.period || p.since ? 1 : 0);
  const sort = p.sort ?? (p.q ? "relevance" : "date");
  // Any state of the page can become a subscription: the search as shown, named in words.
  const subscriptionName = describeSearch(
    p,
    await summaryContext(locale, p.company ? [p.company] : [], catalog),
    SUBSCRIPTION_NAME_MAX,
  );
  const relaxLabel = (r: Relaxation) => t(`relax.${r.drop}`);
  const relaxHref = (r: Relaxation) => {
    const next: SearchParams = { ...p, page: 1 };
    if (r.drop === "q") next.q = "";
    else if (r.drop === "location") Object.assign(next, { city: null, region: null });
    else if (r.drop === "salary") next.salary = null;
    else if (r.drop === "company") next.company = null;
    else if (r.drop === "remote") next.remote = false;
    else if (r.drop === "period") Object.assign(next, { period: null, since: null });
    else next[r.drop] = [];
    return hrefFor(next);
  };

  return (
    <div className="flex flex-col gap-6">
      <form
        id={SEARCH_FORM_ID}
        method="get"
        action={`/${locale}${SEARCH_PATH}`}
        role="search"
        aria-label={t("formLabel")}
        className="flex flex-col gap-3 rounded-lg bg-brand-700 p-4 sm:flex-row sm:items-end"
      >
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor="search-q" className="text-sm font-medium text-white">
            {t("queryLabel")}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={p.q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder={t("queryPlaceholder")}
            className="rounded-md border border-white bg-white px-3 py-2 text-base text-gray-900 placeholder:text-gray-600"
          />
        </div>
        <div className="flex flex-col gap-1 sm:w-56">
          <label htmlFor="search-city" className="text-sm font-medium text-white">
            {t("location")}
          </label>
          <select
            id="search-city"
            name="city"
            defaultValue={p.city ?? ""}
            className="rounded-md border border-white bg-white px-3 py-2 text-base"
          >
            <option value="">{t("anyLocation")}</option>
            {catalog.regions.map((region) => (
              <optgroup key={region.id} label={localName(region, locale)}>
                {catalog.cities
                  .filter((c) => c.regionId === region.id)
                  .map((c) => (
                    <option key={c.id} value={c.slug}>
                      {localName(c, locale)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        {p.region && !p.city ? <input type="hidden" name="region" value={p.region} /> : null}
        {p.sort ? <input type="hidden" name="sort" value={p.sort} /> : null}
        <button type="submit" className="rounded-md bg-white px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
          {t("submit")}
        </button>
      </form>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[16rem_1fr]">
        <ClientMessages locale={locale} namespaces={["search"]}>
          <FiltersToggle activeCount={activeFilters}>
            <SearchFilters params={p} catalog={catalog} facets={result.facets} locale={locale} />
          </FiltersToggle>
        </ClientMessages>

        <div className="flex min-w-0 flex-col gap-4">
          <h1 className="text-2xl font-bold">{p.q ? t("titleWithQuery", { q: p.q }) : t("title")}</h1>
          {p.since ? (
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900">
              <span>
                {t("since", {
                  date: formatDate(p.since, locale, "long", { time: true }),
                })}
              </span>
              <Link href={hrefFor({ ...p, since: null, page: 1 })} className="font-medium underline">
                {t("sinceClear")}
              </Link>
            </p>
          ) : null}
          {notices.length ? (
            <Alert tone="info">
              <ul className="flex flex-col gap-1">
                {notices.map((n) => (
                  <li key={n}>{t(`notice.${n}`)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {result.corrections.length ? (
            <p className="text-sm text-gray-800" data-testid="corrections">
              {t("corrections", { words: result.corrections.map((c) => `«${c.to}»`).join(", ") })}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="font-medium" data-testid="total">
              {result.total === 0
                ? t("nothingFound")
                : result.totalIsLowerBound
                  ? t("foundMoreThan", { count: formatAmount(result.total) })
                  : t("found", { count: result.total, formatted: formatAmount(result.total) })}
            </p>
            {result.total > 0 ? (
              <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-gray-700">{t("sortLabel")}:</span>
                {SORTS.filter((s) => s !== "relevance" || p.q).map((s) =>
                  s === sort ? (
                    <span key={s} aria-current="true" className="rounded-md bg-gray-200 px-2 py-1 font-semibold">
                      {t(`sort.${s}`)}
                    </span>
                  ) : (
                    <Link key={s} href={hrefFor({ ...p, sort: s, page: 1 })} className="rounded-md px-2 py-1 underline">
                      {t(`sort.${s}`)}
                    </Link>
                  ),
                )}
              </nav>
            ) : null}
          </div>

          <ClientMessages locale={locale} namespaces={["subscriptions", "errors", "validation"]}>
            {/* Keyed by the search: another search starts with a closed form, not the last confirmation. */}
            <SubscribeToSearch
              key={criteriaFromParams(p).query}
              query={criteriaFromParams(p).query}
              defaultName={subscriptionName}
              searchHref={hrefFor(p)}
            />
          </ClientMessages>
          {result.priority.length ? (
            <section
              aria-labelledby="priority-heading"
              className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3"
            >
              <h2 id="priority-heading" className="text-sm font-semibold uppercase tracking-wide text-amber-900">
                {t("priority")}
              </h2>
              <ul className="flex flex-col gap-3">
                {result.priority.map((card) => (
                  <li key={card.id}>
                    <VacancyCard vacancy={card} headingLevel={3} showLogo />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {result.items.length ? (
            <section aria-labelledby="results-heading">
              <h2 id="results-heading" className="sr-only">
                {t("results")}
              </h2>
              <ul className="flex flex-col gap-3" data-testid="results">
                {result.items.map((card) => (
                  <li key={card.id}>
                    <VacancyCard vacancy={card} headingLevel={3} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {result.total === 0 ? (
            <div className="flex flex-col gap-3 rounded-lg border border-gray-200 bg-white p-5" data-testid="empty">
              <p>{t("emptyText")}</p>
              {result.relaxations.length ? (
                <>
                  <p className="font-medium">{t("relaxIntro")}</p>
                  <ul className="flex flex-col gap-1">
                    {result.relaxations.map((r) => (
                      <li key={r.drop}>
                        <Link href={relaxHref(r)} className="text-brand-800 underline">
                          {relaxLabel(r)}
                        </Link>{" "}
                        <span className="text-gray-700">
                          ({r.total > 10_000 ? t("moreThan", { count: formatAmount(10_000) }) : tv("count", { count: r.total })})
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}

          {result.facets && !p.city && result.facets.cities.length > 1 ? (
            <section aria-labelledby="facet-cities" className="flex flex-col gap-2">
              <h2 id="facet-cities" className="text-lg font-semibold">
                {t("byCity")}
              </h2>
              <ul className="flex flex-wrap gap-2 text-sm">
                {result.facets.cities.slice(0, 12).map((f) => {
                  const city = catalog.cityById.get(Number(f.value));
                  return city ? (
                    <li key={f.value}>
                      <Link href={hrefFor({ ...p, city: city.slug, region: null, page: 1 })} className="underline">
                        {localName(city, locale)}
                      </Link>{" "}
                      <span className="text-gray-700">{f.count}</span>
                    </li>
                  ) : null;
                })}
              </ul>
            </section>
          ) : null}

          <Pagination page={result.page} pageCount={result.pageCount} href={(page) => hrefFor({ ...p, page })} />
        </div>
      </div>
    </div>
  );
}
