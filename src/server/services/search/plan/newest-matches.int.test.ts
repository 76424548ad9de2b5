import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

import { createOrganization } from "../../../../../test/support/factories";
import { rebuildVacancySearch } from "../search-index";

import {
  indexWalkSql,
  newestMatches,
  walkLength,
  walkMatches,
  walkSql,
  type NewestWalk,
  type SearchTable,
} from "./newest-matches";

// A walk of the whole table is asked through the GIN index ("matches from the date of the walk's
// last row on") where the index holds the date: it must find exactly what walking the rows finds.

const walked: SearchTable = { table: "vacancy_search", alias: "vs", id: "vacancy_id", date: "published_at" };
const indexed: SearchTable = { ...walked, dateInMatchIndex: true };
const now = new Date();
const MINUTE = 60_000;
const TITLES = ["Водитель погрузчика", "Бухгалтер", "Водитель такси", "Повар", "Продавец-кассир", "Водитель автобуса"];

const run = (sql: Prisma.Sql) => db.$queryRaw<{ id: number }[]>(sql);
const ids = async (sql: Prisma.Sql) => (await run(sql)).map((row) => row.id);

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "nm-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({ data: { regionId: region.id, slug: "nm-city", nameRu: "Город", nameKk: "Қала" } });
  const org = await createOrganization("EMPLOYER");
  // 60 vacancies, three to a minute (ties on the date are ordered by id), one in five expired.
  for (let i = 0; i < 60; i++) {
    await db.vacancy.create({
      data: {
        organizationId: org.id,
        cityId: city.id,
        slug: "v",
        title: TITLES[i % TITLES.length] as string,
        description: "<p>Описание.</p>",
        status: "PUBLISHED",
        publishedAt: new Date(now.getTime() - Math.floor(i / 3) * MINUTE - 10 * MINUTE),
        expiresAt: i % 5 === 4 ? new Date(now.getTime() - MINUTE) : new Date(now.getTime() + 20 * 86_400_000),
        licenceCategories: [],
      },
    });
  }
  await rebuildVacancySearch(db);
});

const drivers = Prisma.sql`vs.search_vector @@ to_tsquery('russian', 'водитель') AND (vs.expires_at IS NULL OR vs.expires_at > ${now}::timestamptz)`;
const everything = Prisma.sql`(vs.expires_at IS NULL OR vs.expires_at > ${now}::timestamptz)`;

describe("the walk of the whole table through the GIN index", () => {
  it("finds what walking the rows finds, for every length, page and density", async () => {
    for (const where of [drivers, everything])
      for (const walkRows of [1, 2, 3, 4, 7, 10, 25, 59, 60, 61, 200])
        for (const [limit, offset] of [
          [20, 0],
          [5, 0],
          [5, 5],
          [3, 9],
          [200, 0],
        ] as const) {
          const w: NewestWalk = { where, walkRows };
          const context = JSON.stringify({ where: where === drivers ? "drivers" : "all", walkRows, limit, offset });
          const expected = await ids(walkSql(walked, w, limit, offset));
          const got = await ids(indexWalkSql(indexed, w, limit, offset, walkLength(w, offset + limit, offset)));
          // Rows of the last walked row's date beyond it may be found too; the walk's own are all there.
          expect(got.slice(0, expected.length), context).toEqual(expected);
          expect(got.length - expected.length, context).toBeLessThanOrEqual(Math.max(0, Math.min(2, limit - expected.length)));
          // Walked for a first stretch, then through the index: the same again.
          for (const firstRows of [1, 4, 30]) {
            const mixed = (await walkMatches(indexed, { ...w, firstRows }, run, limit, offset)).map((row) => row.id);
            expect(mixed.slice(0, expected.length), `${context} first ${firstRows}`).toEqual(expected);
          }
        }
  });

  it("asks the index only when the first stretch of the walk does not fill the page", async () => {
    const asked: string[] = [];
    const spy = (sql: Prisma.Sql) => {
      asked.push(sql.sql.includes("edge") ? "index" : "walk");
      return run(sql);
    };
    // Every row matches: the first three rows fill a page of three.
    await walkMatches(indexed, { where: everything, walkRows: 50, firstRows: 3 }, spy, 3, 0);
    expect(asked).toEqual(["walk"]);
    // One row in two is a driver: three rows hold one or two of them.
    asked.length = 0;
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3, nearRows: 0 }, spy, 3, 0);
    expect(asked).toEqual(["walk", "index"]);
    // Unless the reach the density gives is near: then the rows are walked on.
    asked.length = 0;
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3, nearRows: 20 }, spy, 3, 0);
    expect(asked).toEqual(["walk", "walk"]);
    // Without the date in the GIN index, or for a place, the walk reads rows all the way.
    asked.length = 0;
    await walkMatches(walked, { where: drivers, walkRows: 50, firstRows: 3 }, spy, 3, 0);
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3, walkFrom: Prisma.sql`vs.city_id > 0` }, spy, 3, 0);
    expect(asked).toEqual(["walk", "walk"]);
  });

  it("leaves a deep page of sparse matches to the index's every match where the table's size says that is cheaper", async () => {
    const asked: string[] = [];
    const spy = (sql: Prisma.Sql) => {
      asked.push(sql.sql.includes("edge") ? "index walk" : sql.sql.includes("SELECT * FROM") ? "walk" : "every match");
      return run(sql);
    };
    // One vacancy in six is an accountant: the first stretch of six rows holds one. A page of
    // three from the seventh on needs nine, which the index walk would reach for 68 rows of a table
    // of 60; the table's ten accountants cost less read whole.
    const accountants = Prisma.sql`vs.search_vector @@ to_tsquery('russian', 'бухгалтер') AND ${everything}`;
    const page = { limit: 3, offset: 6 };
    const sized: NewestWalk = { where: accountants, walkRows: 50, firstRows: 6, fromRows: 60, nearRows: 0 };
    const got = await newestMatches(indexed, sized, spy, page);
    expect(asked).toEqual(["walk", "every match"]);
    expect(got).toEqual(await newestMatches(walked, { where: accountants, walkRows: 50 }, run, page));
    // Two of the eight live accountants are past the sixth (two of ten have expired).
    expect(got).toHaveLength(2);
    // Unsized (the table's size unknown), the index walk is asked first, as before: for the
    // density's reach, the walk's length, then twice and four times that; the page is the same.
    asked.length = 0;
    expect(await newestMatches(indexed, { ...sized, fromRows: undefined }, spy, page)).toEqual(got);
    expect(asked).toEqual(["walk", "index walk", "index walk", "index walk", "index walk", "every match"]);
    // Dense matches on a first page still go through the index walk when the table is sized.
    asked.length = 0;
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3, fromRows: 60, nearRows: 0 }, spy, 3, 0);
    expect(asked).toEqual(["walk", "index walk"]);
  });

  it("asks the index for the reach the first stretch's density gives, and for the walk's length when that falls short", async () => {
    const newest = (
      await db.$queryRaw<{ id: number }[]>`
      SELECT vacancy_id AS id FROM vacancy_search ORDER BY published_at DESC, vacancy_id DESC`
    ).map((row) => row.id);
    const reaches: string[] = [];
    const spy = (sql: Prisma.Sql) => {
      // The rows walked (the first value, with no place to walk from), or the index walk's edge's
      // OFFSET (the reach less one, before the page's LIMIT and OFFSET).
      const edge = sql.sql.includes("edge");
      reaches.push(edge ? `index ${(sql.values.at(-3) as number) + 1}` : `rows ${sql.values[0] as number}`);
      return run(sql);
    };
    const page = { limit: 3, offset: 6 };
    // Every row matches: six rows walked hold six of the nine, and a reach of 12 (9 at that
    // density, a quarter more) holds the page, where the walk's length is 50 + 60. So near, the
    // rows are walked.
    const w: NewestWalk = {
      where: Prisma.sql`vs.vacancy_id = ANY (${newest}::integer[])`,
      walkRows: 50,
      firstRows: 6,
      nearRows: 20,
    };
    const dense = await walkMatches(indexed, w, spy, page.limit, page.offset);
    expect(reaches).toEqual(["rows 6", "rows 12"]);
    expect(dense.map((row) => row.id)).toEqual(await ids(walkSql(walked, w, page.limit, page.offset)));
    // The eight newest rows and every tenth after them: dense at first, sparse after, so the
    // density's reach holds eight and the walk's length is asked of the index.
    reaches.length = 0;
    const picked = [...newest.slice(0, 8), ...newest.slice(8).filter((_, i) => i % 10 === 9)];
    const uneven: NewestWalk = { ...w, where: Prisma.sql`vs.vacancy_id = ANY (${picked}::integer[])` };
    const got = await walkMatches(indexed, uneven, spy, page.limit, page.offset);
    expect(reaches).toEqual(["rows 6", "rows 12", "index 110"]);
    // A reach that falls short is followed by the walk's length or twice the reach, the longer:
    // the two newest rows and three far older ones; ten rows walked hold two, so the fourth is
    // looked for within 25 rows (4 at that density, a quarter more), then 50 (the walk, 5 + 30, is
    // shorter), which holds it.
    reaches.length = 0;
    const far = [newest[0], newest[1], newest[30], newest[45], newest[59]] as number[];
    const found = await walkMatches(
      indexed,
      { ...w, where: Prisma.sql`vs.vacancy_id = ANY (${far}::integer[])`, walkRows: 5, firstRows: 10 },
      spy,
      1,
      3,
    );
    expect(found.map((row) => row.id)).toEqual([newest[45]]);
    expect(reaches).toEqual(["rows 10", "index 25", "index 50"]);
    expect(got.map((row) => row.id)).toEqual(picked.slice(6, 9));
  });

  it("gives the same pages as the walk, newest first, once the index takes over", async () => {
    for (const walkRows of [1, 5, 12, 100])
      for (const offset of [0, 3, 10, 17]) {
        const w: NewestWalk = { where: drivers, walkRows, firstRows: 2 };
        const page = { limit: 4, offset };
        expect(await newestMatches(indexed, w, run, page), JSON.stringify({ walkRows, offset })).toEqual(
          await newestMatches(walked, w, run, page),
        );
      }
  });

  it("walks a table shorter than the walk whole", async () => {
    const w: NewestWalk = { where: everything, walkRows: 1_000 };
    const all = await ids(indexWalkSql(indexed, w, 100, 0, 1_000));
    expect(all).toEqual(await ids(walkSql(walked, w, 100, 0)));
    expect(all).toHaveLength(48);
  });
});
