import type { Db } from "@/server/db-client";
import { db as defaultDb } from "@/server/db";

import { liveSearchRowSql } from "../vacancies/visibility";

/**
 * Figures for the home page: public vacancies, companies hiring under their own name, and the
 * busiest groups. Counted over the search table, so they agree with what search finds (a group's
 * id is among its members' `specialization_ids`).
 */
export async function getSiteStats(options: { db?: Db; now?: Date } = {}) {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const live = liveSearchRowSql(now);
  const [totals, groupCounts, groups] = await Promise.all([
    db.$queryRaw<{ vacancies: number; companies: number }[]>`
      SELECT count(*)::int AS vacancies,
             count(DISTINCT vs.organization_id) FILTER (WHERE NOT vs.is_anonymous)::int AS companies
      FROM vacancy_search vs WHERE ${live}`,
    db.$queryRaw<{ id: number; n: number }[]>`
      SELECT g.id, count(*)::int AS n
      FROM vacancy_search vs, unnest(vs.specialization_ids) s(id)
      JOIN specializations g ON g.id = s.id AND g.parent_id IS NULL
      WHERE ${live}
      GROUP BY g.id`,
    db.specialization.findMany({
      where: { parentId: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, slug: true, nameRu: true, nameKk: true },
    }),
  ]);
  const counts = new Map(groupCounts.map((row) => [row.id, row.n]));
  const topGroups = groups
    .map((g) => ({ ...g, vacancies: counts.get(g.id) ?? 0 }))
    .filter((g) => g.vacancies > 0)
    .sort((a, b) => b.vacancies - a.vacancies)
    .slice(0, 12);
  return { vacancies: totals[0]?.vacancies ?? 0, companies: totals[0]?.companies ?? 0, topGroups };
}
