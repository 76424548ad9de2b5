import { beforeAll, describe, expect, it } from "vitest";

import type { ResumeSearchInput } from "@/lib/resume-search/params";
import { resumeInputSchema, type ResumeInput } from "@/lib/validation/resume";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser, createVerifiedOrganization } from "../../../../test/support/factories";
import { block, liftBlock } from "../blocks/blocks";
import { invalidateCatalog } from "../catalog/catalog";
import { hideResume, restoreResume } from "../moderation/resume-moderation";
import { createResume, deleteResume, getResumeForOrganization, updateResume } from "../resumes/resumes";

import { refreshResumeSearch, refreshResumeSearchOfUsers } from "./resume-search-index";
import { experienceAtLeastSql, refreshExperienceYears, utcMonthNumber } from "./experience-years";
import { searchResumes } from "./search-resumes";

const as = (userId: number) => ({ userId, ip: "127.0.0.1" });

let almaty = { regionId: 0, cityId: 0, regionSlug: "rs-almaty-region", citySlug: "rs-almaty" };
let astana = { regionId: 0, cityId: 0, regionSlug: "rs-astana-region", citySlug: "rs-astana" };
let specDriver = 0;
let specAccountant = 0;
let org = 0;
let otherOrg = 0;
let staffId = 0;
const r: Record<string, { id: number; publicId: string; userId: number }> = {};

function input(overrides: Partial<ResumeInput> = {}): ResumeInput {
  return {
    title: "Резюме",
    desiredSalary: null,
    cityId: almaty.cityId,
    relocationRegionIds: [],
    specializationIds: [specDriver],
    employmentTypes: ["FULL_TIME"],
    schedules: ["FULL_DAY"],
    experiences: [],
    educations: [],
    languages: [],
    skills: [],
    licences: [],
    about: null,
    visibility: "ALL",
    hiddenOrganizationIds: [],
    ...overrides,
  };
}

async function resume(name: string, overrides: Partial<ResumeInput> = {}) {
  const seeker = await createUser({ isSeeker: true });
  const { id } = await createResume(seeker.id, resumeInputSchema.parse(input(overrides)));
  const { publicId } = await db.resume.findUniqueOrThrow({ where: { id }, select: { publicId: true } });
  r[name] = { id, publicId, userId: seeker.id };
  return r[name];
}

/** The names of the test's resumes this search finds, in the order found. */
async function found(params: ResumeSearchInput, organizationId = org): Promise<string[]> {
  const result = await searchResumes(organizationId, params);
  const byPublicId = new Map(Object.entries(r).map(([name, v]) => [v.publicId, name]));
  return result.items.flatMap((card) => byPublicId.get(card.publicId) ?? []);
}

const errorOf = (run: Promise<unknown>) =>
  run.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : String(e)),
  );

beforeAll(async () => {
  for (const place of [almaty, astana]) {
    const region = await db.region.create({
      data: { slug: place.regionSlug, nameRu: `Регион ${place.citySlug}`, nameKk: `Өңір ${place.citySlug}` },
    });
    const city = await db.city.create({
      data: { regionId: region.id, slug: place.citySlug, nameRu: `Город ${place.citySlug}`, nameKk: `Қала ${place.citySlug}` },
    });
    place.regionId = region.id;
    place.cityId = city.id;
  }
  almaty = { ...almaty };
  astana = { ...astana };
  const transport = await db.specialization.create({ data: { slug: "rs-transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  specDriver = (
    await db.specialization.create({
      data: { slug: "rs-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: transport.id },
    })
  ).id;
  const finance = await db.specialization.create({ data: { slug: "rs-finance", nameRu: "Финансы", nameKk: "Қаржы" } });
  specAccountant = (
    await db.specialization.create({
      data: { slug: "rs-accountant", nameRu: "Бухгалтерия", nameKk: "Бухгалтерия", parentId: finance.id },
    })
  ).id;
  invalidateCatalog();

  const owner = await createUser({ isSeeker: false });
  org = (await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  otherOrg = (await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  staffId = (await createUser({ isSeeker: false, staffRole: "SUPERADMIN" })).id;

  await resume("driver", {
    title: "Водитель-экспедитор",
    desiredSalary: 450_000,
    experiences: [
      {
        company: "ТОО «Логистика»",
        position: "Водитель",
        startedOn: "2019-04",
        endedOn: "2024-02",
        description: "Рейсы по области.",
      },
      { company: "ИП Ахметов", position: "Экспедитор", startedOn: "2024-03", endedOn: null, description: null },
    ],
    languages: [
      { language: "kk", level: "NATIVE" },
      { language: "ru", level: "C1" },
    ],
    skills: ["Тахограф", "Погрузчик"],
    licences: [
      { category: "B", yearObtained: 2015 },
      { category: "C", yearObtained: 2018 },
    ],
    schedules: ["SHIFT"],
  });
  await resume("kazakh", {
    title: "Тігіншілер цехінің шебері",
    cityId: astana.cityId,
    relocationRegionIds: [almaty.regionId],
    licences: [{ category: "D", yearObtained: 2010 }],
    languages: [{ language: "en", level: "B2" }],
    employmentTypes: ["PART_TIME"],
    schedules: ["ROTATION"],
  });
  await resume("accountant", {
    title: "Бухгалтер",
    desiredSalary: 300_000,
    cityId: astana.cityId,
    specializationIds: [specAccountant],
    skills: ["1С", "Налоговая отчётность"],
    about: "Сдаю отчётность вовремя.",
    experiences: [{ company: "ТОО «Аудит»", position: "Бухгалтер", startedOn: "2023-01", endedOn: "2023-12", description: null }],
  });
  await resume("verified", {
    title: "Водитель грузовика",
    desiredSalary: 600_000,
    licences: [{ category: "C", yearObtained: 2022 }],
  });
  // A driving school confirmed category C: the writer refreshes the person's rows.
  await db.verifiedLicence.create({
    data: { userId: r.verified!.userId, category: "C", schoolName: "Автошкола", certificateDate: new Date("2022-05-01") },
  });
  await refreshResumeSearchOfUsers(db, [r.verified!.userId]);

  await resume("except", { title: "Кладовщик склада", visibility: "ALL_EXCEPT", hiddenOrganizationIds: [otherOrg] });
  await resume("appliedOnly", { title: "Кладовщик смены", visibility: "APPLIED_ONLY" });
  await resume("hidden", { title: "Кладовщик ночной", visibility: "HIDDEN" });
  await resume("old", { title: "Кладовщик опытный" });
  await db.$executeRaw`UPDATE resumes SET updated_at = now() - interval '10 days' WHERE id = ${r.old!.id}`;
  await refreshResumeSearch(db, [r.old!.id]);
});

describe("searching the resume database", () => {
  it("finds words by Russian stem, by Kazakh prefix and through a typo's nearest known word", async () => {
    expect(await found({ q: "водителя" })).toEqual(expect.arrayContaining(["driver", "verified"]));
    expect(await found({ q: "тігінші" })).toEqual(["kazakh"]);
    // Typed on a Russian layout: the folded letters still find the Kazakh word.
    expect(await found({ q: "тигинши" })).toEqual(["kazakh"]);
    // Specializations' names are searched in both languages.
    expect(await found({ q: "жүргізуші" })).toEqual(expect.arrayContaining(["driver", "verified", "kazakh"]));
    expect(await found({ q: "жүргізуші" })).not.toContain("accountant");
    const typo = await searchResumes(org, { q: "бухгалтр" });
    expect(typo.corrections).toEqual([{ from: "бухгалтр", to: "бухгалтер" }]);
    expect(typo.items.map((c) => c.publicId)).toEqual([r.accountant!.publicId]);
    // Skills, positions and the text about oneself are searched too.
    expect(await found({ q: "тахограф" })).toEqual(["driver"]);
    expect(await found({ q: "экспедитор" })).toEqual(["driver"]);
    expect(await found({ q: "отчётность вовремя" })).toEqual(["accountant"]);
  });

  it("filters by place, with those ready to relocate there", async () => {
    expect(await found({ city: almaty.citySlug, q: "водитель" })).toEqual(expect.arrayContaining(["driver", "verified"]));
    expect(await found({ region: almaty.regionSlug })).not.toContain("kazakh");
    expect(await found({ region: almaty.regionSlug, relocate: true })).toContain("kazakh");
    expect(await found({ region: astana.regionSlug })).toEqual(expect.arrayContaining(["kazakh", "accountant"]));
    const unknown = await searchResumes(org, { region: "nowhere" });
    expect(unknown.notices).toContain("locationUnknown");
    expect(unknown.params.region).toBeNull();
  });

  it("filters by specialization (a group finds its members), salary, experience, languages, employment and schedule", async () => {
    expect(await found({ specializations: ["rs-accountant"] })).toEqual(["accountant"]);
    expect(await found({ specializations: ["rs-finance"] })).toEqual(["accountant"]);
    expect(await found({ specializations: ["rs-transport"] })).not.toContain("accountant");
    const unknown = await searchResumes(org, { specializations: ["rs-unknown"] });
    expect(unknown.notices).toContain("specializationUnknown");

    // Resumes without a salary stay unless only those with one are asked for.
    const range = await found({ salaryFrom: 400_000, salaryTo: 500_000 });
    expect(range).toEqual(expect.arrayContaining(["driver", "kazakh"]));
    expect(range).not.toContain("accountant");
    expect(range).not.toContain("verified");
    expect(await found({ salaryFrom: 400_000, salaryTo: 500_000, withSalary: true })).toEqual(["driver"]);

    // 2019-04…2024-02 and 2024-03…now: more than five years; a year's work is not two.
    expect(await found({ experienceYears: 5 })).toEqual(["driver"]);
    expect(await found({ experienceYears: 1 })).toEqual(expect.arrayContaining(["driver", "accountant"]));
    expect(await found({ experienceYears: 2 })).not.toContain("accountant");

    expect(await found({ languages: ["kk", "ru"] })).toEqual(["driver"]);
    expect(await found({ languages: ["kk", "en"] })).toEqual([]);
    expect(await found({ employment: ["PART_TIME"] })).toEqual(["kazakh"]);
    expect(await found({ schedule: ["SHIFT", "ROTATION"] })).toEqual(expect.arrayContaining(["driver", "kazakh"]));
  });

  it("filters by licence category, and by categories a driving school confirmed", async () => {
    expect(await found({ licences: ["C"] })).toEqual(expect.arrayContaining(["driver", "verified"]));
    expect(await found({ licences: ["C"], verified: true })).toEqual(["verified"]);
    expect(await found({ licences: ["D"], verified: true })).toEqual([]);
    expect(await found({ verified: true })).toEqual(["verified"]);
    const [card] = (await searchResumes(org, { licences: ["C"], verified: true })).items;
    expect(card?.verifiedCategories).toEqual(["C"]);
  });

  it("filters by update date and sorts by relevance or by update date, a page of 20 with the total", async () => {
    expect(await found({ q: "кладовщик", period: 7 })).toEqual(["except"]);
    expect(await found({ q: "кладовщик" })).toEqual(expect.arrayContaining(["except", "old"]));
    expect(await found({ q: "кладовщик", sort: "date" })).toEqual(["except", "old"]);
    const all = await searchResumes(org, {});
    expect(all.total).toBe(6);
    expect(all.pageCount).toBe(1);
    expect(all.items.map((c) => c.updatedAt.getTime())).toEqual(
      [...all.items.map((c) => c.updatedAt.getTime())].sort((a, b) => b - a),
    );
    // Title "Водитель-экспедитор" ranks above a resume that only has the word in a position.
    expect((await found({ q: "экспедитор водитель" }))[0]).toBe("driver");
    expect((await searchResumes(org, { page: 2 })).items).toEqual([]);
  });

  it("shows cards without name, photo or contacts", async () => {
    const [card] = (await searchResumes(org, { q: "тахограф" })).items;
    expect(card).toEqual({
      publicId: r.driver!.publicId,
      title: "Водитель-экспедитор",
      city: { nameRu: "Город rs-almaty", nameKk: "Қала rs-almaty" },
      desiredSalary: 450_000,
      experienceMonths: expect.any(Number),
      lastPosition: "Водитель",
      skills: ["Тахограф", "Погрузчик"],
      licences: ["B", "C"],
      verifiedCategories: [],
      updatedAt: expect.any(Date),
    });
    expect(card!.experienceMonths).toBeGreaterThanOrEqual(59 + 33);
  });
});

describe("who finds which resume", () => {
  it("lists ALL and ALL_EXCEPT resumes (not to the excepted organisation), never APPLIED_ONLY or HIDDEN ones", async () => {
    expect(await found({ q: "кладовщик" })).toEqual(expect.arrayContaining(["except", "old"]));
    expect(await found({ q: "кладовщик" })).not.toEqual(expect.arrayContaining(["appliedOnly"]));
    expect(await found({ q: "кладовщик" })).not.toEqual(expect.arrayContaining(["hidden"]));
    expect(await found({ q: "кладовщик" }, otherOrg)).toEqual(["old"]);
  });

  it("agrees with opening a resume: what the search lists the organisation may open, and nothing else", async () => {
    for (const organizationId of [org, otherOrg]) {
      const listed = new Set((await searchResumes(organizationId, {})).items.map((c) => c.publicId));
      for (const [name, v] of Object.entries(r)) {
        const opens = await getResumeForOrganization(organizationId, v.publicId).then(
          () => true,
          () => false,
        );
        expect({ name, organizationId, listed: listed.has(v.publicId) }).toEqual({ name, organizationId, listed: opens });
      }
    }
  });

  it("follows a resume's edits, moderation and deletion in the same transaction", async () => {
    const item = await resume("moving", { title: "Тракторист" });
    expect(await found({ q: "тракторист" })).toEqual(["moving"]);
    await updateResume(item.userId, item.id, resumeInputSchema.parse(input({ title: "Тракторист", visibility: "APPLIED_ONLY" })));
    expect(await found({ q: "тракторист" })).toEqual([]);
    await updateResume(item.userId, item.id, resumeInputSchema.parse(input({ title: "Комбайнёр" })));
    expect(await found({ q: "тракторист" })).toEqual([]);
    expect(await found({ q: "комбайнёр" })).toEqual(["moving"]);

    await hideResume({ resumeId: item.id, reason: "Реклама услуг в тексте резюме." }, as(staffId));
    expect(await found({ q: "комбайнёр" })).toEqual([]);
    await restoreResume({ resumeId: item.id }, as(staffId));
    expect(await found({ q: "комбайнёр" })).toEqual(["moving"]);

    await deleteResume(item.userId, item.id);
    expect(await found({ q: "комбайнёр" })).toEqual([]);
    delete r.moving;
  });

  it("drops a blocked seeker's resumes, and brings them back when the block is lifted", async () => {
    const item = await resume("blocked", { title: "Машинист экскаватора" });
    expect(await found({ q: "машинист" })).toEqual(["blocked"]);
    const { blockId } = await block(
      { target: { userId: item.userId }, reason: "Мошенничество с вакансиями" },
      as(staffId),
      "SUPERADMIN",
    );
    expect(await found({ q: "машинист" })).toEqual([]);
    expect(await errorOf(getResumeForOrganization(org, item.publicId))).toBe("NOT_FOUND errors.resumes.notFound");
    await liftBlock({ blockId, note: "Ошибка оператора, блокировка снята." }, as(staffId));
    expect(await found({ q: "машинист" })).toEqual(["blocked"]);
    delete r.blocked;
  });

  it("is closed to an unverified or blocked organisation", async () => {
    const owner = await createUser({ isSeeker: false });
    const unverified = await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }]);
    expect(await errorOf(searchResumes(unverified.id, {}))).toBe("FORBIDDEN errors.resumeDatabase.unverified");
    const blocked = await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }]);
    await db.organization.update({ where: { id: blocked.id }, data: { blockedAt: new Date(), blockReason: "Проверка" } });
    expect(await errorOf(searchResumes(blocked.id, {}))).toBe("FORBIDDEN errors.resumeDatabase.blocked");
  });
});

describe("bad input", () => {
  it("is refused with a translated message naming the field", async () => {
    expect(await errorOf(searchResumes(org, { salaryFrom: 500_000, salaryTo: 100_000 }))).toBe(
      "VALIDATION validation.resumeSearch.salaryRange",
    );
    expect(await errorOf(searchResumes(org, { page: 51 }))).toBe("VALIDATION validation.resumeSearch.page");
    expect(await errorOf(searchResumes(org, { salaryFrom: -1 }))).toBe("VALIDATION validation.resumeSearch.salary");
    expect(await errorOf(searchResumes(org, { q: "x".repeat(201) }))).toBe("VALIDATION validation.resumeSearch.queryTooLong");
    expect(await errorOf(searchResumes(org, { experienceYears: 0 }))).toBe("VALIDATION validation.resumeSearch.experience");
    expect(await errorOf(searchResumes(org, { languages: ["xx" as "kk"] }))).toBe(
      "VALIDATION validation.resumeSearch.unknownValue",
    );
    expect(await errorOf(searchResumes(org, { period: 2 as 1 }))).toBe("VALIDATION validation.resumeSearch.period");
  });
});

describe("the order of results, however they are found", () => {
  const cranes: string[] = [];
  beforeAll(async () => {
    // 25 matches, each updated a minute before the previous one.
    for (let i = 0; i < 25; i++) {
      const name = `crane${i}`;
      await resume(name, { title: i % 5 === 0 ? "Крановщик, помощник крановщика" : `Крановщик ${i}`, cityId: astana.cityId });
      await db.$executeRaw`UPDATE resumes SET updated_at = now() - make_interval(mins => ${i}) WHERE id = ${r[name]!.id}`;
      cranes.push(name);
    }
    await refreshResumeSearch(
      db,
      cranes.map((name) => r[name]!.id),
    );
  });

  const names = async (params: ResumeSearchInput, walkRows?: number) => {
    const result = await searchResumes(org, params, walkRows === undefined ? {} : { walkRows });
    const byPublicId = new Map(Object.entries(r).map(([name, v]) => [v.publicId, name]));
    return result.items.map((card) => byPublicId.get(card.publicId));
  };

  it("lists newest first, page after page, whether the walk finds the page or the index does", async () => {
    for (const walkRows of [undefined, 30, 3]) {
      expect(await names({ q: "крановщик", sort: "date" }, walkRows)).toEqual(cranes.slice(0, 20));
      expect(await names({ q: "крановщик", sort: "date", page: 2 }, walkRows)).toEqual(cranes.slice(20));
      expect(await names({ city: astana.citySlug, q: "крановщик", sort: "date", page: 2 }, walkRows)).toEqual(cranes.slice(20));
      // Filters the walk cannot narrow by (the text of every fifth one) leave it to the index.
      expect(await names({ q: "помощник", sort: "date" }, walkRows)).toEqual(cranes.filter((_, i) => i % 5 === 0));
    }
  });

  it("ranks the newest matches the walk finds by relevance, in whole pages, and goes on by date", async () => {
    // A walk of 30 rows finds all 25; the newest 20 (one whole page) are ranked: those that name
    // the word twice first, equal ranks in update order.
    const broad = await names({ q: "крановщик" }, 30);
    const window = cranes.slice(0, 20);
    expect(broad).toEqual([...window.filter((_, i) => i % 5 === 0), ...window.filter((_, i) => i % 5 !== 0)]);
    // The next page goes on by date: nothing repeated, nothing skipped.
    expect(await names({ q: "крановщик", page: 2 }, 30)).toEqual(cranes.slice(20));
    // A walk that finds less than a page: the words are rare, the index's newest matches (all 25
    // here) are ranked.
    const others = cranes.filter((_, i) => i % 5 !== 0);
    expect(await names({ q: "крановщик" }, 3)).toEqual([...cranes.filter((_, i) => i % 5 === 0), ...others.slice(0, 15)]);
    expect(await names({ q: "крановщик", page: 2 }, 3)).toEqual(others.slice(15));
  });

  it("filters by experience through its year keys exactly as the months of experience count", async () => {
    // Every combination of stored months (up to past the 50 years the keys reach), an ongoing job,
    // when they were counted and when the search runs (including a clock behind the count): the
    // indexed condition and the function agree (NULL, where nothing is ongoing, filters a row out
    // as false does). The rows live in a copy of the table with its generated columns.
    const disagreements = await db.$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE experience_grid (LIKE resume_search INCLUDING DEFAULTS INCLUDING GENERATED) ON COMMIT DROP`;
      await tx.$executeRaw`
        INSERT INTO experience_grid (resume_id, user_id, public_id, relocation_region_ids, specialization_ids,
          licence_categories, verified_categories, languages, employment_types, schedules, experience_months,
          experience_ongoing, experience_counted_at, hidden_from, updated_at, search_vector)
        SELECT row_number() OVER (), 0, gen_random_uuid(), '{}', '{}', '{}', '{}', '{}', '{}', '{}', months, o.ongoing,
               c.counted_at, '{}', now(), ''
        FROM generate_series(0, 620, 7) AS months,
             (VALUES (true), (false)) AS o(ongoing),
             (VALUES (timestamptz '2026-01-31 23:30+00'), (timestamptz '2026-02-01 00:10+00'), (timestamptz '2025-12-15 12:00+00')) AS c(counted_at)`;
      const found: { at: string; years: number; n: number }[] = [];
      for (const at of ["2026-02-01T00:00:00Z", "2026-12-31T23:59:00Z", "2025-06-01T00:00:00Z", "2031-07-15T00:00:00Z"]) {
        for (const years of [1, 2, 3, 5, 10, 49, 50]) {
          const rows = await tx.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM experience_grid rs
            WHERE (resume_experience_months(rs.experience_months, rs.experience_ongoing, rs.experience_counted_at, ${new Date(at)}::timestamptz) >= ${12 * years})
               IS DISTINCT FROM coalesce(${experienceAtLeastSql(years, new Date(at))}, false)`;
          found.push({ at, years, n: rows[0]?.n ?? -1 });
        }
      }
      return found.filter((f) => f.n !== 0);
    });
    expect(disagreements).toEqual([]);
    for (const at of ["2026-01-31T23:30:00Z", "2026-02-01T00:10:00Z", "2024-12-31T23:59:59Z"]) {
      const sql = await db.$queryRaw<{ m: number }[]>`SELECT utc_month_number(${new Date(at)}::timestamptz) AS m`;
      expect(utcMonthNumber(new Date(at))).toBe(sql[0]?.m);
    }
  });

  it("counts an ongoing experience again once it completes a year, and finds it the same before and after", async () => {
    const driver = r.driver!.id;
    const row = async () =>
      (
        await db.$queryRaw<{ months: number; years: number[]; next: number | null; counted: Date }[]>`
          SELECT experience_months AS months, experience_years AS years, experience_next_year_month AS next,
                 experience_counted_at AS counted
          FROM resume_search WHERE resume_id = ${driver}`
      )[0]!;
    const now = new Date();
    const fresh = await row();
    expect(fresh.next).toBeGreaterThan(utcMonthNumber(now));
    // As if counted 13 months ago: its experience has completed another year since.
    await db.$executeRaw`
      UPDATE resume_search SET experience_counted_at = experience_counted_at - interval '13 months' WHERE resume_id = ${driver}`;
    const stale = await row();
    expect(stale.next).toBeLessThanOrEqual(utcMonthNumber(now));
    const years = Math.floor((fresh.months + 13) / 12);
    expect(stale.years).not.toContain(years);
    try {
      expect(await found({ experienceYears: years })).toContain("driver");
      expect(await found({ experienceYears: years + 1 })).not.toContain("driver");

      expect(await refreshExperienceYears(now, { batch: 2 })).toBeGreaterThanOrEqual(1);
      const counted = await row();
      expect(counted.months).toBe(fresh.months + 13);
      expect(counted.years).toContain(years);
      expect(counted.next).toBeGreaterThan(utcMonthNumber(now));
      expect(counted.counted.getTime()).toBe(now.getTime());
      expect(await found({ experienceYears: years })).toContain("driver");
      expect(await found({ experienceYears: years + 1 })).not.toContain("driver");
      // Nothing is left to count: a second call does nothing.
      expect(await refreshExperienceYears(now)).toBe(0);
    } finally {
      await refreshResumeSearch(db, [driver]);
    }
  });
});
