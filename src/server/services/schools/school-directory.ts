import type { Prisma } from "@/generated/prisma/client";
import type { LicenceCategory } from "@/generated/prisma/enums";
import { LICENCE_CATEGORIES_LAW_ORDER, parseLicenceCategory } from "@/lib/schools/licence-categories";
import { readDb as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";

import { PUBLIC_SCHOOL_WHERE } from "../organizations/public-organization";

// The public side of driving schools: the directory by city and category, and what a school's own
// page shows besides its profile (courses, contacts, graduates per year). Only schools that pass
// PUBLIC_SCHOOL_WHERE appear anywhere here.

/** Schools per directory page. */
export const DIRECTORY_PAGE_SIZE = 20;

const lawOrder = (category: string) => (LICENCE_CATEGORIES_LAW_ORDER as readonly string[]).indexOf(category);
const byLawOrder = <T extends { category: string }>(rows: T[]) =>
  rows.sort((a, b) => lawOrder(a.category) - lawOrder(b.category));

/** A category as it appears in a directory address ("c1e", "tb"); null for anything else. */
export function categoryFromSlug(slug: string): LicenceCategory | null {
  // Only the lower-case form is an address: one URL per page.
  if (slug !== slug.toLowerCase()) return null;
  const category = parseLicenceCategory(slug);
  return category && category.toLowerCase() === slug ? category : null;
}

export interface DirectoryQuery {
  cityId?: number | null;
  category?: LicenceCategory | null;
  /** 1-based. */
  page?: number;
}

function directoryWhere(query: DirectoryQuery): Prisma.OrganizationWhereInput {
  return {
    ...PUBLIC_SCHOOL_WHERE,
    ...(query.cityId ? { cityId: query.cityId } : {}),
    ...(query.category ? { schoolCourses: { some: { category: query.category } } } : {}),
  };
}

/** One page of public schools (by name), with their courses, and how many there are in all. */
export async function listDirectorySchools(query: DirectoryQuery, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const where = directoryWhere(query);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      skip: (page - 1) * DIRECTORY_PAGE_SIZE,
      take: DIRECTORY_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        displayName: true,
        address: true,
        logoPath: true,
        city: { select: { slug: true, nameRu: true, nameKk: true } },
        schoolCourses: { select: { category: true, priceKzt: true, durationHours: true } },
      },
    }),
  ]);
  const items = rows.map(({ schoolCourses, ...school }) => ({ ...school, courses: byLawOrder(schoolCourses) }));
  return { total, page, pages: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)), items };
}
export type DirectorySchool = Awaited<ReturnType<typeof listDirectorySchools>>["items"][number];

/** The cities that have public schools, with how many (for the directory's index). */
export async function directoryCities(options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const rows = await db.organization.groupBy({
    by: ["cityId"],
    where: { ...PUBLIC_SCHOOL_WHERE, cityId: { not: null } },
    _count: { _all: true },
  });
  return rows.flatMap((r) => (r.cityId === null ? [] : [{ cityId: r.cityId, schools: r._count._all }]));
}

/** The categories taught by public schools of a city, with how many schools teach each. */
export async function directoryCategories(cityId: number, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const rows = await db.schoolCourse.groupBy({
    by: ["category"],
    where: { organization: { ...PUBLIC_SCHOOL_WHERE, cityId } },
    _count: { _all: true },
  });
  return byLawOrder(rows.map((r) => ({ category: r.category, schools: r._count._all })));
}

/**
 * What a school's public page shows besides the profile: its courses, contacts, licence number
 * and graduates per year of their certificates (counts only: never who).
 */
export async function getSchoolPageDetails(organizationId: number, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const [school, graduates] = await Promise.all([
    db.organization.findFirst({
      where: { id: organizationId, ...PUBLIC_SCHOOL_WHERE },
      select: {
        email: true,
        phone: true,
        educationLicence: true,
        schoolCourses: { select: { category: true, priceKzt: true, durationHours: true } },
      },
    }),
    db.$queryRaw<{ year: number; graduates: number }[]>`
      SELECT extract(year FROM t.certificate_date)::int AS year, count(*)::int AS graduates
      FROM trainees t
      WHERE t.organization_id = ${organizationId}::int AND t.status = 'GRADUATED' AND t.certificate_date IS NOT NULL
      GROUP BY 1
      ORDER BY 1 DESC`,
  ]);
  if (!school) return null;
  const { schoolCourses, ...contacts } = school;
  return { ...contacts, courses: byLawOrder(schoolCourses), graduatesByYear: graduates };
}
export type SchoolPageDetails = NonNullable<Awaited<ReturnType<typeof getSchoolPageDetails>>>;
