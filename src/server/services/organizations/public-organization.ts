import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { EMPLOYER_ORG_TYPES } from "@/server/auth/guards";
import { readDb as defaultDb } from "@/server/db";

/**
 * What every public trace of an organisation needs (its page, logo, sitemap entries, the name
 * seekers hide resumes from or subscribe to): not blocked by an operator and not deleted (a deleted
 * organisation with billing records stays as a tombstone row).
 */
export const PUBLIC_ORGANIZATION_WHERE = {
  blockedAt: null,
  deletedAt: null,
} as const satisfies Prisma.OrganizationWhereInput;

/** The same rule in SQL, for organisations aliased `o`. */
export const publicOrganizationSql = Prisma.sql`o.blocked_at IS NULL AND o.deleted_at IS NULL`;

/**
 * The one rule for which driving schools are public (their page, the directory, the sitemap): an
 * operator verified the school and it is not blocked. A school's page lists its courses and
 * graduates, which nobody has checked before verification.
 */
export const PUBLIC_SCHOOL_WHERE = {
  type: "DRIVING_SCHOOL",
  verification: "VERIFIED",
  ...PUBLIC_ORGANIZATION_WHERE,
} as const satisfies Prisma.OrganizationWhereInput;

/** The same rule in SQL, for organisations aliased `o`. */
export const publicSchoolSql = Prisma.sql`o.type = 'DRIVING_SCHOOL' AND o.verification = 'VERIFIED' AND ${publicOrganizationSql}`;

/** The one rule for which organisation has a public page of this kind. */
function publicOrganizationWhere(id: number, kind: "company" | "school"): Prisma.OrganizationWhereInput {
  return kind === "school"
    ? { id, ...PUBLIC_SCHOOL_WHERE }
    : { id, ...PUBLIC_ORGANIZATION_WHERE, type: { in: [...EMPLOYER_ORG_TYPES] } };
}

/** Whether the public page exists (asked by the proxy on every request: a primary-key read). */
export async function publicOrganizationExists(id: number, kind: "company" | "school", options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const row = await db.organization.findFirst({ where: publicOrganizationWhere(id, kind), select: { id: true } });
  return row !== null;
}

/** An organisation's public profile; null when it is unknown, blocked or of the other kind. */
export async function getPublicOrganization(id: number, kind: "company" | "school", options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  return db.organization.findFirst({
    where: publicOrganizationWhere(id, kind),
    select: {
      id: true,
      slug: true,
      type: true,
      displayName: true,
      description: true,
      website: true,
      address: true,
      logoPath: true,
      verification: true,
      createdAt: true,
      city: { select: { slug: true, nameRu: true, nameKk: true } },
    },
  });
}
export type PublicOrganization = NonNullable<Awaited<ReturnType<typeof getPublicOrganization>>>;

/** An uploaded logo as the public /logos route serves it; null for an unknown or blocked organisation. */
export async function getServedLogo(organizationId: number) {
  return defaultDb.organization.findFirst({
    where: { id: organizationId, ...PUBLIC_ORGANIZATION_WHERE },
    select: { logoPath: true, logo: { select: { content: true, contentType: true } } },
  });
}

/** What the drawn stand-in of a logo needs; null for an unknown or blocked organisation. */
export async function getLogoMonogramSource(organizationId: number) {
  return defaultDb.organization.findFirst({
    where: { id: organizationId, ...PUBLIC_ORGANIZATION_WHERE },
    select: { displayName: true, logoPath: true },
  });
}
