import {
  MEMBER_DAILY_OPENINGS,
  ONE_DAY_ACCESS_OPENINGS,
  ORGANIZATION_DAILY_OPENINGS,
  type OpeningState,
} from "@/lib/resume-database";
import type { UserActor } from "@/server/audit";
import { db } from "@/server/db";

import { employerMember, openingFacts, visibleResume } from "./opening-facts";
import { chosenAccess, decideOpening, isOneDayAccess, viewsLeft } from "./opening-rules";

export interface OpeningStatus {
  state: OpeningState;
  /** Contact views left for the resume (its accesses and packs), null when no access covers it. */
  viewsLeft: number | null;
  /** When the access the contacts would be opened under ends. */
  accessUntil: Date | null;
  organizationToday: { used: number; cap: number };
  memberToday: { used: number; cap: number };
  /** A 1-day access's total, when that is the access in use. */
  oneDayAccess: { used: number; cap: number } | null;
}

/**
 * What the resume page shows next to the "open contacts" button: whether the caller may open
 * this resume's contacts now, why not, and the counters left. Read without locks: the opening
 * itself decides again (openResumeContacts). Any member reads it (an observer sees why not).
 */
export async function resumeOpeningStatus(
  actor: UserActor,
  organizationId: number,
  resumePublicId: string,
  now: Date = new Date(),
): Promise<OpeningStatus> {
  const member = await employerMember(actor, organizationId);
  const access = await visibleResume(organizationId, resumePublicId);
  const facts = await openingFacts(db, {
    member,
    organizationId,
    userId: actor.userId,
    resumeId: access.resumeId,
    applied: access.withContacts,
    now,
    lock: false,
  });
  const decision = decideOpening(facts);
  const chosen = chosenAccess(facts.covering);
  return {
    state: decision.state,
    viewsLeft: chosen ? viewsLeft(facts.covering) : null,
    accessUntil: chosen?.valid_until ?? null,
    organizationToday: { used: facts.organizationToday, cap: ORGANIZATION_DAILY_OPENINGS },
    memberToday: { used: facts.memberToday, cap: MEMBER_DAILY_OPENINGS },
    oneDayAccess:
      chosen && isOneDayAccess(chosen)
        ? { used: facts.openingsUnderAccess.get(chosen.id) ?? 0, cap: ONE_DAY_ACCESS_OPENINGS }
        : null,
  };
}
