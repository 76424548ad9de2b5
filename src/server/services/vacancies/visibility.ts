import { Prisma } from "@/generated/prisma/client";
import { sqlIdent } from "@/server/db/sql-ident";

/**
 * Which vacancy the public may see: the one rule, in the two languages the code speaks.
 *
 * - SQL: the functions of migration `20261205000000_public_vacancy_rule` —
 *   `vacancy_visibility(...)` classifies a vacancy as below, `vacancy_is_listed(...)` says whether it
 *   belongs in `vacancy_search` (the search table holds exactly the listed vacancies, expired ones
 *   until the expiry job archives them), `vacancy_is_public(...)` is "listed and not expired".
 * - Prisma: `publicVacancyWhere(now)` below.
 * `visibility.int.test.ts` checks every combination of the facts against all of them.
 *
 * The states:
 * - "public": guests see it, search and sitemaps list it, seekers may save, apply and complain;
 * - "closed": published for invited seekers only (guests get 404);
 * - "gone": it was public once and is no longer (archived, removed, expired, organisation blocked): 410;
 * - "missing": never published, back in moderation, or no such vacancy: 404.
 */
export type VacancyVisibility = "public" | "closed" | "gone" | "missing";

export const VACANCY_VISIBILITIES: readonly VacancyVisibility[] = ["public", "closed", "gone", "missing"];

/** Prisma filter for the vacancies that are "public" at `now`. Spread it beside other conditions. */
export function publicVacancyWhere(now: Date) {
  return {
    status: "PUBLISHED",
    publicationType: { not: "CLOSED" },
    publishedAt: { not: null },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    organization: { blockedAt: null },
  } satisfies Prisma.VacancyWhereInput;
}

/**
 * SQL predicate: the vacancy `v` of organisation `o` is "public" at `now`. Both tables must be in
 * the query under these aliases.
 */
export function publicVacancySql(now: Date, v = "v", o = "o"): Prisma.Sql {
  const [vv, oo] = [sqlIdent(v), sqlIdent(o)];
  return Prisma.sql`vacancy_is_public(${vv}.status, ${vv}.publication_type, ${vv}.published_at, ${vv}.expires_at, ${oo}.blocked_at, ${now}::timestamptz)`;
}

/** SQL expression: the visibility state (text) of vacancy `v` of organisation `o` at `now`. */
export function vacancyVisibilitySql(now: Date, v = "v", o = "o"): Prisma.Sql {
  const [vv, oo] = [sqlIdent(v), sqlIdent(o)];
  return Prisma.sql`vacancy_visibility(${vv}.status, ${vv}.publication_type, ${vv}.published_at, ${vv}.expires_at, ${oo}.blocked_at, ${now}::timestamptz)`;
}

/**
 * SQL predicate over `vacancy_search` (alias `vs`): the row is "public" at `now`. A row is there
 * only while its vacancy is listed, so what remains to check is expiry (the expiry job archives
 * expired vacancies every 15 minutes; until then they must already be hidden).
 */
export function liveSearchRowSql(now: Date, vs = "vs"): Prisma.Sql {
  const a = sqlIdent(vs);
  return Prisma.sql`(${a}.expires_at IS NULL OR ${a}.expires_at > ${now}::timestamptz)`;
}
