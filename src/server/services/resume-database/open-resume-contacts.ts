import { almatyDay } from "@/lib/almaty-time";
import { MEMBER_DAILY_OPENINGS, ORGANIZATION_DAILY_OPENINGS } from "@/lib/resume-database";
import type { UserActor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { consumeLimit } from "@/server/services/auth/rate-limit";

import { runningAccessWhere } from "./coverage";
import { employerMember, openingFacts, visibleResume } from "./opening-facts";
import { decideOpening, memberState, refusal, viewsLeft } from "./opening-rules";

export interface OpenedContacts {
  kind: "PAID" | "APPLICANT" | "REOPEN";
  /** Contact views left for this resume's region and specialization after the opening. */
  viewsLeft: number | null;
}

/**
 * A member opens a resume's contacts from the resume database (H 17, 19), in one transaction:
 * - only an owner or a manager of a verified, unblocked employer organisation;
 * - the resume must be visible to the organisation (resumeAccessFor);
 * - an applicant's resume is free and needs no access (H 17.19);
 * - otherwise a running RESUME_ACCESS must cover the resume (coverage.ts); opening it again while
 *   the access it was opened under runs is free; a first opening takes one contact view from the
 *   access or from a pack of views, within 8,000 a day per organisation, 1,000 in all for a 1-day
 *   access and 500 a day per member (H 3.5).
 * Every opening, free or not, is recorded. A refusal writes nothing (the per-member rate limit
 * against scraping counts the attempt, as rate limits do).
 */
export async function openResumeContacts(
  actor: UserActor,
  organizationId: number,
  resumePublicId: string,
  now: Date = new Date(),
): Promise<OpenedContacts> {
  const member = await employerMember(actor, organizationId);
  const refused = memberState(member);
  if (refused) throw refusal(refused);
  // A bad or unknown id is refused before the rate limit counts anything; the transaction checks again.
  await visibleResume(organizationId, resumePublicId);
  await consumeLimit("resumeOpenPerMember", String(actor.userId));

  return db.$transaction(async (tx) => {
    const access = await visibleResume(organizationId, resumePublicId, tx);
    const facts = await openingFacts(tx, {
      member,
      organizationId,
      userId: actor.userId,
      resumeId: access.resumeId,
      applied: access.withContacts,
      now,
      lock: !access.withContacts,
    });
    const decision = decideOpening(facts);
    const record = (kind: OpenedContacts["kind"], accessId: number | null, entitlementId: number | null) =>
      tx.resumeOpening.create({
        data: { organizationId, userId: actor.userId, resumeId: access.resumeId, accessId, entitlementId, kind, openedAt: now },
        select: { id: true },
      });

    if (decision.state === "APPLICANT") {
      await record("APPLICANT", null, null);
      return { kind: "APPLICANT", viewsLeft: null };
    }
    if (decision.state === "OPENED") {
      const earlier = await tx.resumeOpening.findFirstOrThrow({
        where: {
          organizationId,
          resumeId: access.resumeId,
          accessId: { not: null },
          access: runningAccessWhere(organizationId, now),
        },
        orderBy: { openedAt: "desc" },
        select: { accessId: true },
      });
      await record("REOPEN", earlier.accessId, null);
      return { kind: "REOPEN", viewsLeft: viewsLeft(facts.covering) };
    }
    if (decision.state !== "CAN_OPEN") throw refusal(decision.state);

    await countOpening(tx, organizationId, actor.userId, now);
    await tx.entitlement.update({ where: { id: decision.source.id }, data: { unitsUsed: { increment: 1 } } });
    await record("PAID", decision.access.id, decision.source.id);
    return { kind: "PAID", viewsLeft: viewsLeft(facts.covering) - 1 };
  });
}

/**
 * Counts a first opening on today's counters (Almaty day), each an atomic increment that refuses
 * to pass its cap: the row stays locked until the transaction ends, so concurrent openings are
 * counted exactly and none slips past a cap.
 */
async function countOpening(tx: DbTx, organizationId: number, userId: number, now: Date): Promise<void> {
  const day = almatyDay(now);
  const organization = await tx.$queryRaw<{ openings: number }[]>`
    INSERT INTO resume_opening_days (organization_id, day, openings) VALUES (${organizationId}, ${day}::date, 1)
    ON CONFLICT (organization_id, day) DO UPDATE SET openings = resume_opening_days.openings + 1
    WHERE resume_opening_days.openings < ${ORGANIZATION_DAILY_OPENINGS}
    RETURNING openings`;
  if (organization.length === 0) throw refusal("ORGANIZATION_DAILY_CAP");
  const member = await tx.$queryRaw<{ openings: number }[]>`
    INSERT INTO resume_opening_member_days (organization_id, user_id, day, openings)
    VALUES (${organizationId}, ${userId}, ${day}::date, 1)
    ON CONFLICT (organization_id, user_id, day) DO UPDATE SET openings = resume_opening_member_days.openings + 1
    WHERE resume_opening_member_days.openings < ${MEMBER_DAILY_OPENINGS}
    RETURNING openings`;
  if (member.length === 0) throw refusal("MEMBER_DAILY_CAP");
}
