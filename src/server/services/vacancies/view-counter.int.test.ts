import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { db, getDb } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";

import { flushVacancyViews, recordVacancyView } from "./view-counter";

const CHROME =
  "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const BOTS = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
  "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
  "TelegramBot (like TwitterBot)",
  "curl/8.5.0",
  "python-requests/2.32.3",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
];

// 10:00 in Almaty on 14 March 2026.
const NOON = new Date("2026-03-14T05:00:00Z");

let orgId = 0;
let cityId = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "views-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "views-city", nameRu: "Шымкент", nameKk: "Шымкент" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
});

beforeEach(async () => {
  await flushVacancyViews();
  await db.vacancy.deleteMany();
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const vacancy = async () =>
  (
    await db.vacancy.create({
      data: {
        organizationId: orgId,
        cityId,
        title: "Продавец-консультант",
        slug: "prodavec-konsultant",
        description: "<p>Работа в торговом зале.</p>",
        status: "PUBLISHED",
        publishedAt: new Date("2026-03-01T05:00:00Z"),
      },
      select: { id: true },
    })
  ).id;

const stored = () =>
  db.$queryRaw<{ vacancy_id: number; day: string; views: number }[]>`
    SELECT vacancy_id, to_char(day, 'YYYY-MM-DD') AS day, views FROM vacancy_daily_views ORDER BY vacancy_id, day`;

describe("recordVacancyView", () => {
  it("ignores bots and requests without a user agent", async () => {
    const id = await vacancy();
    for (const agent of [...BOTS, "", "   ", null, undefined]) expect(recordVacancyView(id, agent, NOON)).toBe(false);
    await flushVacancyViews();
    expect(await stored()).toEqual([]);
  });

  it("ignores ids that cannot be vacancies", async () => {
    for (const id of [0, -1, 1.5, Number.NaN, 2 ** 31]) expect(recordVacancyView(id, CHROME, NOON)).toBe(false);
    await flushVacancyViews();
    expect(await stored()).toEqual([]);
  });

  it("adds up views of one vacancy on one day, per Almaty day", async () => {
    const id = await vacancy();
    expect(recordVacancyView(id, CHROME, NOON)).toBe(true);
    expect(recordVacancyView(id, FIREFOX, new Date("2026-03-14T18:59:00Z"))).toBe(true);
    // 01:30 in Almaty: the next day there.
    expect(recordVacancyView(id, CHROME, new Date("2026-03-14T20:30:00Z"))).toBe(true);
    await flushVacancyViews();
    expect(await stored()).toEqual([
      { vacancy_id: id, day: "2026-03-14", views: 2 },
      { vacancy_id: id, day: "2026-03-15", views: 1 },
    ]);
  });

  it("keeps views in memory until a flush, then adds them to what is stored", async () => {
    const id = await vacancy();
    recordVacancyView(id, CHROME, NOON);
    recordVacancyView(id, CHROME, NOON);
    expect(await stored()).toEqual([]);
    await flushVacancyViews();
    expect(await stored()).toEqual([{ vacancy_id: id, day: "2026-03-14", views: 2 }]);

    recordVacancyView(id, CHROME, NOON);
    expect(await stored()).toEqual([{ vacancy_id: id, day: "2026-03-14", views: 2 }]);
    await flushVacancyViews();
    await flushVacancyViews(); // nothing left: a second flush changes nothing
    expect(await stored()).toEqual([{ vacancy_id: id, day: "2026-03-14", views: 3 }]);
  });

  it("writes the buffer by itself a few seconds after a view", async () => {
    const id = await vacancy();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    recordVacancyView(id, CHROME, NOON);
    vi.advanceTimersByTime(4_000);
    expect(await stored()).toEqual([]);
    vi.advanceTimersByTime(1_000);
    vi.useRealTimers();
    await vi.waitFor(async () => expect(await stored()).toEqual([{ vacancy_id: id, day: "2026-03-14", views: 1 }]), {
      timeout: 5_000,
    });
  });

  it("skips a vacancy deleted before the flush and writes the others", async () => {
    const kept = await vacancy();
    const deleted = await vacancy();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    recordVacancyView(kept, CHROME, NOON);
    recordVacancyView(deleted, CHROME, NOON);
    recordVacancyView(deleted, CHROME, NOON);
    await db.vacancy.delete({ where: { id: deleted } });
    await flushVacancyViews();
    expect(await stored()).toEqual([{ vacancy_id: kept, day: "2026-03-14", views: 1 }]);
    expect(errors).not.toHaveBeenCalled();
  });

  it("drops the views of a failed flush with one log line, never rejects, and recovers", async () => {
    const id = await vacancy();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const write = vi.spyOn(getDb(), "$executeRaw").mockRejectedValue(new Error("connection refused"));
    recordVacancyView(id, CHROME, NOON);
    await expect(flushVacancyViews()).resolves.toBeUndefined();
    recordVacancyView(id, CHROME, NOON);
    recordVacancyView(id, CHROME, NOON);
    await expect(flushVacancyViews()).resolves.toBeUndefined();
    expect(write).toHaveBeenCalledTimes(2);
    expect(errors).toHaveBeenCalledTimes(1);

    write.mockRestore();
    recordVacancyView(id, CHROME, NOON);
    await flushVacancyViews();
    // Only the view after recovery is stored; the recovery reports what was lost, once.
    expect(await stored()).toEqual([{ vacancy_id: id, day: "2026-03-14", views: 1 }]);
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[1]?.[0])).toContain("3 view(s)");
  });
});

describe("what is stored", () => {
  it("is a count per vacancy and day, nothing about the visitor", async () => {
    const columns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'vacancy_daily_views' ORDER BY column_name`;
    expect(columns.map((c) => c.column_name)).toEqual(["day", "vacancy_id", "views"]);
  });
});
