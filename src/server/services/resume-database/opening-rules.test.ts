import { describe, expect, it } from "vitest";

import type { CoveringEntitlement } from "./coverage";
import { chosenAccess, decideOpening, isOneDayAccess, unitSource, viewsLeft, type OpeningFacts } from "./opening-rules";

const T0 = new Date("2026-12-10T00:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

function entitlement(id: number, kind: CoveringEntitlement["kind"], untilHours: number, left = 5): CoveringEntitlement {
  return { id, kind, units_total: 10, units_used: 10 - left, valid_from: T0, valid_until: at(untilHours) };
}

const facts = (overrides: Partial<OpeningFacts> = {}): OpeningFacts => ({
  verified: true,
  blocked: false,
  role: "MANAGER",
  applied: false,
  alreadyOpened: false,
  runningAccesses: 1,
  covering: [entitlement(1, "RESUME_ACCESS", 168)],
  organizationToday: 0,
  memberToday: 0,
  openingsUnderAccess: new Map(),
  ...overrides,
});

describe("decideOpening", () => {
  it("explains refusals in order: who, then free cases, then access, views and caps", () => {
    expect(decideOpening(facts({ blocked: true, verified: false })).state).toBe("BLOCKED");
    expect(decideOpening(facts({ verified: false, role: "OBSERVER" })).state).toBe("NOT_VERIFIED");
    expect(decideOpening(facts({ role: "OBSERVER", applied: true })).state).toBe("OBSERVER");
    expect(decideOpening(facts({ applied: true, covering: [], runningAccesses: 0 })).state).toBe("APPLICANT");
    expect(decideOpening(facts({ alreadyOpened: true, covering: [] })).state).toBe("OPENED");
    expect(decideOpening(facts({ covering: [], runningAccesses: 0 })).state).toBe("NO_ACCESS");
    expect(decideOpening(facts({ covering: [] })).state).toBe("ACCESS_ELSEWHERE");
    // A pack alone, without a covering access, opens nothing.
    expect(decideOpening(facts({ covering: [entitlement(2, "CONTACT_VIEWS", 100)] })).state).toBe("ACCESS_ELSEWHERE");
    expect(decideOpening(facts({ covering: [entitlement(1, "RESUME_ACCESS", 168, 0)] })).state).toBe("NO_VIEWS_LEFT");
    expect(decideOpening(facts({ organizationToday: 8_000 })).state).toBe("ORGANIZATION_DAILY_CAP");
    expect(decideOpening(facts({ organizationToday: 7_999, memberToday: 500 })).state).toBe("MEMBER_DAILY_CAP");
    expect(decideOpening(facts({ memberToday: 499 })).state).toBe("CAN_OPEN");
    expect(decideOpening(facts({ role: "OWNER" })).state).toBe("CAN_OPEN");
  });

  it("caps a 1-day access at 1,000 openings in all, not a longer one", () => {
    const oneDay = [entitlement(1, "RESUME_ACCESS", 24, 0), entitlement(2, "CONTACT_VIEWS", 24, 50)];
    expect(decideOpening(facts({ covering: oneDay, openingsUnderAccess: new Map([[1, 1_000]]) })).state).toBe(
      "ONE_DAY_ACCESS_CAP",
    );
    expect(decideOpening(facts({ covering: oneDay, openingsUnderAccess: new Map([[1, 999]]) })).state).toBe("CAN_OPEN");
    const week = [entitlement(1, "RESUME_ACCESS", 168, 0), entitlement(2, "CONTACT_VIEWS", 168, 50)];
    expect(decideOpening(facts({ covering: week, openingsUnderAccess: new Map([[1, 5_000]]) })).state).toBe("CAN_OPEN");
  });
});

describe("which access and which unit", () => {
  it("opens under the covering access that runs longest", () => {
    expect(chosenAccess([entitlement(1, "RESUME_ACCESS", 24), entitlement(2, "RESUME_ACCESS", 48)])?.id).toBe(2);
    expect(chosenAccess([entitlement(3, "CONTACT_VIEWS", 500)])).toBeNull();
  });

  it("takes the unit that expires first, an access before a pack ending together, skipping used-up ones", () => {
    expect(unitSource([entitlement(2, "CONTACT_VIEWS", 24), entitlement(1, "RESUME_ACCESS", 24)])?.id).toBe(1);
    expect(unitSource([entitlement(1, "RESUME_ACCESS", 48), entitlement(2, "CONTACT_VIEWS", 24)])?.id).toBe(2);
    expect(unitSource([entitlement(1, "RESUME_ACCESS", 24, 0), entitlement(2, "CONTACT_VIEWS", 24, 1)])?.id).toBe(2);
    expect(unitSource([entitlement(1, "RESUME_ACCESS", 24, 0)])).toBeNull();
  });

  it("counts views left and tells a 1-day access", () => {
    expect(viewsLeft([entitlement(1, "RESUME_ACCESS", 24, 3), entitlement(2, "CONTACT_VIEWS", 24, 4)])).toBe(7);
    expect(isOneDayAccess(entitlement(1, "RESUME_ACCESS", 24))).toBe(true);
    expect(isOneDayAccess(entitlement(1, "RESUME_ACCESS", 25))).toBe(false);
  });
});
