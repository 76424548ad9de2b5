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
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3 }, spy, 3, 0);
    expect(asked).toEqual(["walk", "index"]);
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
    // One vacancy in six is an accountant: the first stretch of three rows holds one. A page of
    // three from the seventh on needs nine, which the index walk would reach for 57 rows of a table
    // of 60; the table's 20 or so accountants cost less read whole.
    const accountants = Prisma.sql`vs.search_vector @@ to_tsquery('russian', 'бухгалтер') AND ${everything}`;
    const page = { limit: 3, offset: 6 };
    const sized: NewestWalk = { where: accountants, walkRows: 50, firstRows: 3, fromRows: 60 };
    const got = await newestMatches(indexed, sized, spy, page);
    expect(asked).toEqual(["walk", "every match"]);
    expect(got).toEqual(await newestMatches(walked, { where: accountants, walkRows: 50 }, run, page));
    // Two of the eight live accountants are past the sixth (two of ten have expired).
    expect(got).toHaveLength(2);
    // Unsized (the table's size unknown), the index walk is asked first, as before; the page is the same.
    asked.length = 0;
    expect(await newestMatches(indexed, { ...sized, fromRows: undefined }, spy, page)).toEqual(got);
    expect(asked).toEqual(["walk", "index walk", "every match"]);
    // Dense matches on a first page still go through the index walk when the table is sized.
    asked.length = 0;
    await walkMatches(indexed, { where: drivers, walkRows: 50, firstRows: 3, fromRows: 60 }, spy, 3, 0);
    expect(asked).toEqual(["walk", "index walk"]);
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
