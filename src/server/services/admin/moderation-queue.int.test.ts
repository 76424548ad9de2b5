import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";

import { MODERATION_PAGE_SIZE, moderationQueue } from "./moderation";

const unique = () => randomBytes(4).toString("hex");
let cityId: number;
const tag = unique();
const titles: string[] = [];

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: `region-${unique()}`, nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: `city-${unique()}`, nameRu: "Город", nameKk: "Қала" } }))
    .id;
  const org = await createOrganization("EMPLOYER");
  await db.organization.update({ where: { id: org.id }, data: { displayName: `Автопарк ${tag}` } });
  const base = Date.UTC(2020, 0, 1);
  // 30 submitted, a minute apart, oldest first; one draft that is not waiting.
  for (let i = 0; i < 30; i += 1) {
    const title = `Водитель ${tag} №${String(i).padStart(2, "0")}`;
    titles.push(title);
    await db.vacancy.create({
      data: {
        organizationId: org.id,
        cityId,
        title,
        slug: "voditel",
        description: "<p>Перевозки.</p>",
        status: "SUBMITTED",
        submittedAt: new Date(base + i * 60_000),
      },
    });
  }
  await db.vacancy.create({
    data: { organizationId: org.id, cityId, title: `Черновик ${tag}`, slug: "draft", description: "<p>.</p>", status: "DRAFT" },
  });
});

describe("the moderation queue", () => {
  it("pages 25 at a time, oldest first, and counts what waits", async () => {
    const first = await moderationQueue({ q: tag });
    expect(first).toMatchObject({ total: 30, page: 1, pageCount: 2, q: tag });
    expect(first.items).toHaveLength(MODERATION_PAGE_SIZE);
    expect(first.items.map((v) => v.title)).toEqual(titles.slice(0, 25));
    const second = await moderationQueue({ q: tag, page: 2 });
    expect(second.items.map((v) => v.title)).toEqual(titles.slice(25));
  });

  it("finds by words of the title or of the organisation's name, in any case", async () => {
    expect((await moderationQueue({ q: `${tag} №07` })).items.map((v) => v.title)).toEqual([titles[7]]);
    expect((await moderationQueue({ q: `автопарк ${tag}`.toUpperCase() })).total).toBe(30);
    expect((await moderationQueue({ q: `Черновик ${tag}` })).total).toBe(0);
  });

  it("answers a page past the end with the last page, and refuses a nonsense page", async () => {
    const last = await moderationQueue({ q: tag, page: 99 });
    expect(last.page).toBe(2);
    expect(last.items).toHaveLength(5);
    const empty = await moderationQueue({ q: `nothing-${tag}`, page: 3 });
    expect(empty).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
    await expect(moderationQueue({ page: 0 })).rejects.toThrow();
    await expect(moderationQueue({ q: "x".repeat(101) })).rejects.toThrow();
  });
});
