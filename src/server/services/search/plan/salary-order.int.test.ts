import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { parseSearchParams } from "@/lib/search/params";
import { db } from "@/server/db";

import { createOrganization } from "../../../../../test/support/factories";
import { invalidateCatalog } from "../../catalog/catalog";
import { liveSearchRowSql } from "../../vacancies/visibility";
import { rebuildVacancySearch, refreshVacancySearch } from "../search-index";
import { searchVacancies } from "../search-vacancies";

import { salaryMatches, salarySortSql, salaryWalkSql, sizedSalaryWalk, type SalaryWalk } from "./salary-order";

// Highest salary first walks a salary order (a specialization's own, or the table's) for a bounded
// number of rows and sorts every match only when the walk finds too few: whatever the walk's
// length, the page must be the one sorting every match gives. And vacancy_salary_order must hold,
// after every way vacancy_search changes, one row per vacancy and entry of its specialization_ids.

const DAY = 86_400_000;
const now = new Date();
const run = (sql: Prisma.Sql) => db.$queryRaw<{ id: number }[]>(sql);
const ids = async (sql: Prisma.Sql) => (await run(sql)).map((row) => row.id);
const live = liveSearchRowSql(now);

let orgId = 0;
let cityA = 0;
let cityB = 0;
let group = 0;
let welder = 0;
let fitter = 0;
let cook = 0;
const vacancyIds: number[] = [];

/** What vacancy_salary_order must hold: every vacancy_search row's specializations, with its salary. */
async function expectOrdersInStep() {
  const [held, wanted] = await Promise.all([
    db.$queryRaw<{ row: string }[]>`
      SELECT format('%s/%s/%s', specialization_id, vacancy_id, salary_top) AS row FROM vacancy_salary_order ORDER BY 1`,
    db.$queryRaw<{ row: string }[]>`
      SELECT format('%s/%s/%s', s.id, vs.vacancy_id, vs.salary_top) AS row
      FROM vacancy_search vs, unnest(vs.specialization_ids) AS s(id) ORDER BY 1`,
  ]);
  expect(wanted.length).toBeGreaterThan(0);
  expect(held.map((r) => r.row)).toEqual(wanted.map((r) => r.row));
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "so-region", nameRu: "Область", nameKk: "Облыс" } });
  [cityA, cityB] = (await Promise.all(
    ["so-a", "so-b"].map(
      async (slug) => (await db.city.create({ data: { regionId: region.id, slug, nameRu: slug, nameKk: slug } })).id,
    ),
  )) as [number, number];
  group = (await db.specialization.create({ data: { slug: "so-industry", nameRu: "Производство", nameKk: "Өндіріс" } })).id;
  welder = (
    await db.specialization.create({ data: { slug: "so-welder", parentId: group, nameRu: "Сварщик", nameKk: "Дәнекерлеуші" } })
  ).id;
  fitter = (
    await db.specialization.create({ data: { slug: "so-fitter", parentId: group, nameRu: "Монтажник", nameKk: "Монтаждаушы" } })
  ).id;
  cook = (await db.specialization.create({ data: { slug: "so-cook", nameRu: "Повар", nameKk: "Аспаз" } })).id;
  invalidateCatalog();
  orgId = (await createOrganization("EMPLOYER")).id;
  // 90 vacancies: salaries repeat (ties go by id), one in seven has none, one in six has expired;
  // welders, fitters, both, and cooks; two cities.
  for (let i = 0; i < 90; i++) {
    const specs = [[welder], [fitter], [welder, fitter], [cook], [welder]][i % 5] as number[];
    const salary = i % 7 === 3 ? null : 100_000 + ((i * 37) % 11) * 25_000;
    const row = await db.vacancy.create({
      data: {
        organizationId: orgId,
        cityId: i % 3 === 0 ? cityB : cityA,
        slug: `so-${i}`,
        title: i % 4 === 0 ? "Сварщик-монтажник" : "Рабочий",
        description: "<p>Работа на заводе.</p>",
        status: "PUBLISHED",
        publishedAt: new Date(now.getTime() - DAY - i * 60_000),
        expiresAt: new Date(now.getTime() + (i % 6 === 5 ? -1 : 20) * DAY),
        salaryFrom: salary,
        licenceCategories: [],
        specializations: { create: specs.map((specializationId) => ({ specializationId })) },
      },
      select: { id: true },
    });
    vacancyIds.push(row.id);
  }
  await rebuildVacancySearch(db);
  await db.$executeRaw`ANALYZE vacancy_search`;
  await db.$executeRaw`ANALYZE vacancy_salary_order`;
});

describe("vacancy_salary_order", () => {
  it("holds every searchable vacancy under each of its specializations and their groups after a rebuild", async () => {
    await expectOrdersInStep();
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM vacancy_salary_order WHERE specialization_id = ${group}`;
    // Every welder and fitter, once, under their group.
    expect(rows[0]?.n).toBe(72);
  });

  it("stays in step when a vacancy's salary and specializations change, it leaves search, or it is deleted", async () => {
    const [changed, archived, deleted] = vacancyIds as [number, number, number];
    await db.$transaction(async (tx) => {
      await tx.vacancy.update({
        where: { id: changed },
        data: { salaryFrom: 990_000, specializations: { deleteMany: {}, create: [{ specializationId: cook }] } },
      });
      await tx.vacancy.update({ where: { id: archived }, data: { status: "ARCHIVED", archivedAt: now } });
      await refreshVacancySearch(tx, [changed, archived]);
    });
    await db.vacancy.delete({ where: { id: deleted } });
    await expectOrdersInStep();
    const rows = await db.$queryRaw<{ specialization_id: number; salary_top: number }[]>`
      SELECT specialization_id, salary_top FROM vacancy_salary_order WHERE vacancy_id = ANY (${[changed, archived, deleted]}::integer[])`;
    expect(rows).toEqual([{ specialization_id: cook, salary_top: 990_000 }]);

    // An update of the search row itself (not how the app writes it, but kept in step all the same).
    await db.$executeRaw`UPDATE vacancy_search SET salary_top = 5, specialization_ids = ${[fitter]}::integer[] WHERE vacancy_id = ${changed}`;
    await expectOrdersInStep();
    await rebuildVacancySearch(db);
    await expectOrdersInStep();
  });
});

describe("the salary walk", () => {
  interface Case {
    name: string;
    where: Prisma.Sql;
    words: boolean;
    specializationIds: number[];
  }
  const spec = (list: number[]) => Prisma.sql`vs.specialization_ids && ${list}::integer[]`;
  /** The searches, with this file's ids (known once beforeAll has run). */
  const cases = (): Record<"whole" | "city" | "one" | "group" | "two" | "words", Case> => ({
    whole: { name: "the whole table", where: live, words: false, specializationIds: [] },
    city: { name: "a city", where: Prisma.sql`${live} AND vs.city_id = ${cityA}`, words: false, specializationIds: [] },
    one: {
      name: "one specialization",
      where: Prisma.sql`${live} AND ${spec([welder])}`,
      words: false,
      specializationIds: [welder],
    },
    group: {
      name: "a group in a city",
      where: Prisma.sql`${live} AND ${spec([group])} AND vs.city_id = ${cityB}`,
      words: false,
      specializationIds: [group],
    },
    two: {
      name: "two specializations",
      where: Prisma.sql`${live} AND ${spec([welder, fitter])}`,
      words: false,
      specializationIds: [welder, fitter],
    },
    words: {
      name: "a specialization and words",
      where: Prisma.sql`${live} AND ${spec([fitter])} AND vs.search_vector @@ to_tsquery('russian', 'сварщик')`,
      words: true,
      specializationIds: [fitter],
    },
  });

  it("gives the page that sorting every match gives, for every walk length and page", async () => {
    for (const c of Object.values(cases())) {
      const everyMatch = await ids(salarySortSql(c.where, 1_000, 0));
      expect(everyMatch.length, c.name).toBeGreaterThan(4);
      for (const limit of [1, 3, 7])
        for (let offset = 0; offset <= everyMatch.length; offset += limit)
          for (const walkRows of [1, 5, 20, 200]) {
            const w: SalaryWalk = { ...c, walkRows };
            const page = await salaryMatches(w, run, { limit, offset });
            expect(page, `${c.name}: ${walkRows} rows, page at ${offset} of ${limit}`).toEqual(
              everyMatch.slice(offset, offset + limit),
            );
          }
    }
  });

  it("answers from the walk when the order's top holds the page, and sorts the matches when it does not", async () => {
    const { one: oneSpec } = cases();
    const statements: string[] = [];
    const spy = (sql: Prisma.Sql) => {
      statements.push(sql.sql);
      return run(sql);
    };
    const walkOf = (c: Case, walkRows: number): SalaryWalk => ({ ...c, walkRows });
    // Welders are dense in their own order: ten rows hold a page of three.
    await salaryMatches(walkOf(oneSpec, 10), spy, { limit: 3, offset: 0 });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain("vacancy_salary_order");
    // Two rows cannot hold a page of three: the matches are sorted.
    statements.length = 0;
    expect(await ids(salaryWalkSql(walkOf(oneSpec, 2), 2, 3, 0))).toHaveLength(2);
    await salaryMatches(walkOf(oneSpec, 2), spy, { limit: 3, offset: 0 });
    expect(statements).toHaveLength(2);
    expect(statements[1]).toContain("salary_top + 0");
  });

  it("is sized by the planner's rows of the order, and not walked when it would read them all", async () => {
    const { whole, one: oneSpec } = cases();
    const sizedWhole = await sizedSalaryWalk(db, { ...whole, walkRows: 10_000 });
    const sizedSpec = await sizedSalaryWalk(db, { ...oneSpec, walkRows: 10_000 });
    expect(sizedWhole.fromRows).toBeGreaterThan(50);
    expect(sizedSpec.fromRows).toBeGreaterThan(20);
    expect(sizedSpec.fromRows).toBeLessThan(sizedWhole.fromRows!);
    // A page past what the walk's bound reaches in so small a table is sorted, and still right.
    const statements: string[] = [];
    const page = await salaryMatches(sizedSpec, (sql) => (statements.push(sql.sql), run(sql)), { limit: 20, offset: 20 });
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain("salary_top + 0");
    expect(page).toEqual((await ids(salarySortSql(oneSpec.where, 1_000, 0))).slice(20, 40));
  });
});

describe("searchVacancies sorted by salary", () => {
  it("lists a specialization, a group and two specializations highest salary first, each vacancy once", async () => {
    for (const raw of [{ spec: "so-welder" }, { spec: "so-industry" }, { spec: ["so-welder", "so-fitter"] }]) {
      const params = parseSearchParams({ ...raw, sort: "salary" }).params;
      const pages = [];
      for (let page = 1; page <= 4; page++)
        pages.push(...(await searchVacancies({ ...params, page }, { locale: "ru", now })).items.map((item) => item.id));
      const specIds = await db.specialization.findMany({
        where: { slug: { in: ([] as string[]).concat(raw.spec) } },
        select: { id: true },
      });
      const expected = await ids(
        salarySortSql(Prisma.sql`${live} AND vs.specialization_ids && ${specIds.map((s) => s.id)}::integer[]`, 1_000, 0),
      );
      expect(new Set(pages).size, JSON.stringify(raw)).toBe(pages.length);
      expect(pages, JSON.stringify(raw)).toEqual(expected.slice(0, pages.length));
      expect(pages.length).toBe(Math.min(expected.length, 80));
    }
  });
});
