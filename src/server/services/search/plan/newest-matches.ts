import { LRUCache } from "lru-cache";

import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { sqlIdent } from "@/server/db/sql-ident";

// Newest-first pages of a search table that no planner estimate can turn into a read of the
// whole table. Asked for "the newest N matches", PostgreSQL either walks a date index and filters
// (cheap while matches are dense, every row read when they are rare) or collects every match from
// the GIN index and sorts (cheap while they are rare, slow when they are many); it picks by its
// estimates of text and array conditions, which are often wrong by orders of magnitude (460,000
// rows walked to find none). Here the walk is bounded and the index is the fallback:
//
// 1. walk the newest rows of the date index (of the searched place, when its own index can be
//    walked) and filter them; when they hold the page, it is the exact answer;
// 2. otherwise the matches are sparse, fewer than offset + limit in the rows walked, and the GIN
//    index finds them all ("+ interval" keeps the planner off the date index) to be sorted.
//
// How far to walk (walkLength). The walk reads rows, the index reads matches, and a match the index
// finds costs as much as k rows walked (MATCH_COST). At a density d of matches among the N rows
// walkable, the walk reads needed / d rows and the index d * N matches: they cost the same at
// d = sqrt(needed / (k * N)), a walk of sqrt(k * needed * N) rows. So the walk stops there: when it
// finds too few, the matches number fewer than sqrt(needed * N / k) and the index reads only those.
// Neither step costs more than that, whatever the words are, and a place of a few thousand rows
// (a region of the resume database) is not walked at all when the walk would read most of it.

export interface SearchTable {
  /** Table and alias, e.g. `vacancy_search vs`. */
  table: string;
  alias: string;
  /** The row's id column and the date newest-first order goes by (ties by id). */
  id: string;
  date: string;
  /**
   * The table's GIN index holds the date as a key (btree_gin) beside the words and filters: past a
   * first stretch, a walk of the whole table is asked as "matches from the date of its last row
   * on", which the GIN index answers without reading the rows that do not match (walkMatches).
   */
  dateInMatchIndex?: boolean;
}

export interface NewestWalk {
  /** The search's conditions over the table's alias. */
  where: Prisma.Sql;
  /**
   * A condition over the alias that a btree index walks in date order (the place); absent, the
   * walk goes through the whole table's date index.
   */
  walkFrom?: Prisma.Sql;
  /** The most rows the walk reads before the index takes over (ten more per row skipped). */
  walkRows: number;
  /**
   * The planner's estimate of the rows under `walkFrom` (sizedWalk). With it the walk stops where
   * the index becomes cheaper (walkLength) and is skipped when it would read them all; without it
   * (tests pinning a path) the walk reads `walkRows` rows.
   */
  fromRows?: number;
  /** Rows walked one by one before the GIN index is asked (FIRST_WALK_ROWS; tests shorten it). */
  firstRows?: number;
  /** A reach up to this many rows is walked row by row, not asked of the index (NEAR_WALK_ROWS). */
  nearRows?: number;
}

export type Run = (sql: Prisma.Sql) => Promise<{ id: number }[]>;

/**
 * What a match found by the index costs, in rows walked for the same time (measured at 500,000
 * resumes): about 6 µs per match (its heap row and the recheck of its vector). The whole table's
 * newest rows lie together in the heap, about 1 µs per row walked; a place's newest rows lie one
 * per heap page, about 3 µs.
 */
export const MATCH_COST = { table: 6, place: 2 };

/**
 * Rows the walk reads for the matches at [offset, offset + limit): `walkRows`, and ten more per row
 * skipped so that a deep page of a frequent word is still the walk's; never more than
 * sqrt(k * needed * fromRows), where the index becomes the cheaper way (see the top of this file).
 */
export function walkLength(w: NewestWalk, needed: number, offset: number): number {
  return boundedWalk(w.walkRows, w.fromRows, w.walkFrom ? MATCH_COST.place : MATCH_COST.table, needed, offset);
}

/**
 * The rows a bounded walk reads for `needed` matches, `offset` of them skipped: `walkRows` and ten
 * more per row skipped, never more than sqrt(k × needed × fromRows), where the index's every match
 * (each costing k rows walked) becomes the cheaper way (see the top of this file). Shared with the
 * salary order's walk (salary-order.ts).
 */
export function boundedWalk(walkRows: number, fromRows: number | undefined, k: number, needed: number, offset: number): number {
  const bounded = walkRows + offset * 10;
  if (fromRows === undefined) return bounded;
  return Math.min(bounded, Math.ceil(Math.sqrt(k * needed * fromRows)));
}

/** Whether walking pays: not when the walk would read every row under `walkFrom` anyway. */
const walkPays = (w: NewestWalk, needed: number, offset: number) =>
  w.fromRows === undefined || walkLength(w, needed, offset) < w.fromRows;

/**
 * The matches at [offset, offset + limit) among the newest `walkLength` rows, newest first, by
 * walking them; the walk is sized for `needed` matches (the rows up to the page's end, or a
 * relevance window's first page).
 */
export function walkSql(t: SearchTable, w: NewestWalk, limit: number, offset: number, needed = offset + limit): Prisma.Sql {
  return rowWalkSql(t, w, limit, offset, walkLength(w, needed, offset));
}

function rowWalkSql(t: SearchTable, w: NewestWalk, limit: number, offset: number, rows: number): Prisma.Sql {
  const [a, id, date] = [sqlIdent(t.alias), sqlIdent(t.id), sqlIdent(t.date)];
  return Prisma.sql`
    SELECT ${a}.${id} AS id FROM (
      SELECT * FROM ${sqlIdent(t.table)} ${a} WHERE ${w.walkFrom ?? Prisma.sql`TRUE`}
      ORDER BY ${a}.${date} DESC, ${a}.${id} DESC
      LIMIT ${rows}
    ) ${a}
    WHERE ${w.where}
    ORDER BY ${a}.${date} DESC, ${a}.${id} DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * How many of the newest `rows` rows (under `walkFrom`) match, counting no further than `limit`:
 * where matches are dense, the first thousand lie within a few thousand rows, which cost less to
 * walk than the GIN index's postings of every condition (a city, a kind of employment and an
 * experience: 20 ms through the index, 1.5–3 ms walked).
 */
export function walkCountSql(t: SearchTable, w: NewestWalk, rows: number, limit: number): Prisma.Sql {
  const [a, id, date] = [sqlIdent(t.alias), sqlIdent(t.id), sqlIdent(t.date)];
  return Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM (
        SELECT * FROM ${sqlIdent(t.table)} ${a} WHERE ${w.walkFrom ?? Prisma.sql`TRUE`}
        ORDER BY ${a}.${date} DESC, ${a}.${id} DESC
        LIMIT ${rows}
      ) ${a}
      WHERE ${w.where}
      LIMIT ${limit}
    ) m`;
}

/**
 * The same matches as a walk of the whole table's newest `rows` rows, asked through the GIN index:
 * the date of the walk's last row comes from the date index alone, and the index finds the matches
 * from that date on (the walk's, and any others of that very date). A table shorter than the walk
 * is walked whole.
 */
export function indexWalkSql(t: SearchTable, w: NewestWalk, limit: number, offset: number, rows: number): Prisma.Sql {
  const [a, id, date] = [sqlIdent(t.alias), sqlIdent(t.id), sqlIdent(t.date)];
  return Prisma.sql`
    SELECT ${a}.${id} AS id FROM ${sqlIdent(t.table)} ${a}
    WHERE ${w.where} AND ${a}.${date} >= coalesce((
      SELECT edge.${date} FROM ${sqlIdent(t.table)} edge
      ORDER BY edge.${date} DESC, edge.${id} DESC
      OFFSET ${rows - 1} LIMIT 1
    ), '-infinity')
    ORDER BY ${a}.${date} + interval '0 seconds' DESC, ${a}.${id} DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/** Rows walked one by one before the GIN index is asked for the rest of a walk (walkMatches). */
export const FIRST_WALK_ROWS = 2_000;
/**
 * A reach up to this many rows is walked row by row rather than asked of the index: the index
 * first reads every posting of the words, which for a broad prefix ("авто:*", a dozen frequent
 * words) took 68 ms whatever the reach, where 4,133 rows walked take about 7.
 */
const NEAR_WALK_ROWS = 5_000;
/** How much further than the first stretch's density says the index is asked to reach. */
const REACH_MARGIN = 1.25;
/** The index reaches at most this many times the walk's length; past it, newestMatches takes over. */
const MAX_REACH = 4;

/**
 * What the walk of walkSql finds. Where the table's GIN index holds the date (`dateInMatchIndex`)
 * and the walk goes through the whole table, the rows are walked only for a first stretch
 * (`firstRows`): a frequent word fills the page there, within a few hundred rows. Otherwise the
 * GIN index finds the walk's matches without reading the rows that do not match (indexWalkSql),
 * reaching as far as the first stretch's density of matches says the page lies, and as far as the
 * walk (or further, for sparse matches) when that falls short. Checking a walked row's search
 * vector costs about 1.5 µs: a 9,600-row walk took 16 ms at the median at a million vacancies,
 * where the index took 3.4 ms; but the index reads every
 * posting of a word, 40 ms for one in four vacancies, which the first stretch answers in one or
 * two. A place's walk stays a walk: its newest rows span the dates of many more rows of other
 * places, which the GIN index would read.
 */
export async function walkMatches(
  t: SearchTable,
  w: NewestWalk,
  run: Run,
  limit: number,
  offset: number,
  needed = offset + limit,
): Promise<{ id: number }[]> {
  const rows = walkLength(w, needed, offset);
  if (!t.dateInMatchIndex || w.walkFrom) return run(rowWalkSql(t, w, limit, offset, rows));
  const first = Math.min(rows, w.firstRows ?? FIRST_WALK_ROWS);
  // Every match of the stretch up to the page's end: the page, and how dense the matches are.
  const found = await run(rowWalkSql(t, w, offset + limit, 0, first));
  if (found.length === offset + limit || first === rows) return found.slice(offset, offset + limit);
  const reach = found.length === 0 ? rows : Math.ceil(((first * needed) / found.length) * REACH_MARGIN);
  const asked = Math.min(Math.max(rows, reach), MAX_REACH * rows);
  const density = found.length / first;
  if (!indexWalkPays(w, asked, density, needed)) return found.slice(offset, offset + limit);
  // A relevance window, sized for its first page, takes whatever the walk finds up to it.
  if (needed !== offset + limit) return run(indexWalkSql(t, w, limit, offset, asked));
  // A page of newest matches: the density's reach first, when it is shorter than the walk (every
  // row reached is an entry of the date range the index reads: page 50 of "авто", 30% of the rows,
  // took 70 ms through a 19,800-row reach where 4,100 hold it), walked row by row when that is
  // near; then, each time the reach falls short (the first stretch was denser than what follows:
  // page 50 of "рекрутер" found 935 of 1,000 in the reach its density gave), the walk's length or
  // twice as far, while that still costs the index less than every match (newestMatches reads them
  // when this comes back short).
  let reached = Math.min(reach, asked);
  for (;;) {
    const near = reached <= (w.nearRows ?? NEAR_WALK_ROWS) && reached < rows;
    const got = await run(near ? rowWalkSql(t, w, limit, offset, reached) : indexWalkSql(t, w, limit, offset, reached));
    const next = Math.min(Math.max(asked, 2 * reached), MAX_REACH * rows);
    if (got.length === limit || next <= reached || !indexWalkPays(w, next, density, needed)) return got;
    reached = next;
  }
}

/**
 * What a match costs the index's answers, in rows the index walk reaches for the same time: its
 * heap row, and its place in the sort. Measured at a million vacancies, page 50 of ten words at
 * 0.9–4% of the vacancies: the walk's date range cost 0.16–0.19 µs a row reached (66,567 rows in
 * 11.4 ms for "секретарь"), every match read and sorted 1.4–1.5 µs (14,383 in 20.8 ms; 2.1 µs for
 * "машинист"). An earlier 0.7 µs a row was measured on a server that handed a bitmap's memory back
 * after every query (README, Deploying) and on a broad prefix, whose postings cost either way.
 */
const INDEX_MATCH_COST = 8;

/**
 * Whether the index walk that reaches `reach` rows costs less than the index's every match: at the
 * density the first stretch found, the table holds density × fromRows matches, and the walk reads
 * the rows it reaches and the page's matches among them. Sparse matches, or a deep page of
 * moderately frequent ones, are cheaper read whole (newestMatches and relevancePage fall back to
 * that when the walk's answer is short). Without the table's size (tests pinning a path), the
 * index walk is taken.
 */
function indexWalkPays(w: NewestWalk, reach: number, density: number, needed: number): boolean {
  if (w.fromRows === undefined) return true;
  return reach + INDEX_MATCH_COST * REACH_MARGIN * needed < INDEX_MATCH_COST * density * w.fromRows;
}

/**
 * Ids of the matches at [offset, offset + limit), newest first. `alreadyWalked` is the walk's
 * answer for this very page when the caller has it.
 */
export async function newestMatches(
  t: SearchTable,
  w: NewestWalk,
  run: Run,
  page: { limit: number; offset: number },
  alreadyWalked?: { id: number }[],
): Promise<number[]> {
  const walked =
    alreadyWalked ??
    (walkPays(w, page.offset + page.limit, page.offset) ? await walkMatches(t, w, run, page.limit, page.offset) : null);
  if (walked?.length === page.limit) return walked.map((row) => row.id);
  const [a, id, date] = [sqlIdent(t.alias), sqlIdent(t.id), sqlIdent(t.date)];
  const found = await run(Prisma.sql`
    SELECT ${a}.${id} AS id FROM ${sqlIdent(t.table)} ${a}
    WHERE ${w.where}
    ORDER BY ${a}.${date} + interval '0 seconds' DESC, ${a}.${id} DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return found.map((row) => row.id);
}

/**
 * One page by relevance (`ts_rank_cd` of the row's `search_vector`, ties newest first), ranked
 * over at most the newest `window` matches (a whole number of pages); pages past them go on by date,
 * newest first, so that none repeats another and none is skipped. Ranking reads each candidate's
 * vector, so it never runs over every match:
 * - when the walk finds a page or more, its matches, cut to whole pages, are ranked: dense words
 *   never send ranking to the index, whose prefix matches read every posting of a common prefix;
 * - when it finds less than a page, the words are rare (fewer than a page in the rows walked), or
 *   the place is too small to walk, and the index's newest `window` matches are ranked, in the same
 *   statement that finds them.
 * Both searches page by relevance with this.
 */
export async function relevancePage(
  t: SearchTable,
  w: NewestWalk,
  run: Run,
  query: Prisma.Sql,
  page: { limit: number; offset: number },
  window: number,
): Promise<number[]> {
  if (page.offset >= window) return newestMatches(t, w, run, page);
  const [a, id, date] = [sqlIdent(t.alias), sqlIdent(t.id), sqlIdent(t.date)];
  const byRank = Prisma.sql`
    ORDER BY ts_rank_cd(${a}.search_vector, ${query}) DESC, ${a}.${date} DESC, ${a}.${id} DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`;
  // The walk is sized for one page: its matches are the window when it finds at least that.
  const walked = walkPays(w, page.limit, 0) ? await walkMatches(t, w, run, window, 0, page.limit) : null;
  if (walked && walked.length >= page.limit) {
    const ids = walked.slice(0, walked.length - (walked.length % page.limit)).map((row) => row.id);
    if (page.offset >= ids.length) return newestMatches(t, w, run, page, walked.slice(page.offset, page.offset + page.limit));
    const ranked = await run(Prisma.sql`
      SELECT ${a}.${id} AS id FROM ${sqlIdent(t.table)} ${a} WHERE ${a}.${id} = ANY (${ids}::integer[]) ${byRank}`);
    return ranked.map((row) => row.id);
  }
  const ranked = await run(Prisma.sql`
    SELECT ${a}.${id} AS id FROM (
      SELECT ${a}.${id}, ${a}.${date}, ${a}.search_vector FROM ${sqlIdent(t.table)} ${a}
      WHERE ${w.where}
      ORDER BY ${a}.${date} + interval '0 seconds' DESC, ${a}.${id} DESC
      LIMIT ${window}
    ) ${a} ${byRank}`);
  return ranked.map((row) => row.id);
}

type PlanRows = { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[];

// Estimates of the rows under a walk's start (a place, or the whole table) change slowly: they are
// asked once per process and condition for ten minutes, not once per search.
const estimates = new LRUCache<string, number>({ max: 1_000, ttl: 10 * 60_000 });

/** The planner's estimate of the rows under `w.walkFrom` (statistics only), to size the walk by. */
export async function sizedWalk(db: Pick<Db, "$queryRaw">, t: SearchTable, w: NewestWalk): Promise<NewestWalk> {
  return { ...w, fromRows: await rowsUnder(db, t.table, t.alias, w.walkFrom ?? Prisma.sql`TRUE`) };
}

/**
 * The planner's estimate of the rows of `table` (as `alias`) under the condition `from`, kept per
 * process for ten minutes (statistics only, nothing is read).
 */
export async function rowsUnder(db: Pick<Db, "$queryRaw">, table: string, alias: string, from: Prisma.Sql): Promise<number> {
  const key = JSON.stringify([table, from.sql, from.values], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  let rows = estimates.get(key);
  if (rows === undefined) {
    const plan = await db.$queryRaw<PlanRows>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM ${sqlIdent(table)} ${sqlIdent(alias)} WHERE ${from}`;
    rows = plan[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
    estimates.set(key, rows);
  }
  return rows;
}
