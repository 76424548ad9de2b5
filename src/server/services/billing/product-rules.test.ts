import { describe, expect, it } from "vitest";

import { creditValidityDays, kindAllowedFor, quantityAllowed } from "./product-rules";

describe("product rules", () => {
  it("keep publication credits 30 days for 1–9 bought at once and 365 days for 10 or more (H 4.6)", () => {
    expect([1, 9, 10, 250].map(creditValidityDays)).toEqual([30, 30, 365, 365]);
  });

  it("sell vacancy and resume products to employers, agencies and recruiters, publications and the plan to schools", () => {
    for (const type of ["EMPLOYER", "AGENCY", "PRIVATE_RECRUITER"] as const) {
      expect(kindAllowedFor("VACANCY_PUBLICATION", type)).toBe(true);
      expect(kindAllowedFor("RESUME_ACCESS", type)).toBe(true);
      expect(kindAllowedFor("CONTACT_VIEWS", type)).toBe(true);
      expect(kindAllowedFor("SCHOOL_PLAN", type)).toBe(false);
    }
    expect(kindAllowedFor("SCHOOL_PLAN", "DRIVING_SCHOOL")).toBe(true);
    expect(kindAllowedFor("VACANCY_PUBLICATION", "DRIVING_SCHOOL")).toBe(true);
    expect(kindAllowedFor("RESUME_ACCESS", "DRIVING_SCHOOL")).toBe(false);
  });

  it("bound quantities per kind", () => {
    expect(quantityAllowed("VACANCY_PUBLICATION", 1)).toBe(true);
    expect(quantityAllowed("VACANCY_PUBLICATION", 1000)).toBe(true);
    expect(quantityAllowed("VACANCY_PUBLICATION", 1001)).toBe(false);
    expect(quantityAllowed("VACANCY_PUBLICATION", 0)).toBe(false);
    expect(quantityAllowed("VACANCY_PUBLICATION", 2.5)).toBe(false);
    expect(quantityAllowed("RESUME_ACCESS", 2)).toBe(false);
    expect(quantityAllowed("SCHOOL_PLAN", 12)).toBe(true);
    expect(quantityAllowed("SCHOOL_PLAN", 13)).toBe(false);
  });
});
