import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";
import { sqlIdent } from "@/server/db/sql-ident";

// "Experience from N years" in the resume database, and the daily job that keeps it an exact key
// of the search index (migration 20261210400000_resume_search_experience_years). A row keeps the
// whole years it had when counted (`experience_years`); an ongoing experience completes another
// year in `experience_next_year_month`, after which the row is asked by the month its experience
// counts from until the job counts it again.

/** Rows counted again per statement: each batch is one short statement of its own. */
const BATCH = 1_000;

/** Calendar months since the year 0 in UTC, as SQL's utc_month_number. */
export const utcMonthNumber = (at: Date) => at.getUTCFullYear() * 12 + at.getUTCMonth() + 1;

/**
 * SQL over `resume_search` (alias `rs`): the resume has at least `years` whole years of experience
 * at `at`, exactly as resume_experience_months counts them. A row counted before its ongoing
 * experience completed another year is asked by the month the experience counts from.
 */
export function experienceAtLeastSql(years: number, at: Date, rs = "rs"): Prisma.Sql {
  const month = utcMonthNumber(at);
  const a = sqlIdent(rs);
  return Prisma.sql`(${a}.experience_years @> ARRAY[${years}::integer]
    OR (${a}.experience_next_year_month <= ${month} AND ${a}.experience_base_month <= ${month - 12 * years}))`;
}

/**
 * Counts again the rows whose ongoing experience completed another whole year by `now`, so that
 * their year keys are current and the search reads them from the GIN index. Batches lock their rows
 * (SKIP LOCKED): overlapping or repeated calls count nothing twice, and a resume edited meanwhile
 * is counted by its own refresh. Returns how many rows were counted again.
 */
export async function refreshExperienceYears(now: Date, options: { db?: Db; batch?: number } = {}): Promise<number> {
  const db = options.db ?? defaultDb;
  const month = utcMonthNumber(now);
  let total = 0;
  for (;;) {
    const counted = await db.$executeRaw`
      WITH due AS (
        SELECT resume_id FROM resume_search
        WHERE experience_next_year_month <= ${month}
        ORDER BY resume_id
        LIMIT ${options.batch ?? BATCH}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE resume_search rs
      SET experience_months = resume_experience_months(rs.experience_months, rs.experience_ongoing, rs.experience_counted_at, ${now}::timestamptz),
          experience_counted_at = ${now}
      FROM due WHERE rs.resume_id = due.resume_id`;
    total += counted;
    if (counted === 0) return total;
  }
}
