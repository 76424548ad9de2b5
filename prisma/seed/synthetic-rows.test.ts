import { describe, expect, it } from "vitest";

import { ORGANIZATIONS } from "./data/organizations";
import { VACANCY_TEMPLATES } from "./data/vacancy-templates";
import { createRng } from "./random";
import { generateRow, VACANCY_COLUMNS, type SyntheticContext } from "./synthetic-rows";

function context(overrides: Partial<SyntheticContext["orgs"][number]> = {}): SyntheticContext {
  const org = {
    id: 5,
    ownerId: 9,
    citySlug: "almaty",
    address: "ул. Толе би, 187",
    contactName: "Серик Абенов",
    phone: "+77089001122",
    email: "ok@barys-qorgau.example",
    verified: true,
    localOnly: false,
    anonymous: ORGANIZATIONS[0]!.anonymous,
    templates: VACANCY_TEMPLATES,
    weight: 1,
    ...overrides,
  };
  return {
    orgs: [org],
    pickOrg: () => org,
    cityIdBySlug: new Map([
      ["almaty", 1],
      ["astana", 2],
      ["atyrau", 3],
      ["kostanay", 4],
    ]),
    specializationIdBySlug: new Map(
      VACANCY_TEMPLATES.flatMap((t) => t.specializations).map((slug, i) => [slug, 100 + i] as const),
    ),
    pickCity: (rng) => (rng.chance(0.5) ? "almaty" : "astana"),
  };
}

describe("generateRow", () => {
  it("emits one COPY text line with a field per column", () => {
    const rng = createRng(11);
    for (let id = 1; id <= 500; id++) {
      const row = generateRow(context(), rng, id, new Date("2026-11-20T06:00:00Z"));
      expect(row.vacancy.endsWith("\n")).toBe(true);
      const fields = row.vacancy.slice(0, -1).split("\t");
      expect(fields).toHaveLength(VACANCY_COLUMNS.length);
      expect(fields[0]).toBe(String(id));
      expect(fields[VACANCY_COLUMNS.indexOf("city_id")]).toMatch(/^\d+$/);
      expect(row.links.split("\n").filter(Boolean)).toHaveLength(row.linkCount);
      expect(row.linkCount).toBeGreaterThanOrEqual(1);
    }
  });

  it("escapes characters that COPY treats specially", () => {
    const cityless = VACANCY_TEMPLATES.filter((t) => !t.cities);
    const row = generateRow(
      context({ address: "a\tb\\c\nd", localOnly: true, templates: cityless }),
      createRng(2),
      1,
      new Date(),
    );
    const fields = row.vacancy.slice(0, -1).split("\t");
    expect(fields).toHaveLength(VACANCY_COLUMNS.length);
    expect(fields[VACANCY_COLUMNS.indexOf("address")]).toBe(String.raw`a\tb\\c\nd`);
  });

  it("keeps an unverified organisation's vacancies out of publication", () => {
    const rng = createRng(5);
    const statuses = new Set<string>();
    for (let id = 1; id <= 300; id++) {
      const fields = generateRow(context({ verified: false }), rng, id, new Date()).vacancy.split("\t");
      statuses.add(fields[VACANCY_COLUMNS.indexOf("status")]!);
    }
    expect([...statuses].sort()).toEqual(["DRAFT", "SUBMITTED"]);
  });
});
