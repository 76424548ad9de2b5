import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { refreshVacancySearch } from "../search/search-index";

import { expireVacancies, type VacancyPages } from "./expire";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const ago = (ms: number) => new Date(now.getTime() - ms);
const later = (ms: number) => new Date(now.getTime() + ms);

let orgId = 0;
let orgSlug = "";
let cityId = 0;
let specializationId = 0;

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "almaty-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "almaty", nameRu: "Алматы", nameKk: "Алматы" } })).id;
  specializationId = (await db.specialization.create({ data: { slug: "driver", nameRu: "Водитель", nameKk: "Жүргізуші" } })).id;
  const org = await createOrganization("EMPLOYER");
  orgId = org.id;
  orgSlug = (await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { slug: true } })).slug;
});

beforeEach(async () => {
  // Search rows and specialization links go with their vacancies (ON DELETE CASCADE).
  await db.vacancy.deleteMany();
  await db.auditLog.deleteMany();
});

/** A vacancy with its search row built as publishing builds it. */
async function vacancy(data: Partial<Prisma.VacancyUncheckedCreateInput> = {}) {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      title: "Водитель категории C",
      slug: "voditel-kategorii-c",
      description: "<p>Грузоперевозки по городу.</p>",
      status: "PUBLISHED",
      publishedAt: ago(10 * DAY),
      expiresAt: later(20 * DAY),
      specializations: { create: [{ specializationId }] },
      ...data,
    },
    select: { id: true, updatedAt: true },
  });
  await refreshVacancySearch(db, [row.id]);
  return row;
}

/** A published vacancy whose highlight ran out after its search row was last built. */
async function premiumEnded() {
  const row = await vacancy({ publicationType: "PREMIUM", premiumUntil: later(HOUR) });
  await db.vacancy.update({ where: { id: row.id }, data: { premiumUntil: ago(60_000) } });
  return row;
}

async function searchRow(id: number) {
  const rows = await db.$queryRaw<{ premium_until: Date | null }[]>`
    SELECT premium_until FROM vacancy_search WHERE vacancy_id = ${id}`;
  return rows[0] ?? null;
}

const state = (id: number) =>
  db.vacancy.findUniqueOrThrow({ where: { id }, select: { status: true, archivedAt: true, updatedAt: true } });

const expireAudits = (ids: number[]) =>
  db.auditLog.findMany({
    where: { action: "vacancy.expire", entityId: { in: ids.map(String) } },
    select: { actorId: true, action: true, entityType: true, entityId: true },
    orderBy: { id: "asc" },
  });

describe("expireVacancies", () => {
  it("archives published vacancies past their expiry date, takes them out of search and audits each", async () => {
    const expired = await vacancy({ expiresAt: ago(HOUR) });
    const expiresNow = await vacancy({ expiresAt: now });

    const result = await expireVacancies(now);

    expect(result).toEqual({ archived: 2, premiumEnded: 0 });
    for (const { id } of [expired, expiresNow]) {
      expect(await state(id)).toEqual({ status: "ARCHIVED", archivedAt: now, updatedAt: now });
      expect(await searchRow(id)).toBeNull();
    }
    expect(await expireAudits([expired.id, expiresNow.id])).toEqual([
      { actorId: null, action: "vacancy.expire", entityType: "vacancy", entityId: String(expired.id) },
      { actorId: null, action: "vacancy.expire", entityType: "vacancy", entityId: String(expiresNow.id) },
    ]);
  });

  it("leaves live, undated, unpublished and already closed vacancies alone", async () => {
    const live = await vacancy({ expiresAt: later(60_000) });
    const undated = await vacancy({ expiresAt: null });
    const untouched = [
      live,
      undated,
      await vacancy({ status: "DRAFT", publishedAt: null, expiresAt: ago(DAY) }),
      await vacancy({ status: "SUBMITTED", publishedAt: null, expiresAt: ago(DAY) }),
      await vacancy({ status: "RETURNED", publishedAt: null, expiresAt: ago(DAY) }),
      await vacancy({ status: "ARCHIVED", archivedAt: ago(2 * DAY), expiresAt: ago(3 * DAY) }),
      await vacancy({ status: "REMOVED", removedAt: ago(2 * DAY), expiresAt: ago(DAY) }),
    ];
    const before = await Promise.all(untouched.map(({ id }) => state(id)));

    expect(await expireVacancies(now)).toEqual({ archived: 0, premiumEnded: 0 });

    expect(await Promise.all(untouched.map(({ id }) => state(id)))).toEqual(before);
    expect(await searchRow(live.id)).not.toBeNull();
    expect(await searchRow(undated.id)).not.toBeNull();
    expect(await db.auditLog.count()).toBe(0);
  });

  it("ends a premium highlight that ran out while the vacancy stays published and searchable", async () => {
    const ended = await premiumEnded();
    const running = await vacancy({ publicationType: "PREMIUM", premiumUntil: later(DAY) });
    expect((await searchRow(ended.id))?.premium_until).not.toBeNull();

    expect(await expireVacancies(now)).toEqual({ archived: 0, premiumEnded: 1 });

    expect(await searchRow(ended.id)).toEqual({ premium_until: null });
    expect((await state(ended.id)).status).toBe("PUBLISHED");
    expect(await searchRow(running.id)).toEqual({ premium_until: later(DAY) });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("changes nothing when run again", async () => {
    const expired = await vacancy({ expiresAt: ago(HOUR) });
    await premiumEnded();
    expect(await expireVacancies(now)).toEqual({ archived: 1, premiumEnded: 1 });
    const after = await state(expired.id);

    expect(await expireVacancies(now)).toEqual({ archived: 0, premiumEnded: 0 });
    expect(await expireVacancies(later(60_000))).toEqual({ archived: 0, premiumEnded: 0 });

    expect(await state(expired.id)).toEqual(after);
    expect(await expireAudits([expired.id])).toHaveLength(1);
  });

  it("splits the work between two runs at the same time without doing anything twice", async () => {
    const expired = [];
    for (let i = 0; i < 40; i++) expired.push((await vacancy({ expiresAt: ago(HOUR + i * 60_000) })).id);
    const ended = [];
    for (let i = 0; i < 6; i++) ended.push((await premiumEnded()).id);
    const live = await vacancy();

    const runs = await Promise.all([expireVacancies(now, { batchSize: 3 }), expireVacancies(now, { batchSize: 3 })]);

    expect(runs[0]!.archived + runs[1]!.archived).toBe(expired.length);
    expect(runs[0]!.premiumEnded + runs[1]!.premiumEnded).toBe(ended.length);
    const statuses = await db.vacancy.groupBy({ by: ["status"], where: { id: { in: expired } }, _count: true });
    expect(statuses).toEqual([{ status: "ARCHIVED", _count: expired.length }]);
    const audits = await expireAudits(expired);
    expect(audits).toHaveLength(expired.length);
    expect(new Set(audits.map((a) => a.entityId))).toEqual(new Set(expired.map(String)));
    for (const id of ended) expect(await searchRow(id)).toEqual({ premium_until: null });
    expect((await state(live.id)).status).toBe("PUBLISHED");
  });

  it("works through more vacancies than one batch holds", async () => {
    const expired = [];
    for (let i = 0; i < 5; i++) expired.push((await vacancy({ expiresAt: ago(DAY) })).id);
    for (let i = 0; i < 3; i++) await premiumEnded();

    expect(await expireVacancies(now, { batchSize: 2 })).toEqual({ archived: 5, premiumEnded: 3 });

    expect(await db.vacancy.count({ where: { id: { in: expired }, status: "ARCHIVED" } })).toBe(5);
    expect(await expireAudits(expired)).toHaveLength(5);
  });

  it("visits a highlight the search clock has not ended yet once and does not count it", async () => {
    // `now` ahead of the database's clock: the rebuilt row still carries the highlight.
    const row = await vacancy({ publicationType: "PREMIUM", premiumUntil: later(HOUR) });

    expect(await expireVacancies(later(2 * HOUR), { batchSize: 1 })).toEqual({ archived: 0, premiumEnded: 0 });
    expect(await searchRow(row.id)).toEqual({ premium_until: later(HOUR) });
  });

  it("hands each archived vacancy's pages to `revalidate` after its batch has committed", async () => {
    const slugs = ["voditel-1", "voditel-2", "voditel-3"];
    const standard = await vacancy({ slug: slugs[0], expiresAt: ago(HOUR) });
    const anonymous = await vacancy({ slug: slugs[1], expiresAt: ago(HOUR), publicationType: "ANONYMOUS" });
    const third = await vacancy({ slug: slugs[2], expiresAt: ago(HOUR) });
    await premiumEnded();
    const seen: { pages: VacancyPages; committed: Promise<string | undefined> }[] = [];

    await expireVacancies(now, {
      batchSize: 2,
      // Read through another connection: it sees the archive only once the batch has committed.
      revalidate: (pages) => seen.push({ pages, committed: state(pages.id).then((s) => s.status) }),
    });

    expect(seen.map((s) => s.pages)).toEqual([
      {
        id: standard.id,
        slug: slugs[0],
        citySlug: "almaty",
        specializationSlugs: ["driver"],
        company: { id: orgId, slug: orgSlug, type: "EMPLOYER" },
      },
      { id: anonymous.id, slug: slugs[1], citySlug: "almaty", specializationSlugs: ["driver"], company: null },
      {
        id: third.id,
        slug: slugs[2],
        citySlug: "almaty",
        specializationSlugs: ["driver"],
        company: { id: orgId, slug: orgSlug, type: "EMPLOYER" },
      },
    ]);
    expect(await Promise.all(seen.map((s) => s.committed))).toEqual(["ARCHIVED", "ARCHIVED", "ARCHIVED"]);
  });

  it("refuses a batch size that is not a positive whole number", async () => {
    await expect(expireVacancies(now, { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(expireVacancies(now, { batchSize: 1.5 })).rejects.toThrow(RangeError);
  });
});
