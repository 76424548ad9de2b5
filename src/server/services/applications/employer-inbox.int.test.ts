import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { fillPlaceholders } from "@/lib/fill-placeholders";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import {
  addNote,
  markApplicationViewed,
  getApplication,
  getTemplates,
  listApplications,
  respondToApplications,
  saveTemplate,
} from "./employer-inbox";
import { INVITATIONS_PER_VACANCY } from "@/lib/validation/applications";

let orgId = 0;
let otherOrgId = 0;
let cityId = 0;
let manager = { id: 0 };
const as = (userId: number) => ({ userId, ip: null });
const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

async function vacancy(organizationId: number, title = "Кладовщик") {
  return db.vacancy.create({
    data: {
      organizationId,
      title,
      slug: "kladovshik",
      description: "<p>Описание.</p>",
      cityId,
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
}

async function applicant(vacancyId: number, locale: "ru" | "kk" = "ru") {
  const seeker = await createUser({ isSeeker: true, name: locale === "kk" ? "Айбек Серік" : "Иван Петров" });
  await db.user.update({ where: { id: seeker.id }, data: { locale, phone: "+77011234567" } });
  const resume = await db.resume.create({
    data: {
      userId: seeker.id,
      title: "Кладовщик",
      visibility: "HIDDEN",
      about: "<p>Ответственный, <b>пунктуальный</b>.</p>",
      licences: { create: [{ category: "B", yearObtained: 2015 }] },
      experiences: { create: [{ company: "ТОО «Склад»", position: "Кладовщик", startedOn: new Date("2020-01-01") }] },
    },
  });
  return db.application.create({ data: { vacancyId, seekerId: seeker.id, resumeId: resume.id, message: "Готов выйти завтра." } });
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "inbox-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "inbox-city", nameRu: "Павлодар", nameKk: "Павлодар" } }))
    .id;
  manager = await createUser();
  orgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "MANAGER" }])).id;
  await db.organization.update({ where: { id: orgId }, data: { displayName: "Павлодар Логистик" } });
  otherOrgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "MANAGER" }])).id;
});

describe("the applicant inbox", () => {
  it("lists only the organisation's applications, with counts per status", async () => {
    const mine = await vacancy(orgId);
    const theirs = await vacancy(otherOrgId);
    const a = await applicant(mine.id);
    await applicant(theirs.id);
    const inbox = await listApplications(orgId, { vacancyId: mine.id });
    expect(inbox.items.map((i) => i.id)).toEqual([a.id]);
    expect(inbox.counts).toEqual({ SENT: 1 });
    expect((await listApplications(orgId, { vacancyId: theirs.id })).items).toEqual([]);
  });

  it("shows the sent resume and the contacts, whatever the resume's visibility, and reading changes nothing", async () => {
    const v = await vacancy(orgId);
    const a = await applicant(v.id);
    const seen = await getApplication(orgId, a.id);
    expect(seen.status).toBe("SENT");
    expect((await db.application.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("SENT");
    expect(seen.seeker).toMatchObject({ phone: "+77011234567" });
    expect(seen.resume?.about).toBe("Ответственный, пунктуальный.");
    expect(seen.resume?.licences).toEqual([expect.objectContaining({ category: "B", yearObtained: 2015 })]);
    expect(await errorKey(getApplication(otherOrgId, a.id))).toBe("errors.applications.notFound");
  });

  it("marks an application viewed once, and only for its own organisation", async () => {
    const v = await vacancy(orgId);
    const a = await applicant(v.id);
    expect(await errorKey(markApplicationViewed(otherOrgId, a.id))).toBe("errors.applications.notFound");
    expect((await db.application.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("SENT");
    expect(await markApplicationViewed(orgId, a.id)).toEqual({ viewed: true });
    const row = await db.application.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.status).toBe("VIEWED");
    expect(row.viewedAt).not.toBeNull();
    expect(await markApplicationViewed(orgId, a.id)).toEqual({ viewed: false });
  });

  it("invites with the organisation's template in the seeker's language, placeholders filled", async () => {
    const v = await vacancy(orgId, "Водитель погрузчика");
    const a = await applicant(v.id, "kk");
    await saveTemplate(
      orgId,
      {
        kind: "INVITE",
        locale: "kk",
        subject: "Шақыру: {vacancy}",
        body: "Сәлеметсіз бе, {name}! {organization} сізді күтеді. {unknown}",
      },
      as(manager.id),
    );
    await respondToApplications(orgId, { applicationIds: [a.id], decision: "INVITE" }, as(manager.id));
    expect((await db.application.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("INVITED");
    const seeker = await db.user.findUniqueOrThrow({ where: { id: a.seekerId } });
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: seeker.email }, orderBy: { id: "desc" } });
    expect(email).toMatchObject({ subject: "Шақыру: Водитель погрузчика", template: "applicant-invite", locale: "kk" });
    expect(email.text).toContain("Сәлеметсіз бе, Айбек Серік! Павлодар Логистик сізді күтеді. {unknown}");
    const messages = await db.applicationMessage.findMany({ where: { applicationId: a.id } });
    expect(messages).toEqual([expect.objectContaining({ isInternal: false, authorId: manager.id })]);
  });

  it("rejects in bulk, and refuses a batch that names another organisation's application without changing anything", async () => {
    const v = await vacancy(orgId);
    const [a, b] = [await applicant(v.id), await applicant(v.id)];
    const foreign = await applicant((await vacancy(otherOrgId)).id);
    expect(
      await errorKey(respondToApplications(orgId, { applicationIds: [a.id, foreign.id], decision: "REJECT" }, as(manager.id))),
    ).toBe("errors.applications.notFound");
    expect((await db.application.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("SENT");
    const done = await respondToApplications(orgId, { applicationIds: [a.id, b.id], decision: "REJECT" }, as(manager.id));
    expect(done).toEqual({ answered: 2, status: "REJECTED" });
    const seeker = await db.user.findUniqueOrThrow({ where: { id: a.seekerId } });
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: seeker.email }, orderBy: { id: "desc" } });
    expect(email.subject).toContain("Ответ на отклик");
    expect(email.text).toContain("Иван Петров");
  });

  it(`never invites more than ${INVITATIONS_PER_VACANCY} seekers to one vacancy`, async () => {
    const v = await vacancy(orgId);
    await db.$executeRaw`
      WITH seekers AS (
        INSERT INTO users (email, name, is_seeker)
        SELECT 'cap-' || n || '@example.kz', 'Соискатель ' || n, true FROM generate_series(1, ${INVITATIONS_PER_VACANCY}) n
        RETURNING id
      )
      INSERT INTO applications (vacancy_id, seeker_id, status, updated_at) SELECT ${v.id}, id, 'INVITED', now() FROM seekers`;
    const extra = await applicant(v.id);
    expect(await errorKey(respondToApplications(orgId, { applicationIds: [extra.id], decision: "INVITE" }, as(manager.id)))).toBe(
      "errors.applications.inviteCap",
    );
    expect((await db.application.findUniqueOrThrow({ where: { id: extra.id } })).status).toBe("SENT");
    await respondToApplications(orgId, { applicationIds: [extra.id], decision: "REJECT" }, as(manager.id));
  });

  it("keeps notes for the organisation only and refuses empty or long ones", async () => {
    const v = await vacancy(orgId);
    const a = await applicant(v.id);
    await addNote(orgId, a.id, "Позвонить после обеда.", as(manager.id));
    expect(await errorKey(addNote(orgId, a.id, "   ", as(manager.id)))).toBe("validation.required");
    expect(await errorKey(addNote(orgId, a.id, "x".repeat(4001), as(manager.id)))).toBe("validation.noteTooLong");
    expect(await errorKey(addNote(otherOrgId, a.id, "Чужая заметка", as(manager.id)))).toBe("errors.applications.notFound");
    expect(await db.applicationMessage.findMany({ where: { applicationId: a.id } })).toEqual([
      expect.objectContaining({ body: "Позвонить после обеда.", isInternal: true }),
    ]);
  });

  it("offers the platform's wording until the organisation saves its own", async () => {
    const fresh = (await createOrganization("EMPLOYER")).id;
    const before = await getTemplates(fresh);
    expect(before).toHaveLength(4);
    expect(before.every((t) => !t.custom && t.body.includes("{name}"))).toBe(true);
    await saveTemplate(
      fresh,
      { kind: "REJECT", locale: "ru", subject: "Ответ: {vacancy}", body: "Спасибо, {name}, но нет." },
      as(manager.id),
    );
    const after = await getTemplates(fresh);
    expect(after.find((t) => t.kind === "REJECT" && t.locale === "ru")).toMatchObject({
      custom: true,
      subject: "Ответ: {vacancy}",
    });
    expect(await errorKey(saveTemplate(fresh, { kind: "REJECT", locale: "ru", subject: "", body: "x" }, as(manager.id)))).toBe(
      "validation.templateSubject,validation.templateBody",
    );
    expect(fillPlaceholders("{name} / {vacancy} / {organization} / {x}", { name: "А", vacancy: "Б", organization: "В" })).toBe(
      "А / Б / В / {x}",
    );
  });
});
