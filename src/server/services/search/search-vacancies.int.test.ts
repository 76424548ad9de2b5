import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { parseSearchParams } from "@/lib/search/params";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { spyOnQueries } from "../../../../test/support/query-spy";
import proxy from "../../../proxy";
import { invalidateCatalog } from "../catalog/catalog";

import { countAndFacetsSql } from "./plan/filter-conditions";
import { rebuildVacancySearch, refreshVacancySearch } from "./search-index";
import { searchVacancies } from "./search-vacancies";

const DAY = 86_400_000;
const now = new Date();
const ids: Record<string, number> = {};
let orgId = 0;
let otherOrgId = 0;
let blockedOrgId = 0;
let almaty = 0;
let astana = 0;
let driverC = 0;
let sales = 0;

async function vacancy(
  key: string,
  data: Partial<Prisma.VacancyUncheckedCreateInput> & { title: string },
  specializationId = driverC,
) {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId: almaty,
      slug: key,
      description: "<p>Описание вакансии.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(now.getTime() - DAY),
      expiresAt: new Date(now.getTime() + 20 * DAY),
      licenceCategories: [],
      specializations: { create: [{ specializationId }] },
      ...data,
    },
    select: { id: true },
  });
  ids[key] = row.id;
}

const search = (raw: Record<string, string>) => searchVacancies(parseSearchParams(raw).params, { locale: "ru", now });
const titles = async (raw: Record<string, string>) => (await search(raw)).items.map((i) => i.title);

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "almaty-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  almaty = (await db.city.create({ data: { regionId: region.id, slug: "almaty", nameRu: "Алматы", nameKk: "Алматы" } })).id;
  astana = (await db.city.create({ data: { regionId: region.id, slug: "astana", nameRu: "Астана", nameKk: "Астана" } })).id;
  const transport = await db.specialization.create({ data: { slug: "transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  driverC = (
    await db.specialization.create({
      data: {
        slug: "driver-c",
        parentId: transport.id,
        nameRu: "Водитель категории C",
        nameKk: "C санатты жүргізуші",
        licenceCategory: "C",
      },
    })
  ).id;
  const trade = await db.specialization.create({ data: { slug: "trade", nameRu: "Торговля", nameKk: "Сауда" } });
  sales = (await db.specialization.create({ data: { slug: "sales", parentId: trade.id, nameRu: "Продавец", nameKk: "Сатушы" } }))
    .id;
  orgId = (await createOrganization("EMPLOYER")).id;
  otherOrgId = (await createOrganization("EMPLOYER")).id;
  blockedOrgId = (await createOrganization("EMPLOYER")).id;
  await db.organization.update({ where: { id: orgId }, data: { displayName: "Дала Логистик" } });
  invalidateCatalog();

  await vacancy("driver", {
    title: "Водитель-дальнобойщик",
    salaryFrom: 400_000,
    salaryTo: 600_000,
    licenceCategories: ["C", "CE"],
    experience: "FROM_1_TO_3",
  });
  await vacancy("driver-kk", { title: "Жүргізушілер керек", language: "kk", salaryFrom: 300_000 });
  await vacancy("driver-astana", { title: "Водитель автобуса", cityId: astana, salaryTo: 250_000, licenceCategories: ["D"] });
  await vacancy("premium", {
    title: "Водитель на самосвал",
    publicationType: "PREMIUM",
    premiumUntil: new Date(now.getTime() + 5 * DAY),
  });
  await vacancy("premium-ended", {
    title: "Водитель погрузчика",
    publicationType: "PREMIUM",
    premiumUntil: new Date(now.getTime() - 3_600_000),
  });
  await vacancy("seller", { title: "Продавец-консультант", organizationId: otherOrgId, salaryFrom: 200_000 }, sales);
  await vacancy("anonymous", {
    title: "Водитель для руководителя",
    publicationType: "ANONYMOUS",
    companyDescription: "Крупная компания",
  });
  await vacancy("closed", { title: "Водитель закрытый", publicationType: "CLOSED" });
  await vacancy("archived", { title: "Водитель архивный", status: "ARCHIVED", archivedAt: now });
  await vacancy("removed", { title: "Водитель снятый", status: "REMOVED", removedAt: now });
  await vacancy("expired", { title: "Водитель просроченный", expiresAt: new Date(now.getTime() - DAY) });
  await vacancy("draft", { title: "Водитель черновик", status: "DRAFT", publishedAt: null });
  await vacancy("blocked", { title: "Водитель заблокированной", organizationId: blockedOrgId });
  await db.organization.update({ where: { id: blockedOrgId }, data: { blockedAt: now, blockReason: "test" } });
  await rebuildVacancySearch(db);
});

describe("searchVacancies", () => {
  it("finds Russian words by their stem and ranks title matches", async () => {
    const found = await titles({ q: "водителями" });
    expect(found).toEqual(expect.arrayContaining(["Водитель-дальнобойщик", "Водитель автобуса", "Водитель для руководителя"]));
  });

  it("finds Kazakh words by prefix, with or without Kazakh letters", async () => {
    expect(await titles({ q: "жүргізуші" })).toContain("Жүргізушілер керек");
    expect(await titles({ q: "жургизуши" })).toContain("Жүргізушілер керек");
  });

  it("tolerates a typo and says which word it used", async () => {
    const result = await search({ q: "вадитель" });
    expect(result.corrections).toEqual([{ from: "вадитель", to: "водитель" }]);
    expect(result.items.map((i) => i.title)).toContain("Водитель-дальнобойщик");
  });

  it("matches company, city and specialization names", async () => {
    expect(await titles({ q: "дала логистик" })).toContain("Водитель-дальнобойщик");
    expect(await titles({ q: "водитель астана" })).toEqual(["Водитель автобуса"]);
    expect(await titles({ q: "сатушы" })).toEqual(["Продавец-консультант"]);
  });

  it("never finds closed, archived, removed, expired, draft or blocked-organisation vacancies", async () => {
    const found = await titles({ q: "водитель" });
    for (const hidden of ["закрытый", "архивный", "снятый", "просроченный", "черновик", "заблокированной"]) {
      expect(found.join(" ")).not.toContain(hidden);
    }
  });

  it("filters by city, region, specialization group, salary, experience and licence", async () => {
    expect(await titles({ city: "astana" })).toEqual(["Водитель автобуса"]);
    expect((await search({ region: "almaty-region" })).total).toBe(7);
    expect(await titles({ spec: "trade" })).toEqual(["Продавец-консультант"]);
    expect((await titles({ salary: "350000" })).sort()).toEqual(["Водитель-дальнобойщик"]);
    expect((await titles({ salary: "250000" })).sort()).toEqual([
      "Водитель автобуса",
      "Водитель-дальнобойщик",
      "Жүргізушілер керек",
    ]);
    expect(await titles({ exp: "from_1_to_3" })).toEqual(["Водитель-дальнобойщик"]);
    expect(await titles({ lic: "d" })).toEqual(["Водитель автобуса"]);
  });

  it('shows only what was published after a moment (a digest\'s "see all")', async () => {
    const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
    const all = await search({ q: "водитель" });
    expect(all.total).toBeGreaterThan(0);
    const earlier = await search({ q: "водитель", since: iso(new Date(now.getTime() - DAY - 3_600_000)) });
    expect(earlier.total).toBe(all.total);
    expect(earlier.params.since).not.toBeNull();
    const later = await search({ q: "водитель", since: iso(new Date(now.getTime() - 1_000)) });
    expect(later.total).toBe(0);
    // Nothing matches only because of "since": relaxing it is offered.
    expect(later.relaxations.map((r) => r.drop)).toContain("period");
  });

  it("asks the index for a salary step only where few vacancies reach it, with the same matches", async () => {
    await db.$executeRaw`ANALYZE vacancy_search`;
    const { db: spied, statements } = spyOnQueries(db);
    const titlesOf = async (raw: Record<string, string>) =>
      (await searchVacancies(parseSearchParams(raw).params, { locale: "ru", now, db: spied })).items.map((i) => i.title).sort();
    // Four of the searchable vacancies pay 200,000 or more: the step is left to salary_top.
    expect(await titlesOf({ salary: "200000" })).toEqual([
      "Водитель автобуса",
      "Водитель-дальнобойщик",
      "Жүргізушілер керек",
      "Продавец-консультант",
    ]);
    expect(statements.some((sql) => sql.includes("salary_steps @>"))).toBe(false);
    // One pays 600,000: the step narrows the matches in the index.
    statements.length = 0;
    expect(await titlesOf({ salary: "600000" })).toEqual(["Водитель-дальнобойщик"]);
    expect(statements.some((sql) => sql.includes("salary_steps @>"))).toBe(true);
  });

  it("sorts by salary and by date", async () => {
    expect((await titles({ sort: "salary" }))[0]).toBe("Водитель-дальнобойщик");
    const byDate = await search({ sort: "date" });
    const dates = byDate.items.map((i) => i.publishedAt.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("puts a premium vacancy of its first week in the priority block, once", async () => {
    const result = await search({ q: "водитель" });
    expect(result.priority.map((i) => i.title)).toEqual(["Водитель на самосвал"]);
    expect(result.items.map((i) => i.title)).not.toContain("Водитель на самосвал");
    expect(result.priority[0]?.company?.name).toBe("Дала Логистик");
  });

  it("leaves a premium vacancy whose highlight has ended among the ordinary results", async () => {
    const result = await search({ q: "водитель погрузчика" });
    expect(result.priority).toEqual([]);
    expect(result.items.map((i) => i.title)).toEqual(["Водитель погрузчика"]);
    const rows = await db.$queryRaw<{ premium_until: Date | null }[]>`
      SELECT premium_until FROM vacancy_search WHERE vacancy_id = ${ids["premium-ended"]}`;
    expect(rows).toEqual([{ premium_until: null }]);
  });

  it("hides the company of an anonymous vacancy and never matches it by company", async () => {
    const card = (await search({ q: "руководителя" })).items[0];
    expect(card?.title).toBe("Водитель для руководителя");
    expect(card?.company).toBeNull();
    expect(await titles({ company: String(orgId) })).not.toContain("Водитель для руководителя");
    expect(await titles({ q: "дала логистик руководителя" })).toEqual([]);
  });

  it("counts facets and suggests what to relax when nothing matches", async () => {
    const facets = (await search({ q: "водитель" })).facets;
    expect(facets?.cities.find((c) => c.value === String(almaty))?.count).toBeGreaterThan(0);
    const empty = await search({ q: "водитель", city: "astana", salary: "500000" });
    expect(empty.total).toBe(0);
    expect(empty.relaxations.map((r) => r.drop)).toEqual(expect.arrayContaining(["salary", "location"]));
  });

  it("counts every facet over exactly the matches, read with the count", async () => {
    const result = await search({ q: "водитель" });
    expect(result.total).toBeGreaterThan(1);
    // Every match (the results and the premium block above them) with its facet columns, straight
    // from the search table.
    const byDate = await search({ q: "водитель", sort: "date" });
    const everyMatch = [...byDate.priority, ...byDate.items].map((i) => i.id);
    const matches = await db.$queryRaw<
      {
        city_id: number;
        specialization_ids: number[];
        experience: string;
        employment_type: string;
        schedule: string;
        licence_categories: string[];
        is_remote: boolean;
      }[]
    >`
      SELECT city_id, specialization_ids, experience::text, employment_type::text, schedule::text,
             licence_categories::text[], is_remote
      FROM vacancy_search WHERE vacancy_id = ANY (${everyMatch}::integer[])`;
    expect(matches).toHaveLength(result.total);
    const tally = (values: (string | number)[]) => {
      const counts = new Map<string, number>();
      for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
      return [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    const bySize = (list: { value: string; count: number }[] | undefined) =>
      [...(list ?? [])].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    const facets = result.facets;
    expect(bySize(facets?.cities)).toEqual(tally(matches.map((m) => m.city_id)));
    expect(bySize(facets?.specializations)).toEqual(tally(matches.flatMap((m) => m.specialization_ids)));
    expect(bySize(facets?.experience)).toEqual(tally(matches.map((m) => m.experience)));
    expect(bySize(facets?.employment)).toEqual(tally(matches.map((m) => m.employment_type)));
    expect(bySize(facets?.schedule)).toEqual(tally(matches.map((m) => m.schedule)));
    expect(bySize(facets?.licences)).toEqual(tally(matches.flatMap((m) => m.licence_categories)));
    expect(facets?.remote).toBe(matches.filter((m) => m.is_remote).length);
    // Values come by falling count.
    const counts = facets?.cities.map((c) => c.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const none = await search({ q: "водитель", city: "astana", salary: "500000" });
    expect([none.total, none.facets]).toEqual([0, null]);

    // The statement stops counting one past its limit and counts no facet above the facets' limit.
    const where = Prisma.sql`vs.vacancy_id = ANY (${everyMatch}::integer[])`;
    type Row = { facet: string | null; value: string | null; n: number };
    const capped = await db.$queryRaw<Row[]>(countAndFacetsSql(where, 2, 5));
    expect(capped.filter((r) => r.facet === null)).toEqual([{ facet: null, value: null, n: 3 }]);
    const withoutFacets = await db.$queryRaw<Row[]>(countAndFacetsSql(where, 100, everyMatch.length - 1));
    expect(withoutFacets.find((r) => r.facet === null)?.n).toBe(everyMatch.length);
    expect(withoutFacets.filter((r) => r.facet !== null && r.n > 0)).toEqual([]);
    expect(await db.$queryRaw<Row[]>(countAndFacetsSql(where, 100, null))).toEqual([
      { facet: null, value: null, n: everyMatch.length },
    ]);
    const withFacets = await db.$queryRaw<Row[]>(countAndFacetsSql(where, 100, everyMatch.length));
    expect(withFacets.filter((r) => r.facet === "cities").reduce((sum, r) => sum + r.n, 0)).toBe(everyMatch.length);
  });

  it("treats garbage as text or drops it, without errors", async () => {
    const shape = (result: Awaited<ReturnType<typeof search>>) => ({
      total: result.total,
      ids: result.items.map((item) => item.id),
    });
    const everything = shape(await search({}));
    const drivers = shape(await search({ q: "водитель" }));
    const nothing: typeof drivers = { total: 0, ids: [] };
    expect(drivers.total).toBeGreaterThan(0);
    expect(everything.total).toBeGreaterThan(drivers.total);
    // Words that match nothing find nothing; tsquery operators are plain punctuation; characters
    // that are not text at all leave an empty query, which lists everything.
    const cases: [string, typeof nothing][] = [
      ["' OR 1=1 --", nothing],
      ["<script>alert(1)</script>", nothing],
      ["водитель & | ! :* ()", drivers],
      ["\u0000\uFFFD", everything],
      ["a".repeat(5000), nothing],
    ];
    for (const [q, expected] of cases) {
      expect({ q: q.slice(0, 40), ...shape(await search({ q })) }).toEqual({ q: q.slice(0, 40), ...expected });
    }
    const result = await search({ city: "no-such-city", spec: "no-such-spec", q: "водитель" });
    expect(result.notices).toEqual(expect.arrayContaining(["locationUnknown", "specializationUnknown"]));
    expect(result.total).toBeGreaterThan(0);
  });

  it("follows a vacancy through refreshes: archiving removes it, publishing brings it back", async () => {
    await db.vacancy.update({ where: { id: ids.driver }, data: { status: "ARCHIVED" } });
    expect(await refreshVacancySearch(db, [ids.driver as number])).toBe(0);
    expect(await titles({ q: "дальнобойщик" })).toEqual([]);
    await db.vacancy.update({ where: { id: ids.driver }, data: { status: "PUBLISHED" } });
    expect(await refreshVacancySearch(db, [ids.driver as number])).toBe(1);
    expect(await titles({ q: "дальнобойщик" })).toEqual(["Водитель-дальнобойщик"]);
  });
});

describe("the proxy's answer for a vacancy URL", () => {
  const ask = (path: string) => proxy(new NextRequest(new URL(path, "http://jumys.test")));
  const rewriteOf = (response: Response) => response.headers.get("x-middleware-rewrite");

  it("passes a public vacancy with its current slug to the page", async () => {
    const response = await ask(`/ru/vacancy/${ids.seller}-seller`);
    expect(response.status).toBe(200);
    expect(rewriteOf(response)).toBeNull();
  });

  it("answers a wrong slug with 301 to the current URL", async () => {
    const response = await ask(`/kk/vacancy/${ids.seller}-old?utm=x`);
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(`http://jumys.test/kk/vacancy/${ids.seller}-seller?utm=x`);
  });

  it("answers 410 for archived, removed, expired and blocked-organisation vacancies", async () => {
    for (const key of ["archived", "removed", "expired", "blocked"]) {
      const response = await ask(`/ru/vacancy/${ids[key]}-${key}`);
      expect(response.status, key).toBe(410);
      expect(rewriteOf(response), key).toBe(`http://jumys.test/ru/vacancy-gone/${ids[key]}`);
    }
  });

  it("sends a closed vacancy to the page that checks who asks, and drafts to 404", async () => {
    expect(rewriteOf(await ask(`/ru/vacancy/${ids.closed}-closed`))).toBe(`http://jumys.test/ru/vacancy-private/${ids.closed}`);
    // A draft was never public: the 404 page, in the address's language.
    const draft = await ask(`/kk/vacancy/${ids.draft}-draft`);
    expect(draft.status).toBe(404);
    expect(rewriteOf(draft)).toBe("http://jumys.test/kk/page-not-found");
  });

  it("does not let the internal pages be requested directly", async () => {
    const response = await ask(`/ru/vacancy-gone/${ids.archived}`);
    expect(response.status).toBe(404);
  });
});

describe("the order of results, however they are found", () => {
  const cranes: string[] = [];
  beforeAll(async () => {
    // 25 matches in Astana, each published a minute before the previous one.
    for (let i = 0; i < 25; i++) {
      const key = `crane${i}`;
      await vacancy(key, {
        title: i % 5 === 0 ? "Крановщик, помощник крановщика" : `Крановщик ${i}`,
        cityId: astana,
        publishedAt: new Date(now.getTime() - (i + 1) * 60_000),
      });
      cranes.push(key);
    }
    await refreshVacancySearch(
      db,
      cranes.map((key) => ids[key]!),
    );
  });

  const keys = async (raw: Record<string, string>, walkRows?: number) => {
    const result = await searchVacancies(parseSearchParams(raw).params, {
      locale: "ru",
      now,
      ...(walkRows === undefined ? {} : { walkRows }),
    });
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return result.items.map((item) => byId.get(item.id));
  };

  it("lists newest first, page after page, whether the walk finds the page or the index does", async () => {
    for (const walkRows of [undefined, 30, 3]) {
      expect(await keys({ q: "крановщик", sort: "date" }, walkRows)).toEqual(cranes.slice(0, 20));
      expect(await keys({ q: "крановщик", sort: "date", page: "2" }, walkRows)).toEqual(cranes.slice(20));
      // The city's own index is walked.
      expect(await keys({ q: "крановщик", city: "astana", sort: "date", page: "2" }, walkRows)).toEqual(cranes.slice(20));
      // Conditions the walk cannot narrow by (the text of every fifth one) leave it to the index.
      expect(await keys({ q: "помощник", sort: "date" }, walkRows)).toEqual(cranes.filter((_, i) => i % 5 === 0));
    }
  });

  it("ranks the newest matches the walk finds by relevance, in whole pages, and goes on by date", async () => {
    // A walk of 30 rows finds all 25; the newest 20 (one whole page) are ranked: those that name
    // the word twice first, equal ranks newest first.
    const broad = await keys({ q: "крановщик" }, 30);
    const window = cranes.slice(0, 20);
    expect(broad).toEqual([...window.filter((_, i) => i % 5 === 0), ...window.filter((_, i) => i % 5 !== 0)]);
    // The next page goes on by date: nothing repeated, nothing skipped.
    expect(await keys({ q: "крановщик", page: "2" }, 30)).toEqual(cranes.slice(20));
    // A walk that finds less than a page: the words are rare, the index's newest matches (all 25
    // here) are ranked.
    const others = cranes.filter((_, i) => i % 5 !== 0);
    expect(await keys({ q: "крановщик" }, 3)).toEqual([...cranes.filter((_, i) => i % 5 === 0), ...others.slice(0, 15)]);
    expect(await keys({ q: "крановщик", page: "2" }, 3)).toEqual(others.slice(15));
  });
});

describe("the priority block, however it is found", () => {
  beforeAll(async () => {
    // The newest premium publication matches none of the searches below.
    await vacancy(
      "premium-welder",
      {
        title: "Сварщик на объект",
        publicationType: "PREMIUM",
        premiumUntil: new Date(now.getTime() + 5 * DAY),
        publishedAt: new Date(now.getTime() - 30_000),
      },
      sales,
    );
    await refreshVacancySearch(db, [ids["premium-welder"]!]);
  });

  it("finds a premium match past a walk of the newest premium publications", async () => {
    for (const walkRows of [undefined, 1]) {
      const result = await searchVacancies(parseSearchParams({ q: "водитель" }).params, {
        locale: "ru",
        now,
        ...(walkRows === undefined ? {} : { walkRows }),
      });
      expect(result.priority.map((i) => i.title)).toEqual(["Водитель на самосвал"]);
    }
  });
});
