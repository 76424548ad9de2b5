import type { Db } from "@/server/db-client";
import { readDb as defaultDb } from "@/server/db";

import { liveSearchRowSql } from "../vacancies/visibility";

/**
 * How many searchable vacancies each specialization (groups included) has in a city, and each
 * city has overall: the internal links of landing pages, so that every page links only to pages
 * that have vacancies (and are therefore indexable).
 */
export async function landingCounts(options: { cityId?: number; db?: Db; now?: Date } = {}) {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const live = liveSearchRowSql(now);
  if (options.cityId === undefined) {
    return db.$queryRaw<{ id: number; n: number }[]>`
      SELECT city_id AS id, count(*)::int AS n FROM vacancy_search vs WHERE ${live} GROUP BY city_id ORDER BY n DESC`;
  }
  return db.$queryRaw<{ id: number; n: number }[]>`
    SELECT s AS id, count(*)::int AS n FROM vacancy_search vs, unnest(specialization_ids) s
    WHERE city_id = ${options.cityId} AND ${live} GROUP BY s ORDER BY n DESC`;
}
