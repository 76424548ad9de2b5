import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import type { PublicationType, VacancyStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { getSiteStats } from "../catalog/site-stats";
import { rebuildVacancySearch } from "../search/search-index";
import { loadVacancyCards } from "../search/vacancy-cards";

import { getVacancyGate } from "./public-vacancy";
import {
  liveSearchRowSql,
  publicVacancySql,
  publicVacancyWhere,
  vacancyVisibilitySql,
  type VacancyVisibility,
} from "./visibility";

const DAY = 86_400_000;
const now = new Date();
const STATUSES: VacancyStatus[] = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED", "ARCHIVED", "REMOVED"];
const TYPES: PublicationType[] = ["STANDARD", "PREMIUM", "ANONYMOUS", "CLOSED"];
const EXPIRY = { none: null, past: new Date(now.getTime() - DAY), exact: now, future: new Date(now.getTime() + DAY) };

interface Case {
  id: number;
  status: VacancyStatus;
  type: PublicationType;
  published: boolean;
  expiry: keyof typeof EXPIRY;
  blocked: boolean;
}

/** The rule as the product states it, written plainly: what every implementation must agree with. */
function expected(c: Omit<Case, "id">): VacancyVisibility {
  if (!c.published) return "missing";
  if (c.status === "ARCHIVED" || c.status === "REMOVED") return "gone";
  if (c.status !== "PUBLISHED") return "missing";
  if (c.blocked || c.expiry === "past" || c.expiry === "exact") return "gone";
  if (c.type === "CLOSED") return "closed";
  return "public";
}

const cases: Case[] = [];
const ids = (pick: (c: Case) => boolean) =>
  cases
    .filter(pick)
    .map((c) => c.id)
    .sort((a, b) => a - b);
const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "vis-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({ data: { regionId: region.id, slug: "vis-city", nameRu: "Город", nameKk: "Қала" } });
  const group = await db.specialization.create({ data: { slug: "vis-group", nameRu: "Транспорт", nameKk: "Көлік" } });
  const spec = await db.specialization.create({
    data: { slug: "vis-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: group.id },
  });
  const open = await createOrganization("EMPLOYER");
  const blocked = await createOrganization("EMPLOYER");
  await db.organization.update({ where: { id: blocked.id }, data: { blockedAt: now, blockReason: "test" } });

  for (const status of STATUSES)
    for (const type of TYPES)
      for (const published of [false, true])
        for (const expiry of Object.keys(EXPIRY) as (keyof typeof EXPIRY)[])
          for (const isBlocked of [false, true]) {
            const row = await db.vacancy.create({
              data: {
                organizationId: isBlocked ? blocked.id : open.id,
                cityId: city.id,
                title: "Водитель",
                slug: "voditel",
                description: "<p>Работа.</p>",
                status,
                publicationType: type,
                publishedAt: published ? new Date(now.getTime() - 2 * DAY) : null,
                expiresAt: EXPIRY[expiry],
                specializations: { create: [{ specializationId: spec.id }] },
              },
              select: { id: true },
            });
            cases.push({ id: row.id, status, type, published, expiry, blocked: isBlocked });
          }
  await rebuildVacancySearch(db);
});

describe("the public-vacancy rule", () => {
  it("covers every combination of status, type, publication, expiry and blocking", () => {
    expect(cases).toHaveLength(STATUSES.length * TYPES.length * 2 * 4 * 2);
    for (const state of ["public", "closed", "gone", "missing"] as const)
      expect(cases.filter((c) => expected(c) === state).length, state).toBeGreaterThan(0);
  });

  it("SQL vacancy_visibility() classifies every vacancy as the rule says", async () => {
    const rows = await db.$queryRaw<{ id: number; state: string }[]>`
      SELECT v.id, ${vacancyVisibilitySql(now)} AS state
      FROM vacancies v JOIN organizations o ON o.id = v.organization_id`;
    const got = new Map(rows.map((r) => [r.id, r.state]));
    for (const c of cases) expect(got.get(c.id), JSON.stringify(c)).toBe(expected(c));
  });

  it("the Prisma filter, the SQL predicate and the search table select exactly the public ones", async () => {
    const want = ids((c) => expected(c) === "public");
    expect(sorted(await db.vacancy.findMany({ where: publicVacancyWhere(now), select: { id: true } }))).toEqual(want);
    expect(
      sorted(
        await db.$queryRaw<{ id: number }[]>`
          SELECT v.id FROM vacancies v JOIN organizations o ON o.id = v.organization_id WHERE ${publicVacancySql(now)}`,
      ),
    ).toEqual(want);
    expect(
      sorted(await db.$queryRaw<{ id: number }[]>`SELECT vacancy_id AS id FROM vacancy_search vs WHERE ${liveSearchRowSql(now)}`),
    ).toEqual(want);
  });

  it("the search table holds the listed vacancies: public apart from expiry", async () => {
    const listed = ids((c) => expected({ ...c, expiry: "none" }) === "public");
    expect(sorted(await db.$queryRaw<{ id: number }[]>`SELECT vacancy_id AS id FROM vacancy_search`)).toEqual(listed);
  });

  it("the vacancy page's gate, the cards and the home page's counts follow it", async () => {
    for (const c of cases) expect((await getVacancyGate(c.id, { now })).state, JSON.stringify(c)).toBe(expected(c));
    const cards = await loadVacancyCards(
      cases.map((c) => c.id),
      { now },
    );
    expect(cards.map((card) => card.id).sort((a, b) => a - b)).toEqual(ids((c) => expected(c) === "public"));
    const stats = await getSiteStats({ now });
    const publicCases = cases.filter((c) => expected(c) === "public");
    expect(stats.vacancies).toBe(publicCases.length);
    // Anonymous vacancies do not make their organisation a hiring company; the blocked one never counts.
    expect(stats.companies).toBe(1);
    expect(stats.topGroups.map((g) => [g.slug, g.vacancies])).toEqual([["vis-group", publicCases.length]]);
  });

  it("rejects an alias that is not a plain identifier", () => {
    expect(() => publicVacancySql(now, "v; DROP TABLE vacancies")).toThrow(/not an SQL identifier/);
    expect(Prisma.sql`${liveSearchRowSql(now, "x")}`.sql).toContain("x.expires_at");
  });
});
