import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

import { createOrganization } from "../../../../../test/support/factories";
import { refreshVacancySearch } from "../search-index";

import { lookupWords, MAX_PREFIX_WORDS, planWords, wordTsQuery, type WordPlan } from "./query-words";

// A word's prefix is asked as the exact words of the search vectors that start with it
// (search_lexemes, kept by triggers on the search tables) while they are few: the same rows must
// match as with the prefix itself.

let orgId = 0;
let cityId = 0;
let specId = 0;

async function vacancy(title: string, description: string, language: "ru" | "kk" = "ru") {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      slug: "v",
      title,
      description: `<p>${description}</p>`,
      language,
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 60_000),
      expiresAt: new Date(Date.now() + 20 * 86_400_000),
      licenceCategories: [],
      specializations: { create: [{ specializationId: specId }] },
    },
    select: { id: true },
  });
  await refreshVacancySearch(db, [row.id]);
  return row.id;
}

/** The ids of vacancy_search rows a word matches, as planned. */
async function matching(plan: WordPlan): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT vacancy_id AS id FROM vacancy_search WHERE search_vector @@ ${wordTsQuery(plan)} ORDER BY vacancy_id`,
  );
  return rows.map((row) => row.id);
}

async function planned(token: string): Promise<WordPlan> {
  const info = await lookupWords(db, [token]);
  const plan = planWords(token, (t) => info.get(t)).words[0];
  if (!plan) throw new Error(`no plan for ${token}`);
  return plan;
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "pw-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "pw-city", nameRu: "Город", nameKk: "Қала" } })).id;
  specId = (await db.specialization.create({ data: { slug: "pw-spec", nameRu: "Транспорт", nameKk: "Көлік" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  await vacancy("Жүргізушілер керек", "Жүргізушіге жалақы жоғары.", "kk");
  await vacancy("Операторы call-центра", "Операторы принимают звонки, операторам — бонусы.");
  await vacancy("Водитель погрузчика", "Опыт вождения погрузчиков.");
  // More words with one prefix than are asked for exactly.
  const many = Array.from({ length: MAX_PREFIX_WORDS + 3 }, (_, i) => `квазислово${String.fromCharCode(1072 + (i % 32))}${i}`);
  await vacancy("Курьер", many.join(" "));
});

describe("a prefix searched as its exact words", () => {
  it("lists the words of the search vectors that start with a word, folded as they are stored", async () => {
    const kazakh = await planned("жүргізуші");
    expect(kazakh.prefixWords).toEqual(expect.arrayContaining(["жургизушилер", "жургизушиге"]));
    const operator = await planned("оператор");
    expect(operator.prefixWords).toEqual(expect.arrayContaining(["оператор", "операторы"]));
    // Nothing starts with it: no prefix part at all (the stem still searches).
    expect((await planned("зззззз")).prefixWords).toEqual([]);
  });

  it("matches the very rows the prefix matches", async () => {
    for (const token of ["жүргізуші", "жургизуши", "оператор", "операт", "погрузчик", "водит", "зззззз"]) {
      const plan = await planned(token);
      expect(plan.prefixWords, token).toBeDefined();
      const prefixOnly: WordPlan = { token: plan.token, alternative: plan.alternative };
      expect(await matching(plan), token).toEqual(await matching(prefixOnly));
    }
    expect(await matching(await planned("оператор"))).toHaveLength(1);
  });

  it("keeps the prefix itself when too many words start with it", async () => {
    const plan = await planned("квазислово");
    expect(plan.prefixWords).toBeUndefined();
    expect(wordTsQuery(plan).sql).toContain(":*");
    expect(await matching(plan)).toHaveLength(1);
  });

  it("knows the words of rows added later, through the search tables' triggers", async () => {
    expect((await planned("экскаваторщик")).prefixWords).toEqual([]);
    const id = await vacancy("Экскаваторщик", "Нужен экскаваторщик на карьер.");
    const plan = await planned("экскаваторщик");
    expect(plan.prefixWords).toEqual(["экскаваторщик"]);
    expect(await matching(plan)).toEqual([id]);
  });
});
