import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createOrganization, createRegion } from "../../../../test/support/factories";

import { loadVacancyCards } from "./vacancy-cards";

const DAY = 86_400_000;
const now = new Date();
let cityId: number;
let orgId: number;
const logo = "/logos/acme.png";

async function vacancy(data: {
  title: string;
  description?: string;
  publicationType?: "STANDARD" | "PREMIUM" | "ANONYMOUS" | "CLOSED";
  premiumUntil?: Date | null;
  salaryFrom?: number | null;
  salaryTo?: number | null;
  expiresAt?: Date | null;
}) {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      title: data.title,
      slug: "kartochka",
      description: data.description ?? "<p>Работа.</p>",
      status: "PUBLISHED",
      publicationType: data.publicationType ?? "STANDARD",
      premiumUntil: data.premiumUntil ?? null,
      publishedAt: new Date(now.getTime() - DAY),
      expiresAt: data.expiresAt ?? null,
      salaryFrom: data.salaryFrom ?? null,
      salaryTo: data.salaryTo ?? null,
      licenceCategories: ["B", "C"],
      isRemote: true,
    },
    select: { id: true },
  });
  return row.id;
}

let plain: number;
let anonymous: number;
let premium: number;
let premiumEnded: number;
let expired: number;
let closed: number;

beforeAll(async () => {
  const region = await createRegion();
  const city = await db.city.create({
    data: { regionId: region.id, slug: "card-city", nameRu: "Караганда", nameKk: "Қарағанды" },
  });
  cityId = city.id;
  const org = await createOrganization("EMPLOYER");
  orgId = org.id;
  await db.organization.update({
    where: { id: orgId },
    data: { displayName: "ТОО «Акме»", logoPath: logo, verification: "VERIFIED", verifiedAt: now },
  });
  plain = await vacancy({
    title: "Водитель категории C",
    description: "<h2>Обязанности</h2><p>Перевозка грузов &amp; экспедирование</p><ul><li>рейсы&nbsp;по области</li></ul>",
    salaryFrom: 300_000,
    salaryTo: 450_000,
  });
  anonymous = await vacancy({ title: "Бухгалтер", publicationType: "ANONYMOUS" });
  premium = await vacancy({ title: "Сварщик", publicationType: "PREMIUM", premiumUntil: new Date(now.getTime() + DAY) });
  premiumEnded = await vacancy({ title: "Повар", publicationType: "PREMIUM", premiumUntil: new Date(now.getTime() - DAY) });
  expired = await vacancy({ title: "Кассир", expiresAt: new Date(now.getTime() - 1000) });
  closed = await vacancy({ title: "Охранник", publicationType: "CLOSED" });
});

describe("loadVacancyCards", () => {
  it("keeps the order asked for and leaves out what guests may not see", async () => {
    const cards = await loadVacancyCards([premium, expired, plain, closed, 2_147_483_000, anonymous], { now });
    expect(cards.map((c) => c.id)).toEqual([premium, plain, anonymous]);
    expect(await loadVacancyCards([], { now })).toEqual([]);
  });

  it("shows what a list shows: city, company, salary, conditions and a plain-text excerpt", async () => {
    const [card] = await loadVacancyCards([plain], { now });
    expect(card).toMatchObject({
      id: plain,
      slug: "kartochka",
      title: "Водитель категории C",
      language: "ru",
      salaryFrom: 300_000,
      salaryTo: 450_000,
      salaryGross: expect.any(Boolean),
      city: { slug: "card-city", nameRu: "Караганда", nameKk: "Қарағанды" },
      company: { id: orgId, type: "EMPLOYER", name: "ТОО «Акме»", logoPath: logo, verified: true },
      isPremium: false,
      isRemote: true,
      licenceCategories: ["B", "C"],
      excerpt: "Обязанности Перевозка грузов & экспедирование рейсы по области",
    });
    expect(card?.publishedAt).toEqual(new Date(now.getTime() - DAY));
    expect(typeof card?.experience).toBe("string");
    expect(typeof card?.employmentType).toBe("string");
    expect(typeof card?.schedule).toBe("string");
  });

  it("reads a vacancy saved without licence categories as having none", async () => {
    const id = await vacancy({ title: "Слесарь" });
    // Prisma writes an omitted list as NULL.
    await db.$executeRaw`UPDATE vacancies SET licence_categories = NULL WHERE id = ${id}`;
    const [card] = await loadVacancyCards([id], { now });
    expect(card?.licenceCategories).toEqual([]);
  });

  it("never names the company of an anonymous vacancy", async () => {
    const [card] = await loadVacancyCards([anonymous], { now });
    expect(card?.company).toBeNull();
    expect(JSON.stringify(card)).not.toContain("Акме");
  });

  it("marks a vacancy premium only while its highlight lasts", async () => {
    const cards = await loadVacancyCards([premium, premiumEnded], { now });
    expect(cards.map((c) => [c.id, c.isPremium])).toEqual([
      [premium, true],
      [premiumEnded, false],
    ]);
  });

  it("shows the edited description's excerpt at once", async () => {
    const id = await vacancy({ title: "Электрик", description: "<p>Первый текст</p>" });
    expect((await loadVacancyCards([id], { now }))[0]?.excerpt).toBe("Первый текст");
    await db.vacancy.update({ where: { id }, data: { description: "<p>Второй текст</p>" } });
    expect((await loadVacancyCards([id], { now }))[0]?.excerpt).toBe("Второй текст");
  });

  it("cuts a long description at a word with an ellipsis", async () => {
    const words = Array.from({ length: 80 }, (_, i) => `слово${i}`).join(" ");
    const id = await vacancy({ title: "Монтажник", description: `<p>${words}</p>` });
    const text = (await loadVacancyCards([id], { now }))[0]?.excerpt ?? "";
    expect(text.length).toBeLessThanOrEqual(220);
    expect(text.endsWith("…")).toBe(true);
    expect(words.startsWith(text.slice(0, -1))).toBe(true);
  });
});
