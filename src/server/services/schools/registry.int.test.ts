import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";

import { createUser } from "../../../../test/support/factories";
import {
  adultTrainee,
  createSchool,
  daysFromToday,
  iinFor,
  registryCounts,
  today,
  yearsAgo,
  type SchoolFixture,
} from "../../../../test/support/school-factories";

import { changeTraineeStatus } from "./change-trainee-status";
import { createGroup } from "./create-group";
import { createTrainee } from "./create-trainee";
import { getTrainee } from "./get-trainee";
import { listGroups } from "./list-groups";
import { listInstructors } from "./list-instructors";
import { listTrainees } from "./list-trainees";
import { updateGroup } from "./update-group";
import { updateTrainee } from "./update-trainee";

const groupInput = (school: SchoolFixture, overrides: Record<string, unknown> = {}) => ({
  name: `B-${Math.random().toString(36).slice(2, 7)}`,
  category: "B" as const,
  startsOn: daysFromToday(-30),
  endsOn: daysFromToday(60),
  instructorId: school.instructorA.membershipId,
  schedule: "Пн, Ср, Пт 18:00–20:00",
  ...overrides,
});

/**
 * The call is refused with the key (a domain error with its code and field, or a form
 * validation error with the key on the field) and the registry's tables are as they were.
 */
async function refusedWithoutWriting(
  call: () => Promise<unknown>,
  expected: { code?: string; messageKey: string; field?: string },
) {
  const before = await registryCounts();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  if (error instanceof ZodError) {
    expect(error.issues.map((i) => i.message)).toContain(expected.messageKey);
    if (expected.field) expect(error.issues.find((i) => i.message === expected.messageKey)?.path[0]).toBe(expected.field);
  } else {
    expect(error).toMatchObject({ messageKey: expected.messageKey, ...(expected.code ? { code: expected.code } : {}) });
    if (expected.field) expect(error).toMatchObject({ options: { field: expected.field } });
  }
  expect(await registryCounts()).toEqual(before);
}

describe("groups", () => {
  it("are created by owners and managers, with the instructor's name, and audited", async () => {
    const school = await createSchool();
    const group = await createGroup(school.manager, school.organizationId, groupInput(school, { name: "  B-101 " }));
    expect(group).toMatchObject({
      name: "B-101",
      category: "B",
      instructor: { membershipId: school.instructorA.membershipId, name: "Сотрудник Автошколы" },
      trainees: 0,
    });
    const entry = await db.auditLog.findFirst({ where: { action: "school.group.create", entityId: String(group.id) } });
    expect(entry).toMatchObject({ actorId: school.manager.userId, entityType: "school_group" });
  });

  it("refuse bad input and write nothing", async () => {
    const school = await createSchool();
    const other = await createSchool();
    await createGroup(school.owner, school.organizationId, groupInput(school, { name: "Taken" }));
    const create = (overrides: Record<string, unknown>) => () =>
      createGroup(school.owner, school.organizationId, groupInput(school, overrides));
    await refusedWithoutWriting(create({ endsOn: daysFromToday(-31) }), { messageKey: "validation.school.endsBeforeStart" });
    await refusedWithoutWriting(create({ startsOn: "2026-02-30" }), { messageKey: "validation.trainee.date" });
    await refusedWithoutWriting(create({ category: "E" }), { messageKey: "validation.trainee.category" });
    await refusedWithoutWriting(create({ name: "" }), { messageKey: "validation.required" });
    await refusedWithoutWriting(create({ instructorId: other.instructorA.membershipId }), {
      code: "VALIDATION",
      messageKey: "errors.school.instructorUnknown",
      field: "instructorId",
    });
    await refusedWithoutWriting(create({ instructorId: school.observerMembershipId }), {
      messageKey: "errors.school.instructorUnknown",
    });
    await refusedWithoutWriting(create({ name: "Taken" }), { code: "CONFLICT", messageKey: "errors.school.groupNameTaken" });
  });

  it("are changed, but not to another category while trainees of theirs exist, nor to end before a trainee is old enough", async () => {
    const school = await createSchool();
    const group = await createGroup(school.owner, school.organizationId, groupInput(school));
    // 17 and a half: old enough for B only after the course ends in 8 months.
    const birthDate = yearsAgo(17, 180);
    await createGroup(school.owner, school.organizationId, groupInput(school, { name: "later", endsOn: daysFromToday(240) }));
    const late = (await listGroups(school.owner, school.organizationId)).find((g) => g.name === "later")!;
    await createTrainee(
      school.owner,
      school.organizationId,
      adultTrainee({
        birthDate,
        iin: iinFor(birthDate),
        groupId: late.id,
        guardian: { name: "Серикова Айгуль", relation: "мать", consentOn: daysFromToday(-1) },
      }),
    );
    const moved = await updateGroup(
      school.owner,
      school.organizationId,
      group.id,
      groupInput(school, { name: "B-7", instructorId: null }),
    );
    expect(moved).toMatchObject({ name: "B-7", instructor: null });
    await refusedWithoutWriting(
      () =>
        updateGroup(
          school.owner,
          school.organizationId,
          late.id,
          groupInput(school, { name: "later", category: "C", endsOn: daysFromToday(240) }),
        ),
      { code: "CONFLICT", messageKey: "errors.school.groupCategoryInUse" },
    );
    await refusedWithoutWriting(
      () =>
        updateGroup(
          school.owner,
          school.organizationId,
          late.id,
          groupInput(school, { name: "later", endsOn: daysFromToday(30) }),
        ),
      { code: "CONFLICT", messageKey: "errors.school.groupEndTooEarly" },
    );
    await refusedWithoutWriting(() => updateGroup(school.owner, school.organizationId, 999_999, groupInput(school)), {
      code: "NOT_FOUND",
      messageKey: "errors.school.groupNotFound",
    });
  });

  it("are listed to every member, to an instructor only the groups they teach", async () => {
    const school = await createSchool();
    const a = await createGroup(school.owner, school.organizationId, groupInput(school));
    const b = await createGroup(
      school.owner,
      school.organizationId,
      groupInput(school, { instructorId: school.instructorB.membershipId }),
    );
    const ids = async (actor: { userId: number; ip: string }) =>
      (await listGroups(actor, school.organizationId)).map((g) => g.id).sort();
    expect(await ids(school.observer)).toEqual([a.id, b.id].sort());
    expect(await ids(school.instructorA)).toEqual([a.id]);
    expect(await ids(school.instructorB)).toEqual([b.id]);
    const instructors = await listInstructors(school.manager, school.organizationId);
    expect(instructors.map((i) => i.membershipId)).not.toContain(school.observerMembershipId);
    expect(instructors.map((i) => i.membershipId)).toContain(school.instructorB.membershipId);
  });
});

describe("who may write", () => {
  it("observers and instructors may not; an unverified or blocked school may not; other schools' members may not", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const seeker = await createUser({ isSeeker: true });
    for (const actor of [school.observer, school.instructorA]) {
      await refusedWithoutWriting(() => createTrainee(actor, school.organizationId, adultTrainee()), {
        code: "FORBIDDEN",
        messageKey: "errors.org.roleTooLow",
      });
    }
    for (const actor of [other.owner, { userId: seeker.id, ip: null }]) {
      await refusedWithoutWriting(() => createGroup(actor, school.organizationId, groupInput(school)), {
        code: "FORBIDDEN",
        messageKey: "errors.forbidden",
      });
    }
    await refusedWithoutWriting(() => createTrainee({ userId: null, ip: null }, school.organizationId, adultTrainee()), {
      code: "UNAUTHORIZED",
      messageKey: "errors.unauthorized",
    });
    await db.organization.update({ where: { id: school.organizationId }, data: { verification: "PENDING" } });
    await refusedWithoutWriting(() => createTrainee(school.owner, school.organizationId, adultTrainee()), {
      code: "CONFLICT",
      messageKey: "errors.school.notVerified",
    });
    await db.organization.update({
      where: { id: school.organizationId },
      data: { verification: "VERIFIED", blockedAt: new Date(), blockReason: "Проверка" },
    });
    await refusedWithoutWriting(() => createGroup(school.owner, school.organizationId, groupInput(school)), {
      code: "CONFLICT",
      messageKey: "errors.school.blocked",
    });
    // Reading stays open to a blocked school's members.
    await expect(listTrainees(school.observer, school.organizationId, {})).resolves.toMatchObject({ total: 0 });
  });
});

describe("trainees", () => {
  it("are enrolled with the first row of their history, phone in E.164, and audited", async () => {
    const school = await createSchool();
    const input = adultTrainee();
    const trainee = await createTrainee(school.manager, school.organizationId, input);
    expect(trainee).toMatchObject({
      fullName: "Сериков Нурлан Болатович",
      iin: input.iin,
      birthDate: input.birthDate,
      phone: "+77012345678",
      status: "ENROLLED",
      certificate: null,
      guardian: null,
    });
    const details = await getTrainee(school.observer, school.organizationId, trainee.id);
    expect(details.history).toEqual([
      { status: "ENROLLED", effectiveOn: today(), note: null, changedBy: "Сотрудник Автошколы", recordedAt: expect.any(Date) },
    ]);
    expect(await db.auditLog.count({ where: { action: "school.trainee.create", entityId: String(trainee.id) } })).toBe(1);
  });

  it("refuse every bad input and write nothing", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const group = await createGroup(school.owner, school.organizationId, groupInput(school));
    const foreignGroup = await createGroup(other.owner, other.organizationId, groupInput(other));
    const taken = await createTrainee(school.owner, school.organizationId, adultTrainee());
    const create = (overrides: Record<string, unknown>) => () =>
      createTrainee(school.owner, school.organizationId, adultTrainee(overrides));
    const adult = adultTrainee();
    const wrongCheck = adult.iin.slice(0, 11) + String((Number(adult.iin[11]) + 1) % 10);
    const minorBirth = yearsAgo(16, 20);

    await refusedWithoutWriting(create({ iin: "12345678901" }), { messageKey: "validation.trainee.iinFormat" });
    await refusedWithoutWriting(create({ iin: "12345678901a" }), { messageKey: "validation.trainee.iinFormat" });
    await refusedWithoutWriting(() => createTrainee(school.owner, school.organizationId, { ...adult, iin: wrongCheck }), {
      code: "VALIDATION",
      messageKey: "validation.trainee.iinCheckDigit",
      field: "iin",
    });
    await refusedWithoutWriting(create({ iin: "140940016214" }), { messageKey: "validation.trainee.iinNotPerson" });
    await refusedWithoutWriting(
      () => createTrainee(school.owner, school.organizationId, { ...adult, birthDate: yearsAgo(30, 41) }),
      { messageKey: "validation.trainee.iinBirthDate", field: "birthDate" },
    );
    await refusedWithoutWriting(() => createTrainee(school.owner, school.organizationId, { ...adult, sex: "FEMALE" }), {
      messageKey: "validation.trainee.iinSex",
      field: "sex",
    });
    await refusedWithoutWriting(create({ birthDate: "1990-02-30" }), { messageKey: "validation.trainee.date" });
    await refusedWithoutWriting(create({ birthDate: minorBirth, iin: iinFor(minorBirth), category: "A1" }), {
      messageKey: "validation.trainee.guardianConsentRequired",
      field: "guardian",
    });
    await refusedWithoutWriting(
      create({
        birthDate: minorBirth,
        iin: iinFor(minorBirth),
        category: "A1",
        guardian: { name: "Серикова Айгуль", relation: "мать", consentOn: daysFromToday(1) },
      }),
      { messageKey: "validation.trainee.consentDateFuture" },
    );
    await refusedWithoutWriting(
      create({
        birthDate: minorBirth,
        iin: iinFor(minorBirth),
        category: "B",
        guardian: { name: "Серикова Айгуль", relation: "мать", consentOn: daysFromToday(-1) },
      }),
      { messageKey: "validation.trainee.tooYoungForCategory", field: "category" },
    );
    const twenty = yearsAgo(20, 3);
    await refusedWithoutWriting(create({ birthDate: twenty, iin: iinFor(twenty), category: "D" }), {
      messageKey: "validation.trainee.tooYoungForCategory",
    });
    await refusedWithoutWriting(create({ category: "B2" }), { messageKey: "validation.trainee.category" });
    await refusedWithoutWriting(create({ sex: "X" }), { messageKey: "validation.trainee.sex" });
    await refusedWithoutWriting(create({ phone: "+7 495 123 45 67" }), { messageKey: "validation.phoneKz" });
    await refusedWithoutWriting(create({ email: "not-an-email" }), { messageKey: "validation.email" });
    await refusedWithoutWriting(create({ fullName: "Я" }), { messageKey: "validation.nameTooShort" });
    await refusedWithoutWriting(create({ groupId: foreignGroup.id }), {
      messageKey: "errors.school.groupNotFound",
      field: "groupId",
    });
    await refusedWithoutWriting(create({ groupId: group.id, category: "A" }), {
      messageKey: "validation.trainee.categoryNotGroup",
      field: "category",
    });
    await refusedWithoutWriting(
      () => createTrainee(school.owner, school.organizationId, { ...adult, iin: taken.iin, birthDate: taken.birthDate }),
      {
        code: "CONFLICT",
        messageKey: "validation.trainee.iinTaken",
        field: "iin",
      },
    );
    // The same person may study at another school.
    await expect(
      createTrainee(other.owner, other.organizationId, { ...adultTrainee(), iin: taken.iin, birthDate: taken.birthDate }),
    ).resolves.toMatchObject({ iin: taken.iin });
  });

  it("keep a minor with the guardian's consent, and turn 16 in time for A1", async () => {
    const school = await createSchool();
    const birthDate = yearsAgo(16);
    const trainee = await createTrainee(
      school.owner,
      school.organizationId,
      adultTrainee({
        birthDate,
        iin: iinFor(birthDate, "FEMALE"),
        sex: "FEMALE",
        category: "A1",
        guardian: { name: "Серикова Айгуль", relation: "мать", consentOn: today() },
      }),
    );
    expect(trainee.guardian).toEqual({ name: "Серикова Айгуль", relation: "мать", consentOn: today() });
  });

  it("are corrected without losing their status; a twin IIN is refused", async () => {
    const school = await createSchool();
    const first = await createTrainee(school.owner, school.organizationId, adultTrainee());
    const second = await createTrainee(school.owner, school.organizationId, adultTrainee());
    await changeTraineeStatus(school.owner, school.organizationId, first.id, { status: "STUDYING" });
    const fixed = await updateTrainee(school.manager, school.organizationId, first.id, {
      ...adultTrainee({ birthDate: first.birthDate, iin: first.iin }),
      fullName: "Сериков Нурлан",
      phone: "",
      email: "",
    });
    expect(fixed).toMatchObject({ fullName: "Сериков Нурлан", phone: null, email: null, status: "STUDYING" });
    await refusedWithoutWriting(
      () =>
        updateTrainee(
          school.owner,
          school.organizationId,
          second.id,
          adultTrainee({ birthDate: first.birthDate, iin: first.iin }),
        ),
      { code: "CONFLICT", messageKey: "validation.trainee.iinTaken" },
    );
    const other = await createSchool();
    await refusedWithoutWriting(() => updateTrainee(other.owner, other.organizationId, first.id, adultTrainee()), {
      code: "NOT_FOUND",
      messageKey: "errors.school.traineeNotFound",
    });
  });
});

describe("status changes", () => {
  it("append dated rows: enrolled → studying → graduated with the certificate", async () => {
    const school = await createSchool();
    const trainee = await createTrainee(school.owner, school.organizationId, adultTrainee());
    await changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "STUDYING", note: "Начал занятия" });
    const graduated = await changeTraineeStatus(school.manager, school.organizationId, trainee.id, {
      status: "GRADUATED",
      certificate: { number: "АШ-2026-0042", date: today() },
    });
    expect(graduated).toMatchObject({ status: "GRADUATED", certificate: { number: "АШ-2026-0042", date: today() } });
    const details = await getTrainee(school.owner, school.organizationId, trainee.id);
    expect(details.history.map((h) => [h.status, h.effectiveOn, h.note])).toEqual([
      ["ENROLLED", today(), null],
      ["STUDYING", today(), "Начал занятия"],
      ["GRADUATED", today(), null],
    ]);
    expect(await db.auditLog.count({ where: { action: "school.trainee.status", entityId: String(trainee.id) } })).toBe(2);
  });

  it("refuse moves the course does not allow, graduation without a certificate, dates in the future or before the last change", async () => {
    const school = await createSchool();
    const trainee = await createTrainee(school.owner, school.organizationId, adultTrainee());
    const change = (input: Parameters<typeof changeTraineeStatus>[3]) => () =>
      changeTraineeStatus(school.owner, school.organizationId, trainee.id, input);
    await refusedWithoutWriting(change({ status: "GRADUATED", certificate: { number: "1", date: today() } }), {
      code: "CONFLICT",
      messageKey: "errors.school.statusChangeNotAllowed",
    });
    await refusedWithoutWriting(change({ status: "ENROLLED" }), { messageKey: "errors.school.statusChangeNotAllowed" });
    await refusedWithoutWriting(change({ status: "STUDYING", effectiveOn: daysFromToday(1) }), {
      messageKey: "validation.trainee.dateFuture",
    });
    await refusedWithoutWriting(change({ status: "STUDYING", effectiveOn: daysFromToday(-1) }), {
      messageKey: "errors.school.statusDateBeforeLast",
    });
    await refusedWithoutWriting(change({ status: "EXPELLED", certificate: { number: "1", date: today() } }), {
      messageKey: "validation.trainee.certificateOnlyGraduates",
    });
    await changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "STUDYING" });
    await refusedWithoutWriting(change({ status: "GRADUATED" }), { messageKey: "validation.trainee.certificateRequired" });
    await refusedWithoutWriting(change({ status: "GRADUATED", certificate: { number: "1", date: daysFromToday(2) } }), {
      messageKey: "validation.trainee.dateFuture",
    });
    await refusedWithoutWriting(change({ status: "BANNED" as never }), { messageKey: "validation.required" });
    await refusedWithoutWriting(
      () => changeTraineeStatus(school.instructorA, school.organizationId, trainee.id, { status: "EXPELLED" }),
      { code: "FORBIDDEN", messageKey: "errors.org.roleTooLow" },
    );
    // Expelled, then back: the history keeps both.
    await changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "EXPELLED" });
    await changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "ENROLLED" });
    const details = await getTrainee(school.owner, school.organizationId, trainee.id);
    expect(details.history.map((h) => h.status)).toEqual(["ENROLLED", "STUDYING", "EXPELLED", "ENROLLED"]);
  });

  it("of the same trainee at once: one wins, the other is refused", async () => {
    const school = await createSchool();
    const trainee = await createTrainee(school.owner, school.organizationId, adultTrainee());
    const results = await Promise.allSettled([
      changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "STUDYING" }),
      changeTraineeStatus(school.manager, school.organizationId, trainee.id, { status: "STUDYING" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.traineeStatusChange.count({ where: { traineeId: trainee.id } })).toBe(2);
  });
});

describe("the registry's list", () => {
  it("searches by name, IIN and phone, filters by group, status and category, and pages", async () => {
    const school = await createSchool();
    const groupA = await createGroup(school.owner, school.organizationId, groupInput(school));
    const groupC = await createGroup(
      school.owner,
      school.organizationId,
      groupInput(school, { category: "C", instructorId: school.instructorB.membershipId }),
    );
    const made = [];
    for (let i = 0; i < 12; i++) {
      made.push(
        await createTrainee(
          school.owner,
          school.organizationId,
          adultTrainee({
            fullName: `Обучающийся ${String(i).padStart(2, "0")}`,
            phone: `+7 701 000 00 ${String(i).padStart(2, "0")}`,
            groupId: i < 6 ? groupA.id : groupC.id,
            category: i < 6 ? "B" : "C",
          }),
        ),
      );
    }
    const named = await createTrainee(
      school.owner,
      school.organizationId,
      adultTrainee({ fullName: "Жанна Әлиқызы", phone: "+77779998877" }),
    );
    await changeTraineeStatus(school.owner, school.organizationId, made[0]!.id, { status: "STUDYING" });
    const list = (input: Parameters<typeof listTrainees>[2], actor: { userId: number; ip: string } = school.owner) =>
      listTrainees(actor, school.organizationId, input);

    expect((await list({ query: "әлиқыз" })).items.map((t) => t.id)).toEqual([named.id]);
    expect((await list({ query: named.iin.slice(0, 8) })).items.map((t) => t.id)).toContain(named.id);
    expect((await list({ query: "8 777 999 88 77" })).items.map((t) => t.id)).toEqual([named.id]);
    expect((await list({ query: "7779998877" })).items.map((t) => t.id)).toEqual([named.id]);
    expect((await list({ groupId: groupA.id })).total).toBe(6);
    expect((await list({ category: "C" })).total).toBe(6);
    expect((await list({ status: "STUDYING" })).items.map((t) => t.id)).toEqual([made[0]!.id]);
    const page1 = await list({ pageSize: 5, page: 1 });
    const page3 = await list({ pageSize: 5, page: 3 });
    expect([page1.total, page1.items.length, page3.items.length]).toEqual([13, 5, 3]);
    expect(page1.items[0]!.fullName).toBe("Жанна Әлиқызы");

    // An instructor sees the trainees of the groups they teach, and no one else.
    expect((await list({}, school.instructorA)).total).toBe(6);
    expect((await list({}, school.instructorB)).items.every((t) => t.group?.id === groupC.id)).toBe(true);
    expect((await list({ query: "Жанна" }, school.instructorA)).total).toBe(0);
    await expect(getTrainee(school.instructorA, school.organizationId, made[0]!.id)).resolves.toMatchObject({ id: made[0]!.id });
    await expect(getTrainee(school.instructorB, school.organizationId, made[0]!.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      messageKey: "errors.school.notYourGroup",
    });
    await expect(getTrainee(school.instructorA, school.organizationId, named.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Another school's member sees nothing of it; another school's trainee id is not found here.
    const other = await createSchool();
    await expect(listTrainees(other.owner, school.organizationId, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getTrainee(other.owner, other.organizationId, named.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
