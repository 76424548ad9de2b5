import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { Db, DbTx } from "@/server/db-client";

// Which entitlements open a resume's contacts. An access covers a resume when its region is the
// region of the resume's city or one of the regions the seeker would relocate to (an employer
// there may hire them: that is what relocation is for), and it is for all specializations or for
// one of the resume's (or the parent group of one of them). A pack of contact views carries the
// region and specialization of the access it extends (billing/activation.ts), so the same rule
// covers packs; a pack is used only while a covering access runs (openResumeContacts).

/** An entitlement of the resume database usable at `now`. */
export interface CoveringEntitlement {
  id: number;
  kind: "RESUME_ACCESS" | "CONTACT_VIEWS";
  units_total: number;
  units_used: number;
  valid_from: Date;
  valid_until: Date;
}

/**
 * The organisation's running accesses and packs that cover the resume; with `lock`, their rows
 * are locked (in id order, so that concurrent openings never wait on each other in a circle)
 * until the transaction ends: units are then taken exactly, and two openings of one resume run
 * one after the other.
 */
export async function coveringEntitlements(
  client: DbTx,
  organizationId: number,
  resumeId: number,
  now: Date,
  lock: boolean,
): Promise<CoveringEntitlement[]> {
  const forUpdate = lock ? Prisma.sql`FOR UPDATE OF e` : Prisma.empty;
  return client.$queryRaw<CoveringEntitlement[]>`
    SELECT e.id, e.kind::text AS kind, e.units_total, e.units_used, e.valid_from, e.valid_until
    FROM entitlements e
    WHERE e.organization_id = ${organizationId}
      AND e.kind IN ('RESUME_ACCESS', 'CONTACT_VIEWS')
      AND e.forfeited_at IS NULL AND e.valid_from <= ${now} AND e.valid_until > ${now}
      AND e.region_id IN (
        SELECT c.region_id FROM resumes r JOIN cities c ON c.id = r.city_id WHERE r.id = ${resumeId}
        UNION SELECT rr.region_id FROM resume_relocation_regions rr WHERE rr.resume_id = ${resumeId}
      )
      AND (e.specialization_id IS NULL OR e.specialization_id IN (
        SELECT s.id FROM resume_specializations rs JOIN specializations s ON s.id = rs.specialization_id
        WHERE rs.resume_id = ${resumeId}
        UNION SELECT s.parent_id FROM resume_specializations rs JOIN specializations s ON s.id = rs.specialization_id
        WHERE rs.resume_id = ${resumeId} AND s.parent_id IS NOT NULL
      ))
    ORDER BY e.id
    ${forUpdate}`;
}

/** Running resume accesses of an organisation, whatever they cover. */
export function runningAccessWhere(organizationId: number, now: Date) {
  return {
    organizationId,
    kind: "RESUME_ACCESS",
    forfeitedAt: null,
    validFrom: { lte: now },
    validUntil: { gt: now },
  } satisfies Prisma.EntitlementWhereInput;
}

/**
 * Whether the organisation opened the resume's contacts under an access that still runs: the
 * contacts stay open (and opening them again is free) until that access ends; then they are
 * hidden again, even from a page that was already open.
 */
export async function openedUnderRunningAccess(
  organizationId: number,
  resumeId: number,
  now: Date,
  client: Db | DbTx = db,
): Promise<boolean> {
  const opening = await client.resumeOpening.findFirst({
    where: { organizationId, resumeId, access: runningAccessWhere(organizationId, now) },
    select: { id: true },
  });
  return opening !== null;
}
