import { describe, expect, it } from "vitest";

import { CITIES } from "./data/cities";
import { ORGANIZATIONS } from "./data/organizations";
import { REGIONS } from "./data/regions";
import { SPECIALIZATION_GROUPS } from "./data/specializations";
import { templateDescription, VACANCY_TEMPLATES } from "./data/vacancy-templates";
import { isValidKzIdentifier } from "@/lib/kz-identifiers";
import { createRng } from "./random";
import { draftVacancy, lifecycle, PREMIUM_DAYS, PUBLICATION_DAYS } from "./vacancy-factory";

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-20T06:00:00Z");
const specializationSlugs = new Set(SPECIALIZATION_GROUPS.flatMap((g) => g.children.map((c) => c.slug)));

describe("seed data", () => {
  it("keeps slugs unique and references resolvable", () => {
    const regionSlugs = new Set(REGIONS.map((r) => r.slug));
    expect(regionSlugs.size).toBe(REGIONS.length);
    expect(new Set(CITIES.map((c) => c.slug)).size).toBe(CITIES.length);
    for (const city of CITIES) expect(regionSlugs.has(city.regionSlug), city.slug).toBe(true);
    const allSpecs = SPECIALIZATION_GROUPS.flatMap((g) => [g.slug, ...g.children.map((c) => c.slug)]);
    expect(new Set(allSpecs).size).toBe(allSpecs.length);
    const citySlugs = new Set(CITIES.map((c) => c.slug));
    for (const org of ORGANIZATIONS) expect(citySlugs.has(org.citySlug), org.slug).toBe(true);
    for (const t of VACANCY_TEMPLATES)
      for (const slug of t.cities ?? []) expect(citySlugs.has(slug), `${t.key} ${slug}`).toBe(true);
  });

  it("gives every template both languages, real specializations and a sane salary", () => {
    expect(VACANCY_TEMPLATES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(VACANCY_TEMPLATES.map((t) => t.key)).size).toBe(VACANCY_TEMPLATES.length);
    for (const t of VACANCY_TEMPLATES) {
      for (const slug of t.specializations) expect(specializationSlugs.has(slug), `${t.key} ${slug}`).toBe(true);
      for (const locale of ["ru", "kk"] as const) {
        const html = templateDescription(t, locale);
        expect(html.replace(/<[^>]+>/g, "").length, `${t.key} ${locale}`).toBeGreaterThanOrEqual(200);
        expect(html.match(/<\/?([a-z]+)/g)?.every((tag) => /^<\/?(p|ul|li|strong)$/.test(tag))).toBe(true);
        for (const title of t[locale].titles) expect(title.length).toBeLessThanOrEqual(150);
      }
      const [from, to] = t.salary;
      expect(from).toBeGreaterThanOrEqual(85_000);
      expect(to).toBeGreaterThan(from);
    }
  });

  it("has employers for every template and valid identifiers for every organisation", () => {
    const hired = new Set(ORGANIZATIONS.flatMap((o) => o.hires));
    for (const t of VACANCY_TEMPLATES) expect(hired.has(t.key), t.key).toBe(true);
    const keys = new Set(VACANCY_TEMPLATES.map((t) => t.key));
    for (const key of hired) expect(keys.has(key), key).toBe(true);
    for (const org of ORGANIZATIONS) {
      expect(isValidKzIdentifier(org.type === "PRIVATE_RECRUITER" ? (org.iin ?? "") : (org.bin ?? "")), org.slug).toBe(true);
    }
  });
});

describe("draftVacancy", () => {
  it("is reproducible for a seed", () => {
    const template = VACANCY_TEMPLATES[0]!;
    expect(draftVacancy(createRng(7), template, "kk")).toEqual(draftVacancy(createRng(7), template, "kk"));
  });

  it("keeps salaries ordered and specializations within 1-3", () => {
    const rng = createRng(1);
    for (let i = 0; i < 2_000; i++) {
      const draft = draftVacancy(rng, rng.pick(VACANCY_TEMPLATES), rng.chance(0.5) ? "ru" : "kk");
      if (draft.salaryFrom !== null && draft.salaryTo !== null) expect(draft.salaryTo).toBeGreaterThanOrEqual(draft.salaryFrom);
      expect(draft.specializationSlugs.length).toBeGreaterThanOrEqual(1);
      expect(draft.specializationSlugs.length).toBeLessThanOrEqual(3);
      expect(new Set(draft.specializationSlugs).size).toBe(draft.specializationSlugs.length);
      expect(draft.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});

describe("lifecycle", () => {
  it("keeps dates consistent with the 30-day publication and 7-day premium rules", () => {
    const rng = createRng(3);
    for (const status of ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED", "ARCHIVED", "REMOVED"] as const) {
      for (let i = 0; i < 500; i++) {
        const life = lifecycle(rng, NOW, status, 60);
        expect(life.status).toBe(status);
        expect(life.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(life.updatedAt.getTime()).toBeGreaterThanOrEqual(life.createdAt.getTime());
        if (status === "DRAFT") expect(life.submittedAt).toBeNull();
        if (!life.publishedAt) continue;
        const published = life.publishedAt.getTime();
        expect(life.submittedAt!.getTime()).toBeLessThan(published);
        expect(life.expiresAt!.getTime()).toBe(published + PUBLICATION_DAYS * DAY_MS);
        if (life.publicationType === "PREMIUM") expect(life.premiumUntil!.getTime()).toBe(published + PREMIUM_DAYS * DAY_MS);
        else expect(life.premiumUntil).toBeNull();
        if (status === "PUBLISHED") expect(life.expiresAt!.getTime()).toBeGreaterThan(NOW.getTime());
        if (status === "ARCHIVED") {
          expect(life.archivedAt).toEqual(life.expiresAt);
          expect(life.expiresAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
          expect(NOW.getTime() - published).toBeLessThanOrEqual(60 * DAY_MS);
        }
      }
    }
  });
});
