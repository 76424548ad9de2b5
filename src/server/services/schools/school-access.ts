import type { Prisma } from "@/generated/prisma/client";
import type { OrgRole } from "@/generated/prisma/enums";
import { almatyDay } from "@/lib/almaty-time";
import type { Actor } from "@/server/audit";
import { AccessDeniedError, requireMembership, SCHOOL_ORG_TYPES } from "@/server/auth/guards";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { schoolPlanUntil } from "./school-plan";

// Who may read and change a driving school's registry. Owners and managers write; observers and
// instructors read, an instructor only the groups they teach (and those groups' trainees).

export interface SchoolMember {
  userId: number;
  ip: string | null;
  organizationId: number;
  membershipId: number;
  role: OrgRole;
}

/** The caller as a member of the school with at least `minRole` (read from the database on every call). */
export async function requireSchoolMember(actor: Actor, organizationId: number, minRole: OrgRole): Promise<SchoolMember> {
  const membership = await requireMembership(actor.userId, organizationId, { types: SCHOOL_ORG_TYPES, minRole });
  return { userId: membership.userId, ip: actor.ip, organizationId, membershipId: membership.id, role: membership.role };
}

/** Readers: every member; an instructor's reads are narrowed by the scopes below. */
export const requireSchoolReader = (actor: Actor, organizationId: number) =>
  requireSchoolMember(actor, organizationId, "OBSERVER");
/** Writers: owners and managers. */
export const requireSchoolWriter = (actor: Actor, organizationId: number) =>
  requireSchoolMember(actor, organizationId, "MANAGER");

/** Why the school's registry is read-only now, or null when it may be changed. */
export type ReadOnlyReason = "blocked" | "notVerified" | "noPlan";

/**
 * Why the school may not change its registry now: blocked, not verified by an operator, or no
 * paid monthly plan (SPEC §6, A 4.2.6: without an active plan the registry is read-only and
 * kept); null when it may.
 */
export async function schoolReadOnlyReason(
  client: DbTx,
  organizationId: number,
  now: Date = new Date(),
): Promise<{ reason: ReadOnlyReason | null; planUntil: Date | null }> {
  const school = await client.organization.findUnique({
    where: { id: organizationId },
    select: { verification: true, blockedAt: true },
  });
  if (!school) throw new DomainError("NOT_FOUND", "errors.notFound");
  const planUntil = await schoolPlanUntil(client, organizationId, now);
  const reason = school.blockedAt
    ? "blocked"
    : school.verification !== "VERIFIED"
      ? "notVerified"
      : planUntil === null
        ? "noPlan"
        : null;
  return { reason, planUntil };
}

/**
 * Whether the school may change its registry now: the one place every write of the registry
 * asks, inside its transaction.
 */
export async function assertSchoolWritable(tx: DbTx, organizationId: number): Promise<void> {
  const { reason } = await schoolReadOnlyReason(tx, organizationId);
  if (reason !== null) throw new DomainError("CONFLICT", `errors.school.${reason}`);
}

const isInstructor = (member: SchoolMember) => member.role === "INSTRUCTOR";

/** The groups the member may see. */
export function groupScope(member: SchoolMember): Prisma.SchoolGroupWhereInput {
  return {
    organizationId: member.organizationId,
    ...(isInstructor(member) ? { instructorId: member.membershipId } : {}),
  };
}

/** The trainees the member may see: an instructor, only those in the groups they teach. */
export function traineeScope(member: SchoolMember): Prisma.TraineeWhereInput {
  return {
    organizationId: member.organizationId,
    ...(isInstructor(member) ? { group: { instructorId: member.membershipId } } : {}),
  };
}

/**
 * Refuses an instructor a record of a group they do not teach (the record is the school's, so
 * saying it exists tells nothing new; another school's record is simply not found).
 */
export function assertInstructorSees(member: SchoolMember, groupInstructorId: number | null | undefined): void {
  if (isInstructor(member) && groupInstructorId !== member.membershipId) {
    throw new AccessDeniedError("FORBIDDEN", "errors.school.notYourGroup");
  }
}

/** Today's Almaty day: ages and "not in the future" are judged by it. */
export const schoolToday = (now: Date = new Date()) => almatyDay(now);
