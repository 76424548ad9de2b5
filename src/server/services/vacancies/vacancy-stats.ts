import { Prisma } from "@/generated/prisma/client";
import { almatyDay, almatyDaySqlText } from "@/lib/almaty-time";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

export interface VacancyStatsDay {
  /** A calendar day in Asia/Almaty, YYYY-MM-DD. */
  day: string;
  views: number;
  applications: number;
}

export interface VacancyStats {
  views: number;
  applications: number;
  /** Applications per view; null while the vacancy has no views. */
  conversion: number | null;
  /** Every day of the vacancy's life, oldest first, days without activity as zeros. */
  days: VacancyStatsDay[];
}

/**
 * Views and applications of one of the organisation's vacancies, in total and per Almaty day.
 *
 * The days run from publication (creation, for a vacancy never published) to today, or to the day
 * it expired or was archived or removed when that came first. A vacancy republished after being
 * archived has an older history: the range then also reaches back to its first counted view or
 * application, so the days always add up to the totals.
 */
export async function vacancyStats(
  organizationId: number,
  vacancyId: number,
  options: { now?: Date } = {},
): Promise<VacancyStats> {
  const now = options.now ?? new Date();
  const vacancy = await db.vacancy.findFirst({
    where: { id: vacancyId, organizationId },
    select: { createdAt: true, publishedAt: true, expiresAt: true, archivedAt: true, removedAt: true },
  });
  if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");

  const started = vacancy.publishedAt ?? vacancy.createdAt;
  // An end before the current publication belongs to an earlier one (republished since).
  const ended = [vacancy.expiresAt, vacancy.archivedAt, vacancy.removedAt].filter(
    (at): at is Date => at !== null && at >= started,
  );
  const first = almatyDay(started);
  const last = almatyDay(new Date(Math.min(now.getTime(), ...ended.map((at) => at.getTime()))));

  const days = await db.$queryRaw<VacancyStatsDay[]>`
    WITH v AS (
      SELECT day, views FROM vacancy_daily_views WHERE vacancy_id = ${vacancyId}
    ), a AS (
      SELECT ${Prisma.raw(almatyDaySqlText("created_at"))} AS day, count(*)::int AS applications
      FROM applications WHERE vacancy_id = ${vacancyId} AND origin = 'SEEKER'
      GROUP BY 1
    ), bounds AS (
      SELECT
        LEAST(${first}::date, (SELECT min(day) FROM v), (SELECT min(day) FROM a)) AS first,
        GREATEST(${last}::date, (SELECT max(day) FROM v), (SELECT max(day) FROM a)) AS last
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(v.views, 0)::int AS views, COALESCE(a.applications, 0)::int AS applications
    FROM bounds
    CROSS JOIN LATERAL (SELECT bounds.first + i AS day FROM generate_series(0, bounds.last - bounds.first) AS i) d
    LEFT JOIN v ON v.day = d.day
    LEFT JOIN a ON a.day = d.day
    ORDER BY d.day`;

  const views = days.reduce((sum, d) => sum + d.views, 0);
  const applications = days.reduce((sum, d) => sum + d.applications, 0);
  return { views, applications, conversion: views > 0 ? applications / views : null, days };
}
