import type { OrgRole } from "@/generated/prisma/enums";
import { almatyDay } from "@/lib/almaty-time";
import type { UserActor } from "@/server/audit";
import { EMPLOYER_ORG_TYPES } from "@/server/auth/guards";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { isResumePublicId, resumeAccessFor } from "@/server/services/resumes/resumes";

import { coveringEntitlements, openedUnderRunningAccess, runningAccessWhere } from "./coverage";
import type { OpeningFacts } from "./opening-rules";

export interface OpeningMember {
  role: OrgRole;
  verified: boolean;
  blocked: boolean;
}

/**
 * The actor's membership of an employer organisation (the resume database is sold to employers,
 * agencies and recruiters). Not a member, or another kind of organisation: FORBIDDEN, saying
 * nothing more.
 */
export async function employerMember(actor: UserActor, organizationId: number, client: DbTx = db): Promise<OpeningMember> {
  const membership = await client.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId } },
    select: { role: true, organization: { select: { type: true, verification: true, blockedAt: true } } },
  });
  if (!membership || !EMPLOYER_ORG_TYPES.includes(membership.organization.type))
    throw new DomainError("FORBIDDEN", "errors.forbidden");
  return {
    role: membership.role,
    verified: membership.organization.verification === "VERIFIED",
    blocked: membership.organization.blockedAt !== null,
  };
}

/**
 * The resume by its public id, under resumeAccessFor's rule (the one rule of who sees which
 * resume). Not an id at all: VALIDATION; unknown or not visible to the organisation: NOT_FOUND.
 */
export async function visibleResume(organizationId: number, publicId: string, client: DbTx = db) {
  if (!isResumePublicId(publicId))
    throw new DomainError("VALIDATION", "errors.resumeDatabase.badResumeId", { field: "resumeId" });
  const access = await resumeAccessFor(organizationId, publicId, client);
  if (!access) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
  return access;
}

/**
 * Everything decideOpening needs. With `lock`, the covering entitlements are locked first and
 * everything after is read behind that lock (see coveringEntitlements).
 */
export async function openingFacts(
  client: DbTx,
  input: {
    member: OpeningMember;
    organizationId: number;
    userId: number;
    resumeId: number;
    applied: boolean;
    now: Date;
    lock: boolean;
  },
): Promise<OpeningFacts> {
  const { organizationId, resumeId, now } = input;
  const covering = await coveringEntitlements(client, organizationId, resumeId, now, input.lock);
  const day = almatyDay(now);
  const accessIds = covering.filter((e) => e.kind === "RESUME_ACCESS").map((e) => e.id);
  // One after another: inside the opening's transaction the connection runs one query at a time.
  const alreadyOpened = await openedUnderRunningAccess(organizationId, resumeId, now, client);
  const runningAccesses = await client.entitlement.count({ where: runningAccessWhere(organizationId, now) });
  const organizationDay = await client.$queryRaw<{ openings: number }[]>`
    SELECT openings FROM resume_opening_days WHERE organization_id = ${organizationId} AND day = ${day}::date`;
  const memberDay = await client.$queryRaw<{ openings: number }[]>`
    SELECT openings FROM resume_opening_member_days
    WHERE organization_id = ${organizationId} AND user_id = ${input.userId} AND day = ${day}::date`;
  const underAccess = accessIds.length
    ? await client.resumeOpening.groupBy({
        by: ["accessId"],
        where: { accessId: { in: accessIds }, kind: "PAID" },
        _count: { _all: true },
      })
    : [];
  return {
    ...input.member,
    applied: input.applied,
    alreadyOpened,
    runningAccesses,
    covering,
    organizationToday: organizationDay[0]?.openings ?? 0,
    memberToday: memberDay[0]?.openings ?? 0,
    openingsUnderAccess: new Map(underAccess.map((row) => [row.accessId ?? 0, row._count._all])),
  };
}
