import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { vacancyStats } from "./vacancy-stats";
import { flushVacancyViews, recordVacancyView } from "./view-counter";

const BROWSER =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

let orgId = 0;
let otherOrgId = 0;
let cityId = 0;
let seekers: number[] = [];

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "stats-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "stats-city", nameRu: "Актобе", nameKk: "Ақтөбе" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  otherOrgId = (await createOrganization("EMPLOYER")).id;
  seekers = [];
  for (let i = 0; i < 4; i++) seekers.push((await createUser()).id);
});

beforeEach(async () => {
  await flushVacancyViews();
  await db.vacancy.deleteMany();
});

const vacancy = async (data: Partial<Prisma.VacancyUncheckedCreateInput> = {}) =>
  (
    await db.vacancy.create({
      data: {
        organizationId: orgId,
        cityId,
        title: "Сварщик",
        slug: "svarshchik",
        description: "<p>Сварочные работы на объекте.</p>",
        status: "PUBLISHED",
        // 10:00 in Almaty on 1 March 2026.
        createdAt: new Date("2026-02-27T05:00:00Z"),
        publishedAt: new Date("2026-03-01T05:00:00Z"),
        expiresAt: new Date("2026-03-31T05:00:00Z"),
        ...data,
      },
      select: { id: true },
    })
  ).id;

async function views(vacancyId: number, at: string, count = 1) {
  for (let i = 0; i < count; i++) recordVacancyView(vacancyId, BROWSER, new Date(at));
  await flushVacancyViews();
}

async function applications(vacancyId: number, ...at: string[]) {
  await db.application.createMany({
    data: at.map((createdAt, i) => ({ vacancyId, seekerId: seekers[i]!, createdAt: new Date(createdAt) })),
  });
}

const zero = (day: string) => ({ day, views: 0, applications: 0 });

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? { code: e.code, key: e.messageKey } : e),
  );

describe("vacancyStats", () => {
  it("lists every day from publication to today, days without activity as zeros", async () => {
    const id = await vacancy();
    const stats = await vacancyStats(orgId, id, { now: new Date("2026-03-05T12:00:00Z") });
    expect(stats).toEqual({
      views: 0,
      applications: 0,
      conversion: null,
      days: ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"].map(zero),
    });
  });

  it("counts views and applications on the Almaty day: 20:30 UTC is already the next day there", async () => {
    const id = await vacancy();
    await views(id, "2026-03-02T18:00:00Z", 3); // 23:00 on 2 March in Almaty
    await views(id, "2026-03-02T20:30:00Z", 5); // 01:30 on 3 March in Almaty
    await views(id, "2026-03-04T06:00:00Z", 2);
    await applications(id, "2026-03-02T18:59:59Z", "2026-03-02T20:30:00Z", "2026-03-04T10:00:00Z");

    const stats = await vacancyStats(orgId, id, { now: new Date("2026-03-05T12:00:00Z") });
    expect(stats.days).toEqual([
      zero("2026-03-01"),
      { day: "2026-03-02", views: 3, applications: 1 },
      { day: "2026-03-03", views: 5, applications: 1 },
      { day: "2026-03-04", views: 2, applications: 1 },
      zero("2026-03-05"),
    ]);
    expect(stats.views).toBe(10);
    expect(stats.applications).toBe(3);
    expect(stats.conversion).toBeCloseTo(0.3);
  });

  it("takes today in Almaty: at 20:30 UTC the range already includes the next day", async () => {
    const id = await vacancy();
    const stats = await vacancyStats(orgId, id, { now: new Date("2026-03-02T20:30:00Z") });
    expect(stats.days.map((d) => d.day)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });

  it("ends on the day the vacancy expired or was archived", async () => {
    const expired = await vacancy({ status: "ARCHIVED", expiresAt: new Date("2026-03-03T20:00:00Z") });
    expect((await vacancyStats(orgId, expired, { now: new Date("2026-04-10T12:00:00Z") })).days.map((d) => d.day)).toEqual([
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
    ]);
    const archived = await vacancy({ status: "ARCHIVED", archivedAt: new Date("2026-03-02T10:00:00Z") });
    expect((await vacancyStats(orgId, archived, { now: new Date("2026-04-10T12:00:00Z") })).days.map((d) => d.day)).toEqual([
      "2026-03-01",
      "2026-03-02",
    ]);
  });

  it("starts a never published vacancy on the day it was created", async () => {
    const draft = await vacancy({ status: "DRAFT", publishedAt: null, expiresAt: null });
    const stats = await vacancyStats(orgId, draft, { now: new Date("2026-02-28T12:00:00Z") });
    expect(stats.days).toEqual([zero("2026-02-27"), zero("2026-02-28")]);
  });

  it("keeps the history of an earlier publication, so the days add up to the totals", async () => {
    // Archived on 3 March and republished on 10 March: the archive date is before the publication.
    const id = await vacancy({
      publishedAt: new Date("2026-03-10T05:00:00Z"),
      archivedAt: new Date("2026-03-03T05:00:00Z"),
      expiresAt: new Date("2026-04-09T05:00:00Z"),
    });
    await views(id, "2026-03-02T05:00:00Z", 4);
    await applications(id, "2026-03-02T06:00:00Z");
    const stats = await vacancyStats(orgId, id, { now: new Date("2026-03-11T05:00:00Z") });
    expect(stats.days).toHaveLength(10);
    expect(stats.days[0]).toEqual({ day: "2026-03-02", views: 4, applications: 1 });
    expect(stats.days.at(-1)).toEqual(zero("2026-03-11"));
    expect(stats.views).toBe(4);
    expect(stats.applications).toBe(1);
    expect(stats.conversion).toBe(0.25);
  });

  it("is NOT_FOUND for another organisation's vacancy and for an unknown id", async () => {
    const id = await vacancy();
    await views(id, "2026-03-02T05:00:00Z");
    const notFound = { code: "NOT_FOUND", key: "errors.vacancy.notFound" };
    expect(await errorOf(vacancyStats(otherOrgId, id))).toEqual(notFound);
    expect(await errorOf(vacancyStats(orgId, 999_999))).toEqual(notFound);
  });
});
