import { beforeAll, describe, expect, it } from "vitest";

import { Prisma } from "@/generated/prisma/client";
import { FILTERS } from "@/lib/search/filters";
import { parseSearchParams } from "@/lib/search/params";
import { criteriaFromParams } from "@/lib/search/subscription-criteria";
import { db } from "@/server/db";

import { createOrganization } from "../../../../test/support/factories";
import { getCatalog, invalidateCatalog } from "../catalog/catalog";
import { applyFilters, conditionSql, type Condition } from "../search/plan/filter-conditions";
import { rebuildVacancySearch } from "../search/search-index";
import { searchVacancies } from "../search/search-vacancies";
import { liveSearchRowSql } from "../vacancies/visibility";

import { addCondition, criteriaQuery, SubscriptionMatcher, WindowText, type CriteriaPlan } from "./match-subscriptions";
import { has, loadVacancyWindow, type VacancyWindow } from "./vacancy-window";

// The digest must find what the search page finds: for each search below, the digest's matches
// over a window holding every vacancy are exactly the search page's results (its list plus its
// priority block), through both ways the digest matches words.

const DAY = 86_400_000;
const databaseUrl = () => process.env.DATABASE_URL!;
const now = new Date();
let orgId = 0;
let otherOrgId = 0;
const places = { almaty: 0, astana: 0, shymkent: 0 };
const specs = { driverC: 0, driverD: 0, sales: 0, accountant: 0 };
let n = 0;

async function vacancy(
  data: Partial<Prisma.VacancyUncheckedCreateInput> & { title: string },
  specializationIds = [specs.driverC],
) {
  n++;
  await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId: places.almaty,
      slug: `v-${n}`,
      description: "<p>Описание вакансии для проверки поиска.</p>",
      status: "PUBLISHED",
      // Apart by a minute each, all within the last day.
      publishedAt: new Date(now.getTime() - DAY + n * 60_000),
      expiresAt: new Date(now.getTime() + 20 * DAY),
      licenceCategories: [],
      specializations: { create: specializationIds.map((specializationId) => ({ specializationId })) },
      ...data,
    },
  });
}

beforeAll(async () => {
  const south = await db.region.create({
    data: { slug: "almaty-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  const north = await db.region.create({ data: { slug: "akmola", nameRu: "Акмолинская область", nameKk: "Ақмола облысы" } });
  places.almaty = (await db.city.create({ data: { regionId: south.id, slug: "almaty", nameRu: "Алматы", nameKk: "Алматы" } })).id;
  places.shymkent = (
    await db.city.create({ data: { regionId: south.id, slug: "shymkent", nameRu: "Шымкент", nameKk: "Шымкент" } })
  ).id;
  places.astana = (await db.city.create({ data: { regionId: north.id, slug: "astana", nameRu: "Астана", nameKk: "Астана" } })).id;
  const transport = await db.specialization.create({ data: { slug: "transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  specs.driverC = (
    await db.specialization.create({
      data: { slug: "driver-c", parentId: transport.id, nameRu: "Водитель категории C", nameKk: "C санатты жүргізуші" },
    })
  ).id;
  specs.driverD = (
    await db.specialization.create({
      data: { slug: "driver-d", parentId: transport.id, nameRu: "Водитель автобуса", nameKk: "Автобус жүргізушісі" },
    })
  ).id;
  const trade = await db.specialization.create({ data: { slug: "trade", nameRu: "Торговля", nameKk: "Сауда" } });
  specs.sales = (
    await db.specialization.create({ data: { slug: "sales", parentId: trade.id, nameRu: "Продавец", nameKk: "Сатушы" } })
  ).id;
  const office = await db.specialization.create({ data: { slug: "office", nameRu: "Офис", nameKk: "Кеңсе" } });
  specs.accountant = (
    await db.specialization.create({
      data: { slug: "accountant", parentId: office.id, nameRu: "Бухгалтер", nameKk: "Бухгалтер" },
    })
  ).id;
  orgId = (await createOrganization("EMPLOYER")).id;
  otherOrgId = (await createOrganization("EMPLOYER")).id;
  await db.organization.update({ where: { id: orgId }, data: { displayName: "Дала Логистик" } });
  invalidateCatalog();

  await vacancy({
    title: "Водитель-дальнобойщик",
    salaryFrom: 400_000,
    salaryTo: 600_000,
    licenceCategories: ["C", "CE"],
    experience: "FROM_1_TO_3",
  });
  await vacancy({ title: "Жүргізушілер керек", language: "kk", salaryFrom: 300_000, schedule: "SHIFT" });
  await vacancy(
    { title: "Водитель автобуса", cityId: places.astana, salaryTo: 250_000, licenceCategories: ["D"], experience: "MORE_THAN_6" },
    [specs.driverD],
  );
  await vacancy({
    title: "Водитель на самосвал",
    publicationType: "PREMIUM",
    premiumUntil: new Date(now.getTime() + 5 * DAY),
    salaryFrom: 520_000,
  });
  await vacancy({ title: "Водитель погрузчика", publicationType: "PREMIUM", premiumUntil: new Date(now.getTime() - 3_600_000) });
  await vacancy({ title: "Продавец-консультант", organizationId: otherOrgId, salaryFrom: 200_000, employmentType: "PART_TIME" }, [
    specs.sales,
  ]);
  await vacancy({ title: "Водитель для руководителя", publicationType: "ANONYMOUS", companyDescription: "Крупная компания" });
  await vacancy({ title: "Бухгалтер на удалёнку", isRemote: true, cityId: places.shymkent, salaryFrom: 349_999 }, [
    specs.accountant,
  ]);
  await vacancy({ title: "Главный бухгалтер", cityId: places.shymkent, salaryFrom: 350_000, salaryTo: 350_000 }, [
    specs.accountant,
  ]);
  await vacancy({ title: "Кассир в супермаркет", employmentType: "PART_TIME", salaryTo: 45_000 }, [specs.sales]);
  await vacancy({ title: "Сатушы-кассир", language: "kk", cityId: places.astana, schedule: "FLEXIBLE" }, [specs.sales]);
  await vacancy({ title: "Водитель такси", licenceCategories: ["B"], schedule: "FLEXIBLE", employmentType: "PROJECT" });
  await vacancy({ title: "Закрытая вакансия водителя", publicationType: "CLOSED" });
  await vacancy({ title: "Водитель просроченный", expiresAt: new Date(now.getTime() - 60_000) });
  await vacancy({ title: "Водитель архивный", status: "ARCHIVED", archivedAt: now });
  await rebuildVacancySearch(db);
});

const SEARCHES: Record<string, string>[] = [
  {},
  { q: "водителями" },
  { q: "водитель автобуса" },
  { q: "жүргізуші" },
  { q: "жургизуши" },
  { q: "вадитель" },
  { q: "бугхалтер" },
  { q: "и в на" },
  { q: "бу" },
  { q: "ка 5" },
  { q: "кассир", spec: "sales" },
  { q: "Дала" },
  { city: "astana" },
  { region: "almaty-region" },
  { city: "atlantis", region: "akmola" },
  { region: "atlantis" },
  { spec: "transport" },
  { spec: "driver-d,accountant" },
  { spec: "no-such-spec" },
  { company: "ORG" },
  { salary: "350000" },
  { salary: "349999" },
  { salary: "40000" },
  { salary: "520000" },
  { exp: "from_1_to_3,more_than_6" },
  { emp: "part_time" },
  { schedule: "flexible,shift" },
  { lic: "c,d" },
  { remote: "1" },
  { q: "водитель", city: "almaty", lic: "ce", salary: "500000" },
  { q: "бухгалтер", remote: "1", region: "almaty-region" },
];

const searchFor = (raw: Record<string, string>) => ({ ...raw, ...(raw.company ? { company: String(orgId) } : {}) });

async function searchPageIds(raw: Record<string, string>) {
  const result = await searchVacancies(parseSearchParams(raw).params, { locale: "ru", now });
  expect(result.pageCount).toBeLessThanOrEqual(1);
  return { total: result.total, ids: [...result.items, ...result.priority].map((v) => v.id).sort((a, b) => a - b) };
}

describe("digest matching", () => {
  it("matches exactly what the search page finds, words matched in bulk or one by one", async () => {
    const start = new Date(now.getTime() - 30 * DAY);
    const window = await loadVacancyWindow(db, start, now, now);
    const catalog = await getCatalog(db);
    const queries = SEARCHES.map((raw) => criteriaQuery(criteriaFromParams(parseSearchParams(searchFor(raw)).params)));
    const bulk = new SubscriptionMatcher(db, window, catalog, { start, end: now, now }, databaseUrl());
    await bulk.prepare(
      queries.map((query) => ({ query, since: start })),
      { bulk: true },
    );
    const single = new SubscriptionMatcher(db, window, catalog, { start, end: now, now }, databaseUrl());
    for (const query of queries) await single.prepare([{ query, since: start }]);
    // As a run does it: the window's text index opened before the window was read, closed after.
    const text = WindowText.open(databaseUrl(), { start, end: now, now });
    const early = new SubscriptionMatcher(db, window, catalog, { start, end: now, now }, databaseUrl());
    await early.prepare(
      queries.map((query) => ({ query, since: start })),
      { text },
    );
    await (await text).close();

    const checked: string[] = [];
    for (const [i, raw] of SEARCHES.entries()) {
      const expected = await searchPageIds(searchFor(raw));
      for (const matcher of [bulk, single, early]) {
        const match = matcher.match(queries[i]!, start, now, 100);
        const got = { total: match.total, ids: [...match.vacancyIds].sort((a, b) => a - b) };
        expect(got, `search ${JSON.stringify(raw)}`).toEqual(expected);
      }
      checked.push(`${JSON.stringify(raw)}: ${expected.total}`);
    }
    // The searches are not all trivially empty or everything.
    const totals = new Set(checked.map((line) => line.split(": ")[1]));
    expect(totals.size).toBeGreaterThan(5);
  });

  it("compares every filter a subscription keeps, and each condition selects the same rows in SQL and in the window", async () => {
    const start = new Date(now.getTime() - 30 * DAY);
    const window = await loadVacancyWindow(db, start, now, now);
    const catalog = await getCatalog(db);
    const conditions = new Map<string, Condition>();
    const covered = new Set<string>();
    for (const raw of SEARCHES) {
      const params = parseSearchParams(searchFor(raw)).params;
      for (const filter of applyFilters(params, { catalog, now, notices: new Set() }).filters) {
        covered.add(filter.key);
        for (const c of filter.conditions) conditions.set(JSON.stringify(c), c);
      }
    }
    // A filter added to the table must be added to SEARCHES above too.
    expect([...covered].sort()).toEqual(
      FILTERS.filter((f) => f.subscribable)
        .map((f) => f.key)
        .sort(),
    );

    const windowRows = (c: Condition) => {
      const plan: CriteriaPlan = { terms: [], bounds: [] };
      addCondition(plan, c, window as VacancyWindow);
      const ids: number[] = [];
      for (let row = 0; row < window.size; row++) {
        if (!plan.terms.every((term) => term.some((bits) => has(bits, row)))) continue;
        if (!plan.bounds.every(({ values, min, strict }) => (strict ? values[row]! > min : values[row]! >= min))) continue;
        ids.push(window.ids[row]!);
      }
      return ids.sort((a, b) => a - b);
    };
    for (const c of conditions.values()) {
      const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
        SELECT vs.vacancy_id AS id FROM vacancy_search vs
        WHERE vs.published_at > ${start} AND vs.published_at <= ${now} AND ${liveSearchRowSql(now)} AND ${conditionSql(c)}
        ORDER BY vs.vacancy_id`);
      expect(windowRows(c), JSON.stringify(c)).toEqual(rows.map((r) => r.id));
    }
    expect(conditions.size).toBeGreaterThan(10);
  });

  it("orders highlighted premium vacancies first, then the newest, and keeps to the limit", async () => {
    const start = new Date(now.getTime() - 30 * DAY);
    const window = await loadVacancyWindow(db, start, now, now);
    const matcher = new SubscriptionMatcher(db, window, await getCatalog(db), { start, end: now, now }, databaseUrl());
    const query = criteriaQuery(criteriaFromParams(parseSearchParams({ q: "водитель" }).params));
    await matcher.prepare([{ query, since: start }]);
    const all = matcher.match(query, start, now, 100);
    const top = matcher.match(query, start, now, 3);
    expect(top.total).toBe(all.total);
    expect(top.vacancyIds).toEqual(all.vacancyIds.slice(0, 3));
    const rows = await db.vacancy.findMany({
      where: { id: { in: all.vacancyIds } },
      select: { id: true, title: true, publishedAt: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const titles = all.vacancyIds.map((id) => byId.get(id)!.title);
    expect(titles[0]).toBe("Водитель на самосвал");
    const rest = all.vacancyIds.slice(1).map((id) => byId.get(id)!.publishedAt!.getTime());
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });

  it("matches a word only as far back as needed, and further back when a subscription needs it", async () => {
    const start = new Date(now.getTime() - 30 * DAY);
    const window = await loadVacancyWindow(db, start, now, now);
    const catalog = await getCatalog(db);
    const query = criteriaQuery(criteriaFromParams(parseSearchParams({ q: "водитель" }).params));
    const reference = new SubscriptionMatcher(db, window, catalog, { start, end: now, now }, databaseUrl());
    await reference.prepare([{ query, since: start }], { bulk: true });
    const recent = new Date(window.publishedAt[8]!);

    const matcher = new SubscriptionMatcher(db, window, catalog, { start, end: now, now }, databaseUrl());
    await matcher.prepare([{ query, since: recent }], { bulk: true });
    expect(matcher.match(query, recent, now, 100)).toEqual(reference.match(query, recent, now, 100));
    expect(() => matcher.match(query, start, now, 100)).toThrow("not prepared");

    await matcher.prepare([{ query, since: start }]);
    expect(matcher.match(query, start, now, 100)).toEqual(reference.match(query, start, now, 100));
    expect(matcher.match(query, recent, now, 100)).toEqual(reference.match(query, recent, now, 100));
  });

  it("counts only what was published in (since, cutoff]", async () => {
    const start = new Date(now.getTime() - 30 * DAY);
    const window = await loadVacancyWindow(db, start, now, now);
    const matcher = new SubscriptionMatcher(db, window, await getCatalog(db), { start, end: now, now }, databaseUrl());
    await matcher.prepare([{ query: "", since: start }]);
    const every = matcher.match("", start, now, 100);
    const firstFive = window.publishedAt.slice(0, 5);
    const since = new Date(firstFive[1]!);
    const cutoff = new Date(firstFive[4]!);
    const part = matcher.match("", since, cutoff, 100);
    expect(part.total).toBe(3);
    expect(new Set(part.vacancyIds)).toEqual(new Set([...window.ids.slice(2, 5)]));
    expect(every.total).toBe(window.size);
    expect(matcher.match("", now, now, 100).total).toBe(0);
  });
});
