import { describe, expect, it } from "vitest";

import { LicenceCategory } from "@/generated/prisma/enums";
import { LICENCE_CATEGORIES } from "@/lib/validation/resume";

import {
  LICENCE_CATEGORIES_LAW_ORDER,
  licenceCategoryLabel,
  MINIMUM_LICENCE_AGE,
  parseLicenceCategory,
} from "./licence-categories";

describe("licence categories", () => {
  it("are the law's fifteen, the same set as the database enum and the resume form", () => {
    expect(LICENCE_CATEGORIES_LAW_ORDER).toHaveLength(15);
    expect([...LICENCE_CATEGORIES_LAW_ORDER].sort()).toEqual(Object.values(LicenceCategory).sort());
    expect([...LICENCE_CATEGORIES_LAW_ORDER].sort()).toEqual([...LICENCE_CATEGORIES].sort());
  });

  it("carry the minimum ages of art. 74, trailer categories at their base category's age", () => {
    expect(MINIMUM_LICENCE_AGE).toEqual({
      A1: 16,
      A: 18,
      B: 18,
      B1: 18,
      C1: 18,
      BE: 18,
      C1E: 18,
      C: 21,
      D1: 21,
      TM: 21,
      CE: 21,
      D1E: 21,
      D: 25,
      TB: 25,
      DE: 25,
    });
    for (const [trailer, base] of [
      ["BE", "B"],
      ["C1E", "C1"],
      ["CE", "C"],
      ["D1E", "D1"],
      ["DE", "D"],
    ] as const) {
      expect(MINIMUM_LICENCE_AGE[trailer]).toBe(MINIMUM_LICENCE_AGE[base]);
    }
  });

  it("are written Tm and Tb as the law writes them", () => {
    expect(licenceCategoryLabel("TM")).toBe("Tm");
    expect(licenceCategoryLabel("TB")).toBe("Tb");
    expect(licenceCategoryLabel("C1E")).toBe("C1E");
  });

  it("are read in any case and with Cyrillic look-alike letters", () => {
    expect(parseLicenceCategory(" b ")).toBe("B");
    expect(parseLicenceCategory("Tm")).toBe("TM");
    expect(parseLicenceCategory("tb")).toBe("TB");
    expect(parseLicenceCategory("С1Е")).toBe("C1E"); // Cyrillic С and Е
    expect(parseLicenceCategory("В")).toBe("B"); // Cyrillic В
    expect(parseLicenceCategory("ВЕ")).toBe("BE");
    for (const bad of ["", "E", "B2", "AB", "Д", "B,C", "М"]) expect(parseLicenceCategory(bad)).toBeNull();
  });
});
