import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";

import { boundedWalk, MATCH_COST, rowsUnder, type Run } from "./newest-matches";

// Highest-salary-first pages of vacancy_search, by the same bounded walk as the newest-first pages
// (newest-matches.ts) with the salary order in place of the date:
//
// 1. walk the top of a salary order and filter it: the table's own salary index, or, when the
//    search names specializations, their orders in `vacancy_salary_order` (migration
//    20261210600000_vacancy_salary_order), which hold every vacancy of the specialization and
//    nothing else; when the rows walked hold the page, it is the exact answer, since every match
//    lies in the order walked;
// 2. otherwise the matches are sparse in that order, and they are all read (the GIN index) and
//    sorted.
//
// The walk stops where sorting the matches becomes the cheaper way, as the newest-first walk does:
// a walked row is a read of its vacancy_search row, which the salary order scatters over the heap
// as a place's walk does. Sorting every match was the only way before: 70 ms for the 49,912
// cleaners of a million vacancies, where the top of their order is read in 0.5 ms. The table's own
// salary index alone did not help a specialization: most vacancies of others earn more than a
// cleaner's best salary, so a walk of it reads most of the table first.

export interface SalaryWalk {
  /** The search's conditions over `vacancy_search vs`. */
  where: Prisma.Sql;
  /** Whether `where` holds the search's words: checking them makes a walked row costlier. */
  words: boolean;
  /** The specializations the search asks for (any of them); empty for the whole table's order. */
  specializationIds: readonly number[];
  /** The most rows the walk reads (ten more per row a deep page skips). */
  walkRows: number;
  /**
   * The planner's estimate of the rows in the order walked (sizedSalaryWalk); without it (tests
   * pinning a path) the walk reads `walkRows` rows.
   */
  fromRows?: number;
}

const DESC = Prisma.sql`salary_top DESC NULLS LAST`;

/** The top `rows` rows of the order walked, as (vacancy_id, salary_top), highest salary first. */
function orderSql(w: SalaryWalk, rows: number): Prisma.Sql {
  const [only, ...more] = w.specializationIds;
  if (only === undefined)
    return Prisma.sql`
      SELECT vs.vacancy_id, vs.salary_top FROM vacancy_search vs
      ORDER BY vs.${DESC}, vs.vacancy_id DESC LIMIT ${rows}`;
  if (more.length === 0)
    return Prisma.sql`
      SELECT o.vacancy_id, o.salary_top FROM vacancy_salary_order o
      WHERE o.specialization_id = ${only}
      ORDER BY o.${DESC}, o.vacancy_id DESC LIMIT ${rows}`;
  // Each specialization's top rows: the orders' merged top rows are among them (a vacancy ranks no
  // lower in its own specialization's order than in the merged one). A vacancy in two of them once.
  return Prisma.sql`
    SELECT DISTINCT o.vacancy_id, o.salary_top
    FROM unnest(${[...w.specializationIds]}::integer[]) AS s(id)
    CROSS JOIN LATERAL (
      SELECT o.vacancy_id, o.salary_top FROM vacancy_salary_order o
      WHERE o.specialization_id = s.id
      ORDER BY o.${DESC}, o.vacancy_id DESC LIMIT ${rows}
    ) o
    ORDER BY o.${DESC}, o.vacancy_id DESC LIMIT ${rows}`;
}

/**
 * The matches at [offset, offset + limit) among the top `rows` rows of the order, by walking them:
 * each row's vacancy_search row is read by its key and checked ("OFFSET 0" keeps the planner from
 * answering the conditions through the GIN index instead, by estimates that may be far off).
 */
export function salaryWalkSql(w: SalaryWalk, rows: number, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    SELECT o.vacancy_id AS id FROM (${orderSql(w, rows)}) o
    CROSS JOIN LATERAL (
      SELECT 1 FROM vacancy_search vs WHERE vs.vacancy_id = o.vacancy_id AND ${w.where} OFFSET 0
    ) m
    ORDER BY o.${DESC}, o.vacancy_id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/** Every match sorted: "+ 0" keeps the planner from walking the salary index and filtering. */
export function salarySortSql(where: Prisma.Sql, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    SELECT vs.vacancy_id AS id FROM vacancy_search vs
    WHERE ${where}
    ORDER BY vs.salary_top + 0 DESC NULLS LAST, vs.vacancy_id DESC
    LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * What a match costs the sort, in rows walked for the same time, when the walk checks the search's
 * words (measured at a million vacancies): a walked row is read by its key and its words checked,
 * 9 µs (5,531 rows in 51 ms), where the GIN index finds a match of the same words and the sort
 * reads it for 1.1 µs (154,151 in 170 ms). Without words, a walked row costs what a place's walk
 * does (MATCH_COST.place).
 */
const WORDS_MATCH_COST = 0.125;

/** Rows the walk reads for the page at `offset` (boundedWalk). */
export function salaryWalkLength(w: SalaryWalk, limit: number, offset: number): number {
  return boundedWalk(w.walkRows, w.fromRows, w.words ? WORDS_MATCH_COST : MATCH_COST.place, offset + limit, offset);
}

/** The planner's estimate of the rows in the order the walk goes through (kept ten minutes). */
export async function sizedSalaryWalk(db: Pick<Db, "$queryRaw">, w: SalaryWalk): Promise<SalaryWalk> {
  const fromRows =
    w.specializationIds.length === 0
      ? await rowsUnder(db, "vacancy_search", "vs", Prisma.sql`TRUE`)
      : await rowsUnder(
          db,
          "vacancy_salary_order",
          "o",
          Prisma.sql`o.specialization_id = ANY (${[...w.specializationIds]}::integer[])`,
        );
  return { ...w, fromRows };
}

/** Ids of the matches at [offset, offset + limit), highest salary first (ties newest id first). */
export async function salaryMatches(w: SalaryWalk, run: Run, page: { limit: number; offset: number }): Promise<number[]> {
  const rows = salaryWalkLength(w, page.limit, page.offset);
  // A walk that would read the whole order is no cheaper than the sort.
  if (w.fromRows === undefined || rows < w.fromRows) {
    const walked = await run(salaryWalkSql(w, rows, page.limit, page.offset));
    if (walked.length === page.limit) return walked.map((row) => row.id);
  }
  return (await run(salarySortSql(w.where, page.limit, page.offset))).map((row) => row.id);
}
