import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { readDb as defaultDb } from "@/server/db";
import type { FilterKey } from "@/lib/search/filters";
import { COUNT_LIMIT, MAX_PAGE, PAGE_SIZE, type SearchNotice, type SearchParams } from "@/lib/search/params";

import { getCatalog } from "../catalog/catalog";
import { liveSearchRowSql } from "../vacancies/visibility";

import {
  applyFilters,
  countAndFacetsSql,
  facetsFromRows,
  filtersSql,
  type AppliedFilter,
  type Facets,
} from "./plan/filter-conditions";
import {
  newestMatches,
  relevancePage,
  rowsUnder,
  sizedWalk,
  walkCountSql,
  type NewestWalk,
  type Run,
  type SearchTable,
} from "./plan/newest-matches";
import { planQuery, type Correction } from "./plan/query-words";
import { salaryMatches, sizedSalaryWalk, type SalaryWalk } from "./plan/salary-order";
import { loadVacancyCards, type VacancyCard } from "./vacancy-cards";

// Full-text search with filters over `vacancy_search` (see its migration). One multicolumn GIN
// index answers text and filters together; newest-first pages walk a btree index for a bounded
// number of rows first (plan/newest-matches.ts). How the words are searched is planned in plan/query-words.ts, shared with
// the digest.

/**
 * Facet counts are exact up to the count's limit and left out above it: they are counted from the
 * same rows as the matches, and help while narrowing a search down to pages one can read.
 */
export const FACET_LIMIT = COUNT_LIMIT;
/**
 * Above this many estimated matches the count is not taken. Estimates of text and filter
 * combinations are within a factor of two or three of the truth, but words that rarely go with a
 * filter (a driver in IT) are estimated as if they went together; at 50 000 the real count is
 * above the limit however wrong the estimate, and below it counting up to the limit is cheap.
 */
const COUNT_ESTIMATE_TRUSTED = 50_000;
/** Above this many estimated matches the facets are not counted along with the matches. */
const FACETS_UNLIKELY = 2 * FACET_LIMIT;
/**
 * The most rows a walk reads to find more than COUNT_LIMIT matches (moreThanLimitByWalk), sized
 * for COUNT_WALK_MARGIN times the rows the estimate's density asks: a walk reads a row for about
 * 0.3–1.5 µs, and past this many the index's count is as cheap.
 */
const COUNT_WALK_ROWS = 10_000;
const COUNT_WALK_MARGIN = 2;
const PRIORITY_SIZE = 3;
/** A salary step reached by more than this share of the table is not asked of the index. */
const BROAD_SALARY_STEP = 0.25;
/** Relevance orders at most this many of the newest matches (the first pages); see pageIds. */
export const RELEVANCE_WINDOW = 10 * PAGE_SIZE;
/** Rows the newest-first walk reads before the index takes over (plan/newest-matches.ts). */
const WALK_ROWS = 10_000;
const PREMIUM_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface SearchOptions {
  locale: "ru" | "kk";
  db?: Db;
  now?: Date;
  /** How many rows the newest-first walk reads before the index takes over (tests shorten it). */
  walkRows?: number;
}

export interface Relaxation {
  /** Which criterion to drop: the words, or a filter (src/lib/search/filters.ts). */
  drop: "q" | FilterKey;
  total: number;
}

export interface SearchResult {
  /** The criteria actually applied (unknown slugs dropped). */
  params: SearchParams;
  notices: SearchNotice[];
  total: number;
  /** True when counting stopped at COUNT_LIMIT. */
  totalIsLowerBound: boolean;
  page: number;
  pageCount: number;
  items: VacancyCard[];
  /** Premium vacancies in their first week that match: shown above the results on page one. */
  priority: VacancyCard[];
  corrections: Correction[];
  facets: Facets | null;
  /** For an empty result: what dropping each criterion would give. */
  relaxations: Relaxation[];
  timings: Record<string, number>;
}

interface Resolved {
  /** The criteria as applied. */
  params: SearchParams;
  filters: AppliedFilter[];
}

function conditions(r: Resolved, query: Prisma.Sql | null, now: Date, without?: Relaxation["drop"]): Prisma.Sql[] {
  const where: Prisma.Sql[] = [liveSearchRowSql(now)];
  if (query && without !== "q") where.push(Prisma.sql`vs.search_vector @@ ${query}`);
  return where.concat(filtersSql(r.filters, without));
}

const whereSql = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");

const VACANCY_SEARCH: SearchTable = {
  table: "vacancy_search",
  alias: "vs",
  id: "vacancy_id",
  date: "published_at",
  dateInMatchIndex: true,
};

/** The specializations the search asks for (a vacancy of any of them matches). */
function specializationIdsOf(r: Resolved): number[] {
  const spec = r.filters.flatMap((f) => f.conditions).find((c) => c.kind === "overlaps" && c.column === "specialization_ids");
  return spec?.kind === "overlaps" && spec.column === "specialization_ids" ? spec.values : [];
}

/** The search's conditions with the walk newest-matches.ts takes: the city's own index when one is searched. */
function walkOf(r: Resolved, query: Prisma.Sql | null, now: Date, walkRows: number): NewestWalk {
  const city = r.filters.flatMap((f) => f.conditions).find((c) => c.kind === "equals" && c.column === "city_id");
  return {
    where: whereSql(conditions(r, query, now)),
    ...(city?.kind === "equals" ? { walkFrom: Prisma.sql`vs.city_id = ${city.value}` } : {}),
    walkRows,
  };
}

/**
 * The page's ids. By date, the newest matches (newest-matches.ts: a bounded walk, the index for
 * rare ones). By relevance, the newest matches the walk finds (at most RELEVANCE_WINDOW, in whole
 * pages; the index's newest for rare words) are ranked and fill the first pages, later pages go on
 * by date. By salary, a bounded walk of the salary order (of the specializations searched, when
 * any), the matches sorted when it finds too few (plan/salary-order.ts).
 */
async function pageIds(
  db: Db,
  r: Resolved,
  query: Prisma.Sql | null,
  now: Date,
  run: Run,
  pinnedWalkRows: number | undefined,
): Promise<number[]> {
  const offset = (r.params.page - 1) * PAGE_SIZE;
  const page = { limit: PAGE_SIZE, offset };
  const sort = r.params.sort ?? (query ? "relevance" : "date");
  const walk = walkOf(r, query, now, pinnedWalkRows ?? WALK_ROWS);
  if (sort === "salary") {
    const salaryWalk: SalaryWalk = {
      where: walk.where,
      words: query !== null,
      specializationIds: specializationIdsOf(r),
      walkRows: walk.walkRows,
    };
    return salaryMatches(pinnedWalkRows === undefined ? await sizedSalaryWalk(db, salaryWalk) : salaryWalk, run, page);
  }
  // Tests pin the walk's length; otherwise it is sized by the rows of the city or the table.
  const sized = pinnedWalkRows === undefined ? await sizedWalk(db, VACANCY_SEARCH, walk) : walk;
  if (!query || sort !== "relevance") return newestMatches(VACANCY_SEARCH, sized, run, page);
  return relevancePage(VACANCY_SEARCH, sized, run, query, page, RELEVANCE_WINDOW);
}

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round((performance.now() - started) * 100) / 100;
  }
}

/** The planner's estimate of the matches (statistics only, nothing is read). */
async function estimatedRows(db: Db, where: Prisma.Sql): Promise<number> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM vacancy_search vs WHERE ${where}`;
  return rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
}

type FacetRow = { facet: string; value: string; n: number };
/** A row of countAndFacetsSql: the count (facet and value NULL) or one facet value's count. */
type CountRow = { facet: string | null; value: string | null; n: number };

/**
 * Whether the newest rows of the search's walk (its city's, or the table's) hold more than
 * COUNT_LIMIT matches, when the estimate says they are dense enough to be found within
 * COUNT_WALK_ROWS rows walked; false when they are not, or the walk did not find them (the estimate
 * was too high), and the matches are then counted through the index.
 */
async function moreThanLimitByWalk(
  db: Db,
  walk: NewestWalk,
  estimate: number,
  pinnedWalkRows: number | undefined,
): Promise<boolean> {
  const sized = pinnedWalkRows === undefined ? await sizedWalk(db, VACANCY_SEARCH, walk) : walk;
  if (!sized.fromRows || estimate <= 0) return false;
  // Rows to walk for the limit's matches at the estimated density, with room for the estimate's error.
  const rows = Math.ceil(((COUNT_LIMIT + 1) * sized.fromRows * COUNT_WALK_MARGIN) / estimate);
  if (rows > COUNT_WALK_ROWS) return false;
  const counted = await db.$queryRaw<{ n: number }[]>(walkCountSql(VACANCY_SEARCH, sized, rows, COUNT_LIMIT + 1));
  return (counted[0]?.n ?? 0) > COUNT_LIMIT;
}

async function countAndFacets(
  db: Db,
  r: Resolved,
  query: Prisma.Sql | null,
  now: Date,
  pinnedWalkRows: number | undefined,
): Promise<{ total: number; facets: Facets | null }> {
  const where = whereSql(conditions(r, query, now));
  // Counting reads every match from the table; when the planner expects many times the limit,
  // the answer is "more than COUNT_LIMIT" either way, so it is not paid for.
  const estimate = await estimatedRows(db, where);
  if (estimate >= COUNT_ESTIMATE_TRUSTED) return { total: COUNT_LIMIT + 1, facets: null };
  // Expected above the limit: where the matches are dense, the newest rows hold the limit's worth
  // of them, and a walk finds that cheaper than the index counts them.
  if (estimate >= FACETS_UNLIKELY && (await moreThanLimitByWalk(db, walkOf(r, query, now, WALK_ROWS), estimate, pinnedWalkRows)))
    return { total: COUNT_LIMIT + 1, facets: null };
  // Facets counted along with the matches cost their columns for every match counted, which pays
  // while the matches may be few enough to show them; expected far above that, only the count.
  const rows = await db.$queryRaw<CountRow[]>(
    estimate >= FACETS_UNLIKELY
      ? countAndFacetsSql(where, COUNT_LIMIT, null)
      : countAndFacetsSql(where, COUNT_LIMIT, FACET_LIMIT),
  );
  const total = rows.find((row) => row.facet === null)?.n ?? 0;
  // Facet counts help while narrowing down; over thousands of matches they cost more than they say.
  if (total === 0 || total > FACET_LIMIT) return { total, facets: null };
  const facetRows =
    estimate >= FACETS_UNLIKELY
      ? // The estimate was too high: the few matches are read again for their facets.
        await db.$queryRaw<CountRow[]>(countAndFacetsSql(where, FACET_LIMIT, FACET_LIMIT))
      : rows;
  return { total, facets: facetsFromRows(facetRows.filter((row): row is FacetRow => row.facet !== null && row.value !== null)) };
}

/**
 * Premium vacancies in their first week that match, newest first: a walk of the newest premium
 * publications (their partial index), sized like every walk (newest-matches.ts) by how many there
 * are, then their GIN index when the matches are rare. The week and the premium end stay out of
 * the GIN index ("+ interval"): as ranges over a week of publications they would read hundreds of
 * thousands of its entries. The walk starts at the hour before the week, so that the estimate it
 * is sized by is asked once an hour rather than per search; the exact week is a condition.
 */
async function priorityIds(
  db: Db,
  r: Resolved,
  query: Prisma.Sql | null,
  now: Date,
  pinnedWalkRows: number | undefined,
): Promise<number[]> {
  const since = new Date(now.getTime() - PREMIUM_WINDOW_DAYS * DAY_MS);
  const walkSince = new Date(Math.floor(since.getTime() / HOUR_MS) * HOUR_MS);
  const walk: NewestWalk = {
    where: Prisma.sql`vs.premium_until IS NOT NULL AND vs.premium_until + interval '0 seconds' > ${now}
      AND vs.published_at + interval '0 seconds' >= ${since} AND ${whereSql(conditions(r, query, now))}`,
    walkFrom: Prisma.sql`vs.premium_until IS NOT NULL AND vs.published_at >= ${walkSince}`,
    walkRows: pinnedWalkRows ?? WALK_ROWS,
  };
  // Tests pin the walk's length; otherwise it is sized by the premium publications of the week.
  const sized = pinnedWalkRows === undefined ? await sizedWalk(db, VACANCY_SEARCH, walk) : walk;
  return newestMatches(VACANCY_SEARCH, sized, (sql) => db.$queryRaw<{ id: number }[]>(sql), { limit: PRIORITY_SIZE, offset: 0 });
}

async function relaxations(db: Db, r: Resolved, query: Prisma.Sql | null, now: Date): Promise<Relaxation[]> {
  const active: Relaxation["drop"][] = r.filters.map((f) => f.key);
  if (query) active.unshift("q");
  if (active.length === 0) return [];
  const counts = await Promise.all(
    active.map(async (drop) => {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM vacancy_search vs WHERE ${whereSql(conditions(r, query, now, drop))} LIMIT ${COUNT_LIMIT + 1}
        ) x`;
      return { drop, total: rows[0]?.n ?? 0 };
    }),
  );
  return counts.filter((c) => c.total > 0).sort((a, b) => b.total - a.total);
}

async function prepare(params: SearchParams, options: SearchOptions, now: Date) {
  const db = options.db ?? defaultDb;
  const notices = new Set<SearchNotice>();
  const catalog = await getCatalog(options.db);
  const applied = applyFilters(params, { catalog, now, notices });
  const [filters, { corrections, tsquery }] = await Promise.all([
    withoutBroadSalaryStep(db, applied.filters),
    planQuery(db, params.q, { cached: true }),
  ]);
  const resolved: Resolved = { params: applied.params, filters };
  return { db, notices, resolved, corrections, query: tsquery };
}

/**
 * The salary filter's step (`salary_steps @> {step}`) is a key of the GIN index so that a high
 * salary narrows the matches there; a step most vacancies reach narrows nothing, and intersecting
 * its postings costs the index more than checking salary_top on the rows the other conditions
 * find (at a million vacancies, the 100,000 step held by 92% of them: text + city + specialization
 * + salary went from p95 30 to 22 ms without it). So the step is left to salary_top's own
 * condition, which the filter always has, when more than BROAD_SALARY_STEP of the table reaches it
 * (the planner's estimate, kept ten minutes).
 */
async function withoutBroadSalaryStep(db: Db, filters: AppliedFilter[]): Promise<AppliedFilter[]> {
  const step = filters.flatMap((f) => f.conditions).find((c) => c.kind === "salaryStep");
  if (step?.kind !== "salaryStep") return filters;
  const [reaching, all] = await Promise.all([
    rowsUnder(db, VACANCY_SEARCH.table, VACANCY_SEARCH.alias, Prisma.sql`vs.salary_top >= ${step.step}`),
    rowsUnder(db, VACANCY_SEARCH.table, VACANCY_SEARCH.alias, Prisma.sql`TRUE`),
  ]);
  if (reaching <= BROAD_SALARY_STEP * all) return filters;
  return filters.map((f) => ({ ...f, conditions: f.conditions.filter((c) => c !== step) }));
}

/** One page of results with everything the search page shows around it. */
export async function searchVacancies(params: SearchParams, options: SearchOptions): Promise<SearchResult> {
  const now = options.now ?? new Date();
  const timings: Record<string, number> = {};
  const started = performance.now();
  const { db, notices, resolved, corrections, query } = await timed(timings, "plan", () => prepare(params, options, now));
  const firstPage = resolved.params.page === 1;

  const [ids, counted, priority] = await Promise.all([
    timed(timings, "results", () =>
      pageIds(db, resolved, query, now, (sql) => db.$queryRaw<{ id: number }[]>(sql), options.walkRows),
    ),
    timed(timings, "count", () => countAndFacets(db, resolved, query, now, options.walkRows)),
    firstPage ? timed(timings, "priority", () => priorityIds(db, resolved, query, now, options.walkRows)) : Promise.resolve([]),
  ]);
  const total = Math.min(counted.total, COUNT_LIMIT);
  const pageCount = Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE));

  const shownInPriority = new Set(priority);
  const [items, priorityCards, relaxed] = await Promise.all([
    timed(timings, "cards", () =>
      loadVacancyCards(
        ids.filter((id) => !shownInPriority.has(id)),
        { db, now },
      ),
    ),
    loadVacancyCards(priority, { db, now }),
    total === 0 ? timed(timings, "relaxations", () => relaxations(db, resolved, query, now)) : Promise.resolve([]),
  ]);
  timings.total = Math.round((performance.now() - started) * 100) / 100;

  return {
    params: resolved.params,
    notices: [...notices],
    total,
    totalIsLowerBound: counted.total > COUNT_LIMIT,
    page: resolved.params.page,
    pageCount,
    items,
    priority: priorityCards,
    corrections,
    facets: counted.facets,
    relaxations: relaxed,
    timings,
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the queries that pick the page of results, for benchmarks. */
export async function explainSearch(params: SearchParams, options: SearchOptions): Promise<string> {
  const now = options.now ?? new Date();
  const { db, resolved, query } = await prepare(params, options, now);
  const plans: string[] = [];
  await pageIds(
    db,
    resolved,
    query,
    now,
    async (sql) => {
      const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
      plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
      return db.$queryRaw<{ id: number }[]>(sql);
    },
    options.walkRows,
  );
  return plans.join("\n\n");
}
