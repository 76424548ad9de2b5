import type { Db } from "@/server/db-client";
import { readDb as defaultDb } from "@/server/db";

import { loadVacancyCards, type VacancyCard } from "../search/vacancy-cards";
import { liveSearchRowSql, publicVacancyWhere, vacancyVisibilitySql, type VacancyVisibility } from "./visibility";

/**
 * What a guest's request for /vacancy/{id}-{slug} should get:
 * - "public": the page (200), after a 301 when the slug is not the current one;
 * - "closed": only invited seekers and the organisation may see it; guests get 404;
 * - "gone": it was public once and is no longer (archived, removed, expired, organisation blocked): 410;
 * - "missing": never published or no such id: 404.
 */
export type VacancyGate = { state: Exclude<VacancyVisibility, "missing">; slug: string } | { state: "missing" };

export async function getVacancyGate(id: number, options: { db?: Db; now?: Date } = {}): Promise<VacancyGate> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  // Asked on every vacancy request (from the proxy), so one primary-key read in plain SQL.
  const rows = await db.$queryRaw<{ slug: string; state: VacancyVisibility }[]>`
    SELECT v.slug, ${vacancyVisibilitySql(now)} AS state
    FROM vacancies v JOIN organizations o ON o.id = v.organization_id
    WHERE v.id = ${id}`;
  const row = rows[0];
  if (!row || row.state === "missing") return { state: "missing" };
  return { state: row.state, slug: row.slug };
}

/** Everything the public vacancy page shows, or null when guests may not see it. */
export async function getPublicVacancy(id: number, options: { db?: Db; now?: Date } = {}) {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const row = await db.vacancy.findFirst({
    where: { id, ...publicVacancyWhere(now) },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      description: true,
      companyDescription: true,
      address: true,
      salaryFrom: true,
      salaryTo: true,
      salaryGross: true,
      experience: true,
      employmentType: true,
      schedule: true,
      isRemote: true,
      licenceCategories: true,
      publicationType: true,
      publishedAt: true,
      updatedAt: true,
      expiresAt: true,
      premiumUntil: true,
      city: { select: { id: true, slug: true, nameRu: true, nameKk: true, region: { select: { nameRu: true, nameKk: true } } } },
      organization: {
        select: { id: true, slug: true, displayName: true, logoPath: true, website: true, verification: true, type: true },
      },
      specializations: {
        select: { specialization: { select: { id: true, slug: true, nameRu: true, nameKk: true, parentId: true } } },
      },
    },
  });
  if (!row) return null;
  const anonymous = row.publicationType === "ANONYMOUS";
  const { organization, specializations, ...vacancy } = row;
  return {
    ...vacancy,
    // The street address would name the employer (it is the one on the company's own page): an
    // anonymous vacancy says only its city.
    address: anonymous ? null : vacancy.address,
    publishedAt: row.publishedAt ?? row.updatedAt,
    specializations: specializations.map((s) => s.specialization),
    // An anonymous vacancy never carries its organisation past this point.
    company: anonymous
      ? null
      : {
          id: organization.id,
          slug: organization.slug,
          type: organization.type,
          name: organization.displayName,
          logoPath: organization.logoPath,
          website: organization.website,
          verified: organization.verification === "VERIFIED",
        },
  };
}
export type PublicVacancy = NonNullable<Awaited<ReturnType<typeof getPublicVacancy>>>;

/** What the "no longer available" page may show of a vacancy that is gone: never its company. */
export async function getGoneVacancy(id: number, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const row = await db.vacancy.findFirst({
    where: { id, publishedAt: { not: null } },
    select: {
      id: true,
      title: true,
      status: true,
      cityId: true,
      city: { select: { slug: true, nameRu: true, nameKk: true } },
      specializations: { select: { specializationId: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    // A vacancy removed by moderation may be offensive: its title is not repeated.
    title: row.status === "REMOVED" ? null : row.title,
    city: row.city,
    cityId: row.cityId,
    specializationIds: row.specializations.map((s) => s.specializationId),
  };
}

/**
 * The newest searchable vacancies in the same city with a shared specialization, then anywhere;
 * never the organisation's own when the vacancy is anonymous.
 */
export async function similarVacancies(
  of: { id: number; cityId: number; specializationIds: number[] },
  options: { db?: Db; now?: Date; limit?: number } = {},
): Promise<VacancyCard[]> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const limit = options.limit ?? 5;
  if (of.specializationIds.length === 0) return [];
  // Two short newest-first walks (same city, then anywhere) rather than one sort of every match.
  const pick = (sameCity: boolean, exclude: number[]) => db.$queryRaw<{ id: number }[]>`
    SELECT vacancy_id AS id FROM vacancy_search vs
    WHERE specialization_ids && ${of.specializationIds}::integer[] AND vacancy_id <> ALL (${exclude}::integer[])
      -- Next to an anonymous vacancy, its own organisation's vacancies would give the company away.
      AND organization_id IS DISTINCT FROM (
        SELECT organization_id FROM vacancies WHERE id = ${of.id} AND publication_type = 'ANONYMOUS'
      )
      AND (${!sameCity} OR city_id = ${of.cityId})
      AND ${liveSearchRowSql(now)}
    ORDER BY published_at DESC, vacancy_id DESC
    LIMIT ${limit}`;
  const rows = await pick(true, [of.id]);
  if (rows.length < limit) {
    const more = await pick(false, [of.id, ...rows.map((r) => r.id)]);
    rows.push(...more.slice(0, limit - rows.length));
  }
  return loadVacancyCards(
    rows.map((r) => r.id),
    { db, now },
  );
}
