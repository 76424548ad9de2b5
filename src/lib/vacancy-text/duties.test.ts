import { describe, expect, it } from "vitest";

import { sameDuties, type DutiesFields } from "./duties";

describe("sameDuties", () => {
  const base: DutiesFields = {
    title: "Продавец-консультант",
    descriptionText: "Консультировать покупателей. Выкладка товара. График 5/2.",
    specializationIds: [3, 7, 12],
    experience: "NONE",
    employmentType: "FULL",
    schedule: "FULL_DAY",
    licenceCategories: ["B", "C"],
  };

  it("is true for the same fields (salary, address or contacts are not part of them)", () => {
    expect(sameDuties(base, { ...base })).toBe(true);
  });

  it("ignores whitespace and case in the title and description", () => {
    expect(
      sameDuties(base, {
        ...base,
        title: "  продавец-КОНСУЛЬТАНТ ",
        descriptionText: "Консультировать  покупателей.\nВыкладка товара.\t\tграфик 5/2. ",
      }),
    ).toBe(true);
  });

  it("compares specializations and licence categories as sets", () => {
    expect(sameDuties(base, { ...base, specializationIds: [12, 3, 7, 3], licenceCategories: ["C", "B"] })).toBe(true);
  });

  it.each<[string, Partial<DutiesFields>]>([
    ["a changed title", { title: "Старший продавец-консультант" }],
    ["a changed description", { descriptionText: "Консультировать покупателей. Работа с кассой. График 5/2." }],
    ["a new licence category", { licenceCategories: ["B", "C", "E"] }],
    ["another specialization", { specializationIds: [3, 7] }],
    ["another experience", { experience: "ONE_TO_THREE" }],
    ["another employment type", { employmentType: "PART" }],
    ["another schedule", { schedule: "SHIFT" }],
  ])("is false for %s", (_name, change) => {
    expect(sameDuties(base, { ...base, ...change })).toBe(false);
  });
});
