import { Prisma } from "@/generated/prisma/client";

// Newest-first pages of a search table that no planner estimate can turn into a read of the
// whole table. Asked for "the newest N matches", PostgreSQL either walks a date index and filters
// (cheap while matches are dense, every row read when they are rare) or collects every match from
// the GIN index and sorts (cheap while they are rare, slow when they are many); it picks by its
// estimates of text and array conditions, which are often wrong by orders of magnitude (460,000
// rows walked to find none). Here the walk is bounded and the index is the fallback:
//
// 1. walk the newest `walkRows` rows of the date index (of the searched place, when its own index
//    can be walked) and filter them; when they hold the page, it is the exact answer;
// 2. otherwise the matches are sparse, fewer than offset + limit in `walkRows` rows, and the GIN
//    index finds them all ("+ interval" keeps the planner off the date index) to be sorted.

export interface SearchTable {
  /** Table and alias, e.g. `vacancy_search vs`. */
  table: string;
  alias: string;
  /** The row's id column and the date newest-first order goes by (ties by id). */
  id: string;
  date: string;
}

export interface NewestWalk {
  /** The search's conditions over the table's alias. */
  where: Prisma.Sql;
  /** A condition over the alias that a btree index walks in date order (the place), or TRUE. */
  walkFrom: Prisma.Sql;
  /** Rows the walk reads before the index takes over. */
  walkRows: number;
  /** Known to hold every row under `walkFrom` (at most `walkRows` exist): its answer is final. */
  exhaustive?: boolean;
}

export type Run = (sql: Prisma.Sql) => Promise<{ id: number }[]>;

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return Prisma.raw(name);
};

/**
 * The matches at [offset, offset + limit) among the newest rows, newest first: `walkRows` of them,
 * and ten more per row skipped, so that a deep page of a frequent word is still the walk's.
 */
export function walkSql(t: SearchTable, w: NewestWalk, limit: number, offset: number): Prisma.Sql {
  const [a, id, date] = [ident(t.alias), ident(t.id), ident(t.date)];
  return Prisma.sql`
    SELECT ${a}.${id} AS id FROM (
      SELECT * FROM ${ident(t.table)} ${a} WHERE ${w.walkFrom}
      ORDER BY ${a}.${date} DESC, ${a}.${id} DESC
      LIMIT ${w.walkRows + offset * 10}
    ) ${a}
    WHERE ${w.where}
    ORDER BY ${a}.${date} DESC, ${a}.${id} DESC
    LIMIT ${limit} OFFSET ${offset}`;
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
  const walked = alreadyWalked ?? (await run(walkSql(t, w, page.limit, page.offset)));
  if (walked.length === page.limit || w.exhaustive) return walked.map((row) => row.id);
  const [a, id, date] = [ident(t.alias), ident(t.id), ident(t.date)];
  const found = await run(Prisma.sql`
    SELECT ${a}.${id} AS id FROM ${ident(t.table)} ${a}
    WHERE ${w.where}
    ORDER BY ${a}.${date} + interval '0 seconds' DESC, ${a}.${id} DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return found.map((row) => row.id);
}

/**
 * The newest matches to rank by relevance, at most `window` of them (a whole number of pages).
 * Ranking reads each candidate's vector, so it never runs over every match:
 * - when the walk finds a page or more, its matches, cut to whole pages, are the window: dense
 *   words never send ranking to the index, whose prefix matches read every posting of a common
 *   prefix;
 * - when it finds less than a page, the words are rare (fewer than a page in `walkRows` rows), and
 *   the index's newest `window` matches are the window.
 * Pages past the window go on by date (`newestMatches` from the same offset), so that none
 * repeats another and none is skipped; `walked` is the walk's answer, for those pages.
 */
export async function relevanceWindow(
  t: SearchTable,
  w: NewestWalk,
  run: Run,
  window: number,
  pageSize: number,
): Promise<{ ids: number[]; walked: { id: number }[] }> {
  const walked = await run(walkSql(t, w, window, 0));
  if (walked.length >= pageSize)
    return { ids: walked.slice(0, walked.length - (walked.length % pageSize)).map((row) => row.id), walked };
  const ids = await newestMatches(t, w, run, { limit: window, offset: 0 }, walked);
  return { ids, walked };
}

/**
 * One page by relevance, ranked over `relevanceWindow`'s window (`ts_rank_cd` of the row's
 * `search_vector`, ties newest first); pages past the window go on by date, newest first. Both
 * searches page by relevance with this.
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
  const found = await relevanceWindow(t, w, run, window, page.limit);
  if (page.offset >= found.ids.length)
    return newestMatches(t, w, run, page, found.walked.slice(page.offset, page.offset + page.limit));
  const [a, id, date] = [ident(t.alias), ident(t.id), ident(t.date)];
  const ranked = await run(Prisma.sql`
    SELECT ${a}.${id} AS id FROM ${ident(t.table)} ${a}
    WHERE ${a}.${id} = ANY (${found.ids}::integer[])
    ORDER BY ts_rank_cd(${a}.search_vector, ${query}) DESC, ${a}.${date} DESC, ${a}.${id} DESC
    LIMIT ${page.limit} OFFSET ${page.offset}`);
  return ranked.map((row) => row.id);
}
