import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { MAX_RESUMES, resumeInputSchema, type ResumeInput } from "@/lib/validation/resume";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import {
  createResume,
  deleteResume,
  duplicateResume,
  findOrganizationsToHideFrom,
  getMyResume,
  getResumeForOrganization,
  listMyResumes,
  updateResume,
} from "./resumes";

let cityId = 0;
let regionId = 0;
let specId = 0;
let groupSpecId = 0;
let orgA = 0;
let orgB = 0;

const errorKey = (run: () => Promise<unknown>) =>
  run().then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

function input(overrides: Partial<ResumeInput> = {}): ResumeInput {
  return {
    title: "Водитель категории C",
    desiredSalary: 450_000,
    cityId,
    relocationRegionIds: [regionId],
    specializationIds: [specId],
    employmentTypes: ["FULL_TIME"],
    schedules: ["SHIFT"],
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
    educations: [
      { level: "VOCATIONAL", institution: "Алматинский колледж транспорта", speciality: "Автомеханик", graduationYear: 2018 },
    ],
    languages: [
      { language: "kk", level: "NATIVE" },
      { language: "ru", level: "C1" },
    ],
    skills: ["Категория C", "Тахограф", "тахограф"],
    licences: [
      { category: "B", yearObtained: 2015 },
      { category: "C", yearObtained: 2018 },
    ],
    about: "Без аварий.\n\n\n\nГотов к командировкам.",
    visibility: "ALL",
    hiddenOrganizationIds: [],
    ...overrides,
  };
}

const create = (userId: number, overrides: Partial<ResumeInput> = {}) =>
  createResume(userId, resumeInputSchema.parse(input(overrides)));

async function seeker() {
  return createUser({ isSeeker: true, verified: true });
}

async function applyTo(orgId: number, seekerId: number, resumeId: number | null) {
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: orgId,
      title: "Водитель",
      slug: "voditel",
      description: "<p>Описание.</p>",
      cityId,
      status: "PUBLISHED",
      publishedAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await db.application.create({ data: { vacancyId: vacancy.id, seekerId, resumeId } });
}

beforeAll(async () => {
  const region = await db.region.create({
    data: { slug: "resume-region", nameRu: "Алматинская область", nameKk: "Алматы облысы" },
  });
  regionId = region.id;
  cityId = (await db.city.create({ data: { regionId, slug: "resume-city", nameRu: "Талдыкорган", nameKk: "Талдықорған" } })).id;
  const group = await db.specialization.create({ data: { slug: "resume-transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  groupSpecId = group.id;
  specId = (
    await db.specialization.create({
      data: { slug: "resume-driver", nameRu: "Водитель", nameKk: "Жүргізуші", parentId: group.id },
    })
  ).id;
  const owner = await createUser();
  orgA = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  orgB = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  await db.organization.updateMany({ where: { id: { in: [orgA, orgB] } }, data: { verification: "VERIFIED" } });
});

const publicIdOf = async (id: number) =>
  (await db.resume.findUniqueOrThrow({ where: { id }, select: { publicId: true } })).publicId;

describe("a seeker's resumes", () => {
  it("creates a full resume, cleaned, and reads it back in order", async () => {
    const s = await seeker();
    const { id } = await create(s.id);
    const resume = await getMyResume(s.id, id);
    expect(resume.title).toBe("Водитель категории C");
    expect(resume.skills).toEqual(["Категория C", "Тахограф"]);
    expect(resume.about).toBe("Без аварий.\n\nГотов к командировкам.");
    expect(resume.experiences.map((e) => e.position)).toEqual(["Водитель", "Экспедитор"]);
    expect(resume.experiences[0]?.startedOn.toISOString().slice(0, 10)).toBe("2019-04-01");
    expect(resume.experiences[1]?.endedOn).toBeNull();
    expect(resume.licences).toEqual([
      { category: "B", yearObtained: 2015 },
      { category: "C", yearObtained: 2018 },
    ]);
    expect(resume.languages.map((l) => l.language)).toEqual(["kk", "ru"]);
    expect(resume.relocationRegions.map((r) => r.region.id)).toEqual([regionId]);
    expect((await listMyResumes(s.id)).map((r) => r.id)).toEqual([id]);
  });

  it("replaces every part on update, in one go", async () => {
    const s = await seeker();
    const { id } = await create(s.id);
    await updateResume(
      s.id,
      id,
      resumeInputSchema.parse(
        input({ title: "Экспедитор", experiences: [], licences: [{ category: "CE", yearObtained: null }], languages: [] }),
      ),
    );
    const resume = await getMyResume(s.id, id);
    expect(resume.title).toBe("Экспедитор");
    expect(resume.experiences).toEqual([]);
    expect(resume.licences).toEqual([{ category: "CE", yearObtained: null }]);
    expect(resume.languages).toEqual([]);
  });

  it("never shows, changes or deletes another seeker's resume", async () => {
    const owner = await seeker();
    const other = await seeker();
    const { id } = await create(owner.id);
    expect(await errorKey(() => getMyResume(other.id, id))).toBe("errors.resumes.notFound");
    expect(await errorKey(() => updateResume(other.id, id, resumeInputSchema.parse(input({ title: "Чужое" }))))).toBe(
      "errors.resumes.notFound",
    );
    expect(await errorKey(() => deleteResume(other.id, id))).toBe("errors.resumes.notFound");
    expect(await errorKey(() => duplicateResume(other.id, id, "(копия)"))).toBe("errors.resumes.notFound");
    expect((await getMyResume(owner.id, id)).title).toBe("Водитель категории C");
  });

  it("copies a resume as hidden and deletes one", async () => {
    const s = await seeker();
    const { id } = await create(s.id);
    const copy = await duplicateResume(s.id, id, "(копия)");
    const copied = await getMyResume(s.id, copy.id);
    expect(copied.title).toBe("Водитель категории C (копия)");
    expect(copied.visibility).toBe("HIDDEN");
    expect(copied.experiences).toHaveLength(2);
    await deleteResume(s.id, id);
    expect((await listMyResumes(s.id)).map((r) => r.id)).toEqual([copy.id]);
  });

  it(`stops at ${MAX_RESUMES} resumes, even when several are created at once`, async () => {
    const s = await seeker();
    const results = await Promise.allSettled(Array.from({ length: MAX_RESUMES + 5 }, () => create(s.id, { experiences: [] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_RESUMES);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.map((r) => (r.reason as DomainError).messageKey)).toEqual(Array(5).fill("errors.resumes.tooMany"));
    expect(await db.resume.count({ where: { userId: s.id } })).toBe(MAX_RESUMES);
  });
});

describe("bad input is refused and nothing is written", () => {
  const cases: [string, () => Partial<ResumeInput>, string][] = [
    ["negative salary", () => ({ desiredSalary: -5 }), "validation.salaryInvalid"],
    ["absurd salary", () => ({ desiredSalary: 9_000_000_000 }), "validation.salaryTooHigh"],
    ["title too long", () => ({ title: "В".repeat(151) }), "validation.resumeTitleTooLong"],
    ["HTML in the title", () => ({ title: "<script>alert(1)</script>" }), "validation.noMarkup"],
    ["HTML in the about text", () => ({ about: 'Привет <img src=x onerror="alert(1)">' }), "validation.noMarkup"],
    ["about over the limit", () => ({ about: "а".repeat(5001) }), "validation.aboutTooLong"],
    ["no specialization", () => ({ specializationIds: [] }), "validation.specializationsRequired"],
    [
      "a licence twice",
      () => ({
        licences: [
          { category: "B", yearObtained: 2015 },
          { category: "B", yearObtained: null },
        ],
      }),
      "validation.licenceRepeated",
    ],
    [
      "a licence from the future",
      () => ({ licences: [{ category: "B", yearObtained: new Date().getUTCFullYear() + 1 }] }),
      "validation.yearInFuture",
    ],
    [
      "a job that ends before it starts",
      () => ({ experiences: [{ company: "ТОО", position: "Водитель", startedOn: "2022-05", endedOn: "2021-01" }] }),
      "validation.endBeforeStart",
    ],
    [
      "a month in a wrong format",
      () => ({ experiences: [{ company: "ТОО", position: "Водитель", startedOn: "05.2022" }] }),
      "validation.monthFormat",
    ],
    [
      "a language twice",
      () => ({
        languages: [
          { language: "ru", level: "C1" },
          { language: "ru", level: "A1" },
        ],
      }),
      "validation.languageRepeated",
    ],
    ["too many skills", () => ({ skills: Array.from({ length: 31 }, (_, i) => `навык ${i}`) }), "validation.skillsTooMany"],
    ["all except nobody", () => ({ visibility: "ALL_EXCEPT", hiddenOrganizationIds: [] }), "validation.hiddenRequired"],
  ];
  for (const [name, overrides, key] of cases) {
    it(name, async () => {
      const s = await seeker();
      expect(await errorKey(async () => create(s.id, overrides()))).toBe(key);
      expect(await db.resume.count({ where: { userId: s.id } })).toBe(0);
    });
  }

  it("unknown catalogue values and organisations", async () => {
    const s = await seeker();
    expect(await errorKey(() => create(s.id, { cityId: 999_999 }))).toBe("errors.cityUnknown");
    expect(await errorKey(() => create(s.id, { relocationRegionIds: [999_999] }))).toBe("errors.resumes.regionUnknown");
    expect(await errorKey(() => create(s.id, { specializationIds: [groupSpecId] }))).toBe("errors.resumes.specializationUnknown");
    expect(await errorKey(() => create(s.id, { visibility: "ALL_EXCEPT", hiddenOrganizationIds: [999_999] }))).toBe(
      "errors.resumes.organizationUnknown",
    );
    expect(await db.resume.count({ where: { userId: s.id } })).toBe(0);
  });

  it("a failed update leaves the resume as it was", async () => {
    const s = await seeker();
    const { id } = await create(s.id);
    expect(
      await errorKey(() => updateResume(s.id, id, resumeInputSchema.parse(input({ title: "Новое", cityId: 999_999 })))),
    ).toBe("errors.cityUnknown");
    const resume = await getMyResume(s.id, id);
    expect(resume.title).toBe("Водитель категории C");
    expect(resume.experiences).toHaveLength(2);
  });
});

describe("resume visibility as an employer sees it", () => {
  const sees = async (orgId: number, resumeId: number) =>
    getResumeForOrganization(orgId, await publicIdOf(resumeId)).then(
      (r) => (r.seeker.email ? "with contacts" : "without contacts"),
      (e: unknown) => (e instanceof DomainError ? e.messageKey : String(e)),
    );

  it("ALL: every organisation, contacts only after an application", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "ALL" });
    expect(await sees(orgA, id)).toBe("without contacts");
    await applyTo(orgA, s.id, null);
    expect(await sees(orgA, id)).toBe("with contacts");
    expect(await sees(orgB, id)).toBe("without contacts");
    const seen = await getResumeForOrganization(orgB, await publicIdOf(id));
    expect(seen.seeker.phone).toBeNull();
    expect(seen.resume).not.toHaveProperty("visibility");
  });

  it("APPLIED_ONLY: only organisations the seeker applied to", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "APPLIED_ONLY" });
    expect(await sees(orgA, id)).toBe("errors.resumes.notFound");
    await applyTo(orgA, s.id, null);
    expect(await sees(orgA, id)).toBe("with contacts");
    expect(await sees(orgB, id)).toBe("errors.resumes.notFound");
  });

  it("HIDDEN: nobody, except an organisation it was sent to with an application", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "HIDDEN" });
    await applyTo(orgB, s.id, null);
    expect(await sees(orgA, id)).toBe("errors.resumes.notFound");
    expect(await sees(orgB, id)).toBe("errors.resumes.notFound");
    await applyTo(orgA, s.id, id);
    expect(await sees(orgA, id)).toBe("with contacts");
  });

  it("ALL_EXCEPT: everyone but the listed organisations", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "ALL_EXCEPT", hiddenOrganizationIds: [orgA] });
    expect(await sees(orgA, id)).toBe("errors.resumes.notFound");
    expect(await sees(orgB, id)).toBe("without contacts");
  });

  it("a withdrawn application no longer opens a hidden resume", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "APPLIED_ONLY" });
    await applyTo(orgA, s.id, id);
    await db.application.updateMany({ where: { seekerId: s.id }, data: { status: "WITHDRAWN" } });
    expect(await sees(orgA, id)).toBe("errors.resumes.notFound");
  });
});

describe("organisations to hide a resume from", () => {
  it("finds verified organisations by name only", async () => {
    const verified = await db.organization.update({
      where: { id: orgA },
      data: { verification: "VERIFIED", displayName: "Кайнар Логистик" },
    });
    await db.organization.update({ where: { id: orgB }, data: { verification: "PENDING", displayName: "Кайнар Строй" } });
    expect((await findOrganizationsToHideFrom("кайнар")).map((o) => o.id)).toEqual([verified.id]);
    expect(await findOrganizationsToHideFrom("к")).toEqual([]);
  });
});

describe("resumes beyond an organisation's own applications", () => {
  const sees = async (orgId: number, publicId: string) =>
    getResumeForOrganization(orgId, publicId).then(
      (r) => (r.seeker.email ? "with contacts" : "without contacts"),
      (e: unknown) => (e instanceof DomainError ? e.messageKey : String(e)),
    );

  it("only a verified, unblocked organisation opens resumes open to all", async () => {
    const owner = await createUser();
    const pending = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
    await db.organization.update({ where: { id: pending }, data: { verification: "PENDING" } });
    const s = await seeker();
    const all = await publicIdOf((await create(s.id, { visibility: "ALL" })).id);
    const except = await publicIdOf((await create(s.id, { visibility: "ALL_EXCEPT", hiddenOrganizationIds: [orgB] })).id);

    expect(await sees(pending, all)).toBe("errors.resumes.notFound");
    expect(await sees(pending, except)).toBe("errors.resumes.notFound");
    await db.organization.update({ where: { id: pending }, data: { verification: "VERIFIED" } });
    expect(await sees(pending, all)).toBe("without contacts");
    expect(await sees(pending, except)).toBe("without contacts");
    await db.organization.update({ where: { id: pending }, data: { blockedAt: new Date(), blockReason: "spam" } });
    expect(await sees(pending, all)).toBe("errors.resumes.notFound");
  });

  it("an unverified organisation still sees what was sent to it", async () => {
    const owner = await createUser();
    const fresh = (await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "HIDDEN" });
    await applyTo(fresh, s.id, id);
    expect(await sees(fresh, await publicIdOf(id))).toBe("with contacts");
  });

  it("resumes are named by a random public id, never by their number", async () => {
    const s = await seeker();
    const { id } = await create(s.id, { visibility: "ALL" });
    const publicId = await publicIdOf(id);
    expect(publicId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await sees(orgA, publicId)).toBe("without contacts");
    expect(await sees(orgA, String(id))).toBe("errors.resumes.notFound");
    expect(await sees(orgA, "00000000-0000-4000-8000-000000000000")).toBe("errors.resumes.notFound");
  });
});
