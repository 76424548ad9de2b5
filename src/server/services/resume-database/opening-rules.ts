import type { OrgRole } from "@/generated/prisma/enums";
import { isReadOnlyRole } from "@/lib/org-roles";
import {
  MEMBER_DAILY_OPENINGS,
  ONE_DAY_ACCESS_OPENINGS,
  ORGANIZATION_DAILY_OPENINGS,
  type OpeningState,
} from "@/lib/resume-database";
import { DomainError } from "@/server/errors";

import type { CoveringEntitlement } from "./coverage";

const DAY_MS = 86_400_000;

/** What is known, at one moment, about an organisation's member opening one resume's contacts. */
export interface OpeningFacts {
  verified: boolean;
  blocked: boolean;
  role: OrgRole;
  /** The seeker applied to the organisation: contacts are free (H 17.19). */
  applied: boolean;
  /** Opened already under an access that still runs: opening again is free. */
  alreadyOpened: boolean;
  /** Running accesses of the organisation, whatever they cover. */
  runningAccesses: number;
  /** Running accesses and packs that cover the resume. */
  covering: readonly CoveringEntitlement[];
  organizationToday: number;
  memberToday: number;
  /** First openings so far under each covering access (for the 1-day access's total). */
  openingsUnderAccess: ReadonlyMap<number, number>;
}

export type OpeningDecision =
  { state: Exclude<OpeningState, "CAN_OPEN"> } | { state: "CAN_OPEN"; access: CoveringEntitlement; source: CoveringEntitlement };

export const isOneDayAccess = (access: Pick<CoveringEntitlement, "valid_from" | "valid_until">) =>
  access.valid_until.getTime() - access.valid_from.getTime() <= DAY_MS;

/** The access an opening is made under: of those covering the resume, the one that runs longest. */
export function chosenAccess(covering: readonly CoveringEntitlement[]): CoveringEntitlement | null {
  const accesses = covering.filter((e) => e.kind === "RESUME_ACCESS");
  accesses.sort((a, b) => b.valid_until.getTime() - a.valid_until.getTime() || b.id - a.id);
  return accesses[0] ?? null;
}

/**
 * Where the contact view comes from: the covering entitlement with units left that ends first (so
 * nothing is lost that could have been used), an access before a pack ending at the same time.
 */
export function unitSource(covering: readonly CoveringEntitlement[]): CoveringEntitlement | null {
  const left = covering.filter((e) => e.units_used < e.units_total);
  left.sort(
    (a, b) =>
      a.valid_until.getTime() - b.valid_until.getTime() ||
      Number(a.kind === "CONTACT_VIEWS") - Number(b.kind === "CONTACT_VIEWS") ||
      a.id - b.id,
  );
  return left[0] ?? null;
}

/** Contact views left for the resume: the covering accesses' and packs' unused units. */
export const viewsLeft = (covering: readonly CoveringEntitlement[]) =>
  covering.reduce((sum, e) => sum + Math.max(0, e.units_total - e.units_used), 0);

/** Who may open contacts at all: an owner or manager of a verified, unblocked organisation. */
export function memberState(m: {
  verified: boolean;
  blocked: boolean;
  role: OrgRole;
}): "BLOCKED" | "NOT_VERIFIED" | "OBSERVER" | null {
  if (m.blocked) return "BLOCKED";
  if (!m.verified) return "NOT_VERIFIED";
  if (isReadOnlyRole(m.role)) return "OBSERVER";
  return null;
}

/** The rules of H 3.5, 17.19 and 19 in the order a refusal is explained. */
export function decideOpening(f: OpeningFacts): OpeningDecision {
  const refused = memberState(f);
  if (refused) return { state: refused };
  if (f.applied) return { state: "APPLICANT" };
  if (f.alreadyOpened) return { state: "OPENED" };
  const access = chosenAccess(f.covering);
  if (!access) return { state: f.runningAccesses === 0 ? "NO_ACCESS" : "ACCESS_ELSEWHERE" };
  const source = unitSource(f.covering);
  if (!source) return { state: "NO_VIEWS_LEFT" };
  if (f.organizationToday >= ORGANIZATION_DAILY_OPENINGS) return { state: "ORGANIZATION_DAILY_CAP" };
  if (isOneDayAccess(access) && (f.openingsUnderAccess.get(access.id) ?? 0) >= ONE_DAY_ACCESS_OPENINGS)
    return { state: "ONE_DAY_ACCESS_CAP" };
  if (f.memberToday >= MEMBER_DAILY_OPENINGS) return { state: "MEMBER_DAILY_CAP" };
  return { state: "CAN_OPEN", access, source };
}

const REFUSALS: Record<Exclude<OpeningState, "CAN_OPEN" | "APPLICANT" | "OPENED">, DomainError> = {
  BLOCKED: new DomainError("FORBIDDEN", "errors.resumeDatabase.blocked"),
  NOT_VERIFIED: new DomainError("FORBIDDEN", "errors.resumeDatabase.notVerified"),
  OBSERVER: new DomainError("FORBIDDEN", "errors.resumeDatabase.observer"),
  NO_ACCESS: new DomainError("CONFLICT", "errors.resumeDatabase.noAccess"),
  ACCESS_ELSEWHERE: new DomainError("CONFLICT", "errors.resumeDatabase.accessElsewhere"),
  NO_VIEWS_LEFT: new DomainError("CONFLICT", "errors.resumeDatabase.noViewsLeft"),
  ORGANIZATION_DAILY_CAP: new DomainError("CONFLICT", "errors.resumeDatabase.organizationDailyCap"),
  ONE_DAY_ACCESS_CAP: new DomainError("CONFLICT", "errors.resumeDatabase.oneDayAccessCap"),
  MEMBER_DAILY_CAP: new DomainError("CONFLICT", "errors.resumeDatabase.memberDailyCap"),
};

/** The translated refusal of a state that opens nothing. */
export function refusal(state: keyof typeof REFUSALS): DomainError {
  const template = REFUSALS[state];
  return new DomainError(template.code, template.messageKey);
}
