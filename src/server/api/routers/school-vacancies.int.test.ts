import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { EMPTY_SEARCH } from "@/lib/search/params";
import { organizationPath } from "@/lib/urls";
import { db } from "@/server/db";
import { decideVacancy } from "@/server/services/admin/moderation";
import { searchVacancies } from "@/server/services/search/search-vacancies";

import { createOrganization, createUser, grantEntitlement, signedIn } from "../../../../test/support/factories";
import { createSchool, type SchoolFixture } from "../../../../test/support/school-factories";

import { createCaller } from "../root";
import { createContext } from "../trpc";

// A driving school hires its instructors and teachers through the employers' vacancy editor,
// moderation, publication credits and applicant inbox; the school's monthly plan (which pays for
// the trainee registry) is not needed for that.

const DAY = 86_400_000;
const DUTIES =
  "Обучение курсантов практическому вождению категории B по городу и на автодроме. Обязанности: занятия по графику, " +
  "контроль исправности учебного автомобиля, ведение журнала занятий. Требования: права категории B и C, стаж от пяти лет, " +
  "свидетельство мастера производственного обучения.";
let cityId = 0;
let specializationId = 0;
let moderator = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "school-hire-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "school-hire-city", nameRu: "Город", nameKk: "Қала" } }))
    .id;
  specializationId = (
    await db.specialization.create({ data: { slug: "school-hire-instructor", nameRu: "Инструктор", nameKk: "Нұсқаушы" } })
  ).id;
  moderator = (await createUser({ staffRole: "MODERATOR" })).id;
});

const vacancy = () => ({
  title: "Инструктор по вождению",
  specializationIds: [specializationId],
  cityId,
  salaryFrom: 350_000,
  salaryTo: 450_000,
  experience: "FROM_3_TO_6" as const,
  employmentType: "FULL_TIME" as const,
  schedule: "FULL_DAY" as const,
  licenceCategories: ["B" as const],
  description: `<p>${DUTIES}</p>`,
  publicationType: "STANDARD" as const,
});

const as = async (userId: number) => createCaller(createContext({ user: await signedIn(userId), ip: "203.0.113.9" }));
const standardCredit = (organizationId: number) =>
  grantEntitlement({
    organizationId,
    productCode: "vacancy.standard",
    unitsTotal: 1,
    validFrom: new Date(Date.now() - DAY),
    validUntil: new Date(Date.now() + 30 * DAY),
  });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? { code: e.code, message: e.message } : e),
  );
const vacancyCount = (organizationId: number) => db.vacancy.count({ where: { organizationId } });

/** A school whose monthly plan has run out: the registry is read-only, hiring is not. */
async function schoolWithoutPlan(): Promise<SchoolFixture> {
  const school = await createSchool();
  await db.entitlement.updateMany({
    where: { organizationId: school.organizationId, kind: "SCHOOL_PLAN" },
    data: { validFrom: new Date(Date.now() - 40 * DAY), validUntil: new Date(Date.now() - DAY) },
  });
  return school;
}

describe("a driving school's vacancies", () => {
  it("are written, submitted with a publication credit, approved and listed on the school's public page, without the plan", async () => {
    const school = await schoolWithoutPlan();
    const organizationId = school.organizationId;
    const manager = await as(school.manager.userId);
    expect((await manager.school.status({ organizationId })).readOnlyReason).toBe("noPlan");

    const { id } = await manager.employer.vacancies.create({ organizationId, vacancy: vacancy() });
    // No credit of the type: refused at submission with the reason, the draft stays a draft.
    expect(await refusal(manager.employer.vacancies.submit({ organizationId, vacancyId: id }))).toEqual({
      code: "CONFLICT",
      message: "errors.billing.noCredit",
    });
    expect((await manager.employer.vacancies.get({ organizationId, vacancyId: id })).status).toBe("DRAFT");

    await standardCredit(organizationId);
    await manager.employer.vacancies.submit({ organizationId, vacancyId: id });
    await decideVacancy({ vacancyId: id, decision: "approve" }, { userId: moderator, ip: null });
    expect((await manager.employer.vacancies.get({ organizationId, vacancyId: id })).status).toBe("PUBLISHED");

    // The school's page lists its open vacancies through the public rule, each card linking back to the school.
    const listed = await searchVacancies({ ...EMPTY_SEARCH, company: organizationId, sort: "date" }, { locale: "ru" });
    const card = [...listed.priority, ...listed.items].find((v) => v.id === id);
    expect(card?.company).toMatchObject({ id: organizationId, type: "DRIVING_SCHOOL" });
    expect(organizationPath(card!.company!)).toMatch(new RegExp(`^/school/${organizationId}-`));

    // Archived, it leaves the page.
    await manager.employer.vacancies.archive({ organizationId, vacancyId: id });
    const after = await searchVacancies({ ...EMPTY_SEARCH, company: organizationId, sort: "date" }, { locale: "ru" });
    expect([...after.priority, ...after.items].map((v) => v.id)).not.toContain(id);
  });

  it("owners, managers and observers read them; only owners and managers write; an instructor takes no part in hiring", async () => {
    const school = await createSchool();
    const organizationId = school.organizationId;
    const { id } = await (await as(school.owner.userId)).employer.vacancies.create({ organizationId, vacancy: vacancy() });
    for (const [member, readsAs] of [
      [school.observer, "errors.org.roleTooLow"],
      [school.instructorA, "errors.org.notForRole"],
    ] as const) {
      const caller = await as(member.userId);
      if (member === school.observer) {
        expect((await caller.employer.vacancies.list({ organizationId })).map((v) => v.id)).toEqual([id]);
        expect((await caller.employer.applications.list({ organizationId })).items).toEqual([]);
      } else {
        for (const read of [
          caller.employer.vacancies.list({ organizationId }),
          caller.employer.applications.list({ organizationId }),
        ]) {
          expect(await refusal(read)).toMatchObject({ code: "FORBIDDEN", message: "errors.org.notForRole" });
        }
      }
      const before = await vacancyCount(organizationId);
      expect(await refusal(caller.employer.vacancies.create({ organizationId, vacancy: vacancy() }))).toMatchObject({
        code: "FORBIDDEN",
        message: readsAs,
      });
      expect(await refusal(caller.employer.vacancies.deleteDraft({ organizationId, vacancyId: id }))).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await vacancyCount(organizationId)).toBe(before);
    }
  });

  it("another school, an employer and a seeker see none of them", async () => {
    const school = await createSchool();
    const organizationId = school.organizationId;
    await (await as(school.manager.userId)).employer.vacancies.create({ organizationId, vacancy: vacancy() });
    const other = await createSchool();
    const employerOwner = await createUser();
    await createOrganization("EMPLOYER", [{ userId: employerOwner.id, role: "OWNER" }]);
    const seeker = await createUser({ isSeeker: true });
    for (const userId of [other.owner.userId, employerOwner.id, seeker.id]) {
      const caller = await as(userId);
      expect(await refusal(caller.employer.vacancies.list({ organizationId }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(caller.employer.vacancies.create({ organizationId, vacancy: vacancy() }))).toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect(await vacancyCount(organizationId)).toBe(1);
  });

  it("a blocked school only reads; an unverified one drafts but does not submit", async () => {
    const blocked = await createSchool();
    await standardCredit(blocked.organizationId);
    const manager = await as(blocked.manager.userId);
    const { id } = await manager.employer.vacancies.create({ organizationId: blocked.organizationId, vacancy: vacancy() });
    await db.organization.update({
      where: { id: blocked.organizationId },
      data: { blockedAt: new Date(), blockReason: "Проверка" },
    });
    expect(await refusal(manager.employer.vacancies.submit({ organizationId: blocked.organizationId, vacancyId: id }))).toEqual({
      code: "FORBIDDEN",
      message: "errors.org.blockedReadOnly",
    });
    expect((await manager.employer.vacancies.list({ organizationId: blocked.organizationId })).map((v) => v.status)).toEqual([
      "DRAFT",
    ]);

    const unverified = await createSchool();
    await db.organization.update({ where: { id: unverified.organizationId }, data: { verification: "PENDING" } });
    await standardCredit(unverified.organizationId);
    const owner = await as(unverified.owner.userId);
    const draft = await owner.employer.vacancies.create({ organizationId: unverified.organizationId, vacancy: vacancy() });
    expect(
      await refusal(owner.employer.vacancies.submit({ organizationId: unverified.organizationId, vacancyId: draft.id })),
    ).toEqual({ code: "CONFLICT", message: "errors.vacancy.orgNotVerified" });
    expect(
      await db.entitlement.aggregate({ where: { organizationId: unverified.organizationId }, _sum: { unitsUsed: true } }),
    ).toMatchObject({ _sum: { unitsUsed: 0 } });
  });

  it("their applicants reach the school's inbox with the resume they sent; owners and managers answer, observers only read, instructors see none of it", async () => {
    const school = await createSchool();
    const organizationId = school.organizationId;
    const vacancyId = (
      await db.vacancy.create({
        data: {
          organizationId,
          title: "Преподаватель ПДД",
          slug: "prepodavatel-pdd",
          description: `<p>${DUTIES}</p>`,
          cityId,
          status: "PUBLISHED",
          publishedAt: new Date(),
        },
      })
    ).id;
    const seeker = await createUser({ isSeeker: true, name: "Ержан Токтаров" });
    await db.user.update({ where: { id: seeker.id }, data: { phone: "+77011234567" } });
    const resume = await db.resume.create({
      data: { userId: seeker.id, title: "Инструктор по вождению", visibility: "HIDDEN" },
      select: { id: true, publicId: true },
    });
    const application = await db.application.create({ data: { vacancyId, seekerId: seeker.id, resumeId: resume.id } });

    const observer = await as(school.observer.userId);
    expect((await observer.employer.applications.list({ organizationId })).items.map((a) => a.id)).toEqual([application.id]);
    // A hidden resume opens for the school it was sent to, with the applicant's contacts.
    const seen = await observer.employer.resumes.get({ organizationId, resumeId: resume.publicId });
    expect(seen.seeker).toMatchObject({ name: "Ержан Токтаров", phone: "+77011234567" });
    expect(
      await refusal(
        observer.employer.applications.respond({ organizationId, applicationIds: [application.id], decision: "INVITE" }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    // The applicant's data goes only to those who hire: an instructor is refused the inbox and the resume.
    const instructor = await as(school.instructorA.userId);
    for (const read of [
      instructor.employer.applications.list({ organizationId }),
      instructor.employer.resumes.get({ organizationId, resumeId: resume.publicId }),
      instructor.employer.applications.respond({ organizationId, applicationIds: [application.id], decision: "INVITE" }),
    ]) {
      expect(await refusal(read)).toMatchObject({ code: "FORBIDDEN", message: "errors.org.notForRole" });
    }
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("SENT");

    await (
      await as(school.manager.userId)
    ).employer.applications.respond({
      organizationId,
      applicationIds: [application.id],
      decision: "INVITE",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("INVITED");
    // Another school does not see the resume.
    expect(
      await refusal(
        (await as((await createSchool()).owner.userId)).employer.resumes.get({ organizationId, resumeId: resume.publicId }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
  });
});
