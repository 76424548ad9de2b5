import { describe, expect, it } from "vitest";

import { browserSavedAt, planSavedMerge, type SavedEntry } from "./plan-saved-merge";

const d = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const e = (vacancyId: number, day: number): SavedEntry => ({ vacancyId, savedAt: d(day) });

describe("planSavedMerge", () => {
  it("creates what is new and refreshes what the browser saved later", () => {
    const plan = planSavedMerge([e(1, 5), e(2, 1)], [e(1, 2), e(2, 3), e(3, 4)]);
    expect(plan).toEqual({ create: [e(3, 4)], refresh: [e(2, 3)], drop: [], overLimit: 0, total: 3 });
  });

  it("plans nothing for a list the account already has", () => {
    const account = [e(1, 1), e(2, 2)];
    expect(planSavedMerge(account, account)).toEqual({ create: [], refresh: [], drop: [], overLimit: 0, total: 2 });
    expect(planSavedMerge(account, [])).toEqual({ create: [], refresh: [], drop: [], overLimit: 0, total: 2 });
  });

  it("keeps the latest date of a vacancy listed twice by the browser", () => {
    const plan = planSavedMerge([], [e(7, 1), e(7, 9), e(7, 3)]);
    expect(plan.create).toEqual([e(7, 9)]);
  });

  it("past the limit keeps the newest from both sides and drops the account's oldest", () => {
    const plan = planSavedMerge([e(1, 1), e(2, 5), e(3, 9)], [e(4, 2), e(5, 7)], 3);
    expect(plan.create).toEqual([e(5, 7)]);
    expect(plan.drop).toEqual([1]);
    expect(plan.overLimit).toBe(2);
    expect(plan.total).toBe(3);
  });

  it("does not let a refreshed entry fall off because of its old date", () => {
    const plan = planSavedMerge([e(1, 1), e(2, 2)], [e(1, 10)], 2);
    expect(plan).toEqual({ create: [], refresh: [e(1, 10)], drop: [], overLimit: 0, total: 2 });
  });

  it("breaks ties by the newer vacancy id, so the plan does not depend on input order", () => {
    const a = planSavedMerge([e(1, 1)], [e(2, 1)], 1);
    const b = planSavedMerge([e(2, 1)], [e(1, 1)], 1);
    expect(a.create).toEqual([e(2, 1)]);
    expect(a.drop).toEqual([1]);
    expect(b.create).toEqual([]);
    expect(b.drop).toEqual([]);
  });
});

describe("browserSavedAt", () => {
  const now = d(100);
  it("reads ISO dates", () => expect(browserSavedAt(d(3).toISOString(), now)).toEqual(d(3)));
  it("treats an unreadable date as the oldest save", () => {
    for (const value of ["", "вчера", "2026-13-45", "-1e20"]) expect(browserSavedAt(value, now)).toEqual(new Date(0));
  });
  it("does not let a future date stay on top", () => expect(browserSavedAt(d(200).toISOString(), now)).toEqual(now));
});
