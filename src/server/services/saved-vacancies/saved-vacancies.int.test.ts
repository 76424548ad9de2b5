import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { SAVED_VACANCIES_LIMIT } from "@/lib/saved-vacancies";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { mergeSavedVacancies } from "./merge-saved-vacancies";
import { listSavedVacancies, removeSavedVacancies, saveVacancy } from "./saved-vacancies";

let cityId = 0;
let orgId = 0;
let blockedOrgId = 0;

const iso = (date: Date) => date.toISOString();
// Day 1000 is about now: vacancies are public then, and every earlier day is in the past.
const BASE = Math.floor(Date.now() / 1000) * 1000 - 1000 * 86_400_000;
const day = (n: number) => new Date(BASE + n * 86_400_000);

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.messageKey}` : e instanceof ZodError ? "zod" : String(e)),
  );

async function vacancy(
  data: {
    status?: "PUBLISHED" | "ARCHIVED" | "DRAFT";
    publicationType?: "STANDARD" | "CLOSED";
    expiresAt?: Date;
    org?: number;
  } = {},
) {
  const row = await db.vacancy.create({
    data: {
      organizationId: data.org ?? orgId,
      title: "Водитель категории C",
      slug: "voditel",
      description: "<p>Описание.</p>",
      cityId,
      status: data.status ?? "PUBLISHED",
      publicationType: data.publicationType ?? "STANDARD",
      publishedAt: new Date(),
      expiresAt: data.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
    },
    select: { id: true },
  });
  return row.id;
}

/** Rows for many vacancies at once (the limit tests need hundreds). */
async function vacancies(count: number): Promise<number[]> {
  const rows = await db.vacancy.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      organizationId: orgId,
      title: `Вакансия ${i}`,
      slug: "vakansiya",
      description: "<p>Описание.</p>",
      cityId,
      status: "PUBLISHED" as const,
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    })),
    select: { id: true },
  });
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

const seeker = async () => (await createUser({ isSeeker: true })).id;

async function rows(userId: number) {
  const list = await db.savedVacancy.findMany({ where: { userId }, orderBy: { vacancyId: "asc" } });
  return list.map((r) => ({ id: r.vacancyId, savedAt: iso(r.createdAt) }));
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "saved-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "saved-city", nameRu: "Костанай", nameKk: "Қостанай" } }))
    .id;
  const owner = await createUser({ isSeeker: false });
  orgId = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  blockedOrgId = (await createOrganization("EMPLOYER")).id;
  await db.organization.update({ where: { id: blockedOrgId }, data: { blockedAt: new Date() } });
});

describe("merging a browser's list into the account", () => {
  it("adds the browser's saves with their dates and is idempotent", async () => {
    const user = await seeker();
    const [a, b] = [await vacancy(), await vacancy()];
    const entries = [
      { id: a, savedAt: iso(day(1)) },
      { id: b, savedAt: iso(day(2)) },
    ];
    const now = day(1000);
    expect(await mergeSavedVacancies(user, { entries }, now)).toEqual({ added: 2, ignored: 0, overLimit: 0, total: 2 });
    expect(await mergeSavedVacancies(user, { entries }, now)).toEqual({ added: 0, ignored: 0, overLimit: 0, total: 2 });
    expect(await listSavedVacancies(user)).toEqual([
      { id: b, savedAt: iso(day(2)) },
      { id: a, savedAt: iso(day(1)) },
    ]);
  });

  it("keeps one row per vacancy with its latest save, from either side or within the list", async () => {
    const user = await seeker();
    const [a, b, c] = [await vacancy(), await vacancy(), await vacancy()];
    await db.savedVacancy.createMany({
      data: [
        { userId: user, vacancyId: a, createdAt: day(5) },
        { userId: user, vacancyId: b, createdAt: day(1) },
      ],
    });
    const result = await mergeSavedVacancies(
      user,
      {
        entries: [
          { id: a, savedAt: iso(day(2)) }, // older than the account's: stays at day 5
          { id: b, savedAt: iso(day(3)) }, // newer: moves to day 3
          { id: c, savedAt: iso(day(4)) },
          { id: c, savedAt: iso(day(6)) }, // the same vacancy twice in the list: the later one
        ],
      },
      day(1000),
    );
    expect(result).toEqual({ added: 1, ignored: 0, overLimit: 0, total: 3 });
    expect(await rows(user)).toEqual([
      { id: a, savedAt: iso(day(5)) },
      { id: b, savedAt: iso(day(3)) },
      { id: c, savedAt: iso(day(6)) },
    ]);
  });

  it("ignores vacancies that do not exist or are not public, and keeps the account's own ones", async () => {
    const user = await seeker();
    const live = await vacancy();
    const archived = await vacancy({ status: "ARCHIVED" });
    const draft = await vacancy({ status: "DRAFT" });
    const closed = await vacancy({ publicationType: "CLOSED" });
    const expired = await vacancy({ expiresAt: day(999) });
    const blocked = await vacancy({ org: blockedOrgId });
    // Saved while it was public; the account keeps it (the page offers to forget it).
    await db.savedVacancy.create({ data: { userId: user, vacancyId: archived, createdAt: day(1) } });
    const entries = [live, archived, draft, closed, expired, blocked, 2_000_000_000].map((id, i) => ({
      id,
      savedAt: iso(day(i)),
    }));
    const result = await mergeSavedVacancies(user, { entries }, day(1000));
    expect(result).toEqual({ added: 1, ignored: 6, overLimit: 0, total: 2 });
    expect((await rows(user)).map((r) => r.id)).toEqual([live, archived].sort((x, y) => x - y));
  });

  it("reads broken and future dates sensibly", async () => {
    const user = await seeker();
    const [a, b] = [await vacancy(), await vacancy()];
    const now = day(1000);
    await mergeSavedVacancies(
      user,
      {
        entries: [
          { id: a, savedAt: "вчера" },
          { id: b, savedAt: iso(day(1400)) },
        ],
      },
      now,
    );
    expect(await rows(user)).toEqual([
      { id: a, savedAt: iso(new Date(0)) },
      { id: b, savedAt: iso(now) },
    ]);
  });

  it("past the limit keeps the newest saves from both sides and says how many were left out", async () => {
    const user = await seeker();
    const ids = await vacancies(SAVED_VACANCIES_LIMIT + 10);
    // The account has the first 150, saved on days 0..149; the browser the last 60, on days 145..204.
    const accountIds = ids.slice(0, 150);
    const browserIds = ids.slice(150);
    await db.savedVacancy.createMany({ data: accountIds.map((id, i) => ({ userId: user, vacancyId: id, createdAt: day(i) })) });
    const entries = browserIds.map((id, i) => ({ id, savedAt: iso(day(145 + i)) }));
    const result = await mergeSavedVacancies(user, { entries }, day(1000));
    expect(result).toEqual({ added: 60, ignored: 0, overLimit: 10, total: SAVED_VACANCIES_LIMIT });
    const kept = await rows(user);
    expect(kept).toHaveLength(SAVED_VACANCIES_LIMIT);
    // The ten oldest saves of the account fell off; every browser save got in.
    const keptIds = new Set(kept.map((r) => r.id));
    expect(accountIds.slice(0, 10).some((id) => keptIds.has(id))).toBe(false);
    expect(browserIds.every((id) => keptIds.has(id))).toBe(true);
    // Sending the same list again changes nothing.
    expect(await mergeSavedVacancies(user, { entries }, day(1000))).toEqual({
      added: 0,
      ignored: 0,
      overLimit: 0,
      total: SAVED_VACANCIES_LIMIT,
    });
    expect(await rows(user)).toEqual(kept);
  });

  it("leaves the browser's oldest saves out when the account's are newer", async () => {
    const user = await seeker();
    const ids = await vacancies(SAVED_VACANCIES_LIMIT + 5);
    const accountIds = ids.slice(0, SAVED_VACANCIES_LIMIT);
    await db.savedVacancy.createMany({
      data: accountIds.map((id, i) => ({ userId: user, vacancyId: id, createdAt: day(100 + i) })),
    });
    const entries = ids.slice(SAVED_VACANCIES_LIMIT).map((id, i) => ({ id, savedAt: iso(day(i)) }));
    const result = await mergeSavedVacancies(user, { entries }, day(1000));
    expect(result).toEqual({ added: 0, ignored: 0, overLimit: 5, total: SAVED_VACANCIES_LIMIT });
    expect((await rows(user)).map((r) => r.id)).toEqual(accountIds);
  });

  it("stays within the limit when merges and saves race", async () => {
    const user = await seeker();
    const ids = await vacancies(SAVED_VACANCIES_LIMIT + 50);
    const half = (from: number) => ({
      entries: ids.slice(from, from + 125).map((id, i) => ({ id, savedAt: iso(day(from + i)) })),
    });
    await Promise.all([
      mergeSavedVacancies(user, half(0), day(1000)),
      mergeSavedVacancies(user, half(125), day(1000)),
      saveVacancy(user, { vacancyId: ids[10]! }, day(1000)),
      mergeSavedVacancies(user, half(0), day(1000)),
    ]);
    const kept = await rows(user);
    expect(kept).toHaveLength(SAVED_VACANCIES_LIMIT);
    expect(kept.some((r) => r.id === ids[10])).toBe(true);
  });

  it("never touches another user's list", async () => {
    const [me, other] = [await seeker(), await seeker()];
    const [a, b] = [await vacancy(), await vacancy()];
    await db.savedVacancy.create({ data: { userId: other, vacancyId: a, createdAt: day(1) } });
    const before = await rows(other);
    await mergeSavedVacancies(
      me,
      {
        entries: [
          { id: a, savedAt: iso(day(5)) },
          { id: b, savedAt: iso(day(6)) },
        ],
      },
      day(1000),
    );
    await removeSavedVacancies(me, { vacancyIds: [a, b] });
    expect(await rows(other)).toEqual(before);
    expect(await rows(me)).toEqual([]);
  });

  it("refuses malformed input without writing anything", async () => {
    const user = await seeker();
    const a = await vacancy();
    for (const bad of [
      null,
      { entries: "1,2" },
      { entries: [{ id: "1", savedAt: iso(day(1)) }] },
      { entries: [{ id: -1, savedAt: iso(day(1)) }] },
      { entries: [{ id: a, savedAt: "x".repeat(100) }] },
      { entries: Array.from({ length: SAVED_VACANCIES_LIMIT + 1 }, (_, i) => ({ id: i + 1, savedAt: iso(day(1)) })) },
    ]) {
      expect(await outcome(mergeSavedVacancies(user, bad))).toBe("zod");
    }
    expect(await rows(user)).toEqual([]);
    expect(await mergeSavedVacancies(user, { entries: [] })).toEqual({ added: 0, ignored: 0, overLimit: 0, total: 0 });
  });
});

describe("saving and forgetting one by one", () => {
  it("saves a public vacancy, refreshes its date when saved again, and forgets it", async () => {
    const user = await seeker();
    const a = await vacancy();
    expect(await saveVacancy(user, { vacancyId: a }, day(1))).toEqual({ id: a, savedAt: iso(day(1)), dropped: 0 });
    await saveVacancy(user, { vacancyId: a }, day(2));
    expect(await listSavedVacancies(user)).toEqual([{ id: a, savedAt: iso(day(2)) }]);
    expect(await removeSavedVacancies(user, { vacancyIds: [a, a, 2_000_000_000] })).toEqual({ removed: 1 });
    expect(await listSavedVacancies(user)).toEqual([]);
  });

  it("refuses to save a vacancy guests may not see", async () => {
    const user = await seeker();
    for (const id of [await vacancy({ status: "DRAFT" }), await vacancy({ publicationType: "CLOSED" }), 2_000_000_000]) {
      expect(await outcome(saveVacancy(user, { vacancyId: id }))).toBe("NOT_FOUND:errors.vacancyUnavailable");
    }
    expect(await rows(user)).toEqual([]);
  });

  it("drops the oldest save past the limit", async () => {
    const user = await seeker();
    const ids = await vacancies(SAVED_VACANCIES_LIMIT + 1);
    await db.savedVacancy.createMany({
      data: ids.slice(0, SAVED_VACANCIES_LIMIT).map((id, i) => ({ userId: user, vacancyId: id, createdAt: day(i) })),
    });
    const result = await saveVacancy(user, { vacancyId: ids.at(-1)! }, day(1000));
    expect(result.dropped).toBe(1);
    const kept = await rows(user);
    expect(kept).toHaveLength(SAVED_VACANCIES_LIMIT);
    expect(kept.some((r) => r.id === ids[0])).toBe(false);
  });
});
