import { randomBytes, randomInt } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import {
  createOrganization,
  createUser,
  ensureLegalDocuments,
  signedIn,
  TEST_PASSWORD,
} from "../../../../test/support/factories";
import { getApplication, listApplications } from "../applications/employer-inbox";
import { consumeLimit } from "../auth/rate-limit";
import { resolveSession } from "../auth/sessions";
import { changeMemberRole } from "../organizations/members";
import { getAccountProfile } from "../users/profile";

import { deleteAccount } from "./delete-account";

const IP = "10.40.50.60";

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

/** A person nobody else in the database shares anything with. */
function identity(prefix: string) {
  const tag = randomBytes(3).toString("hex");
  return {
    email: `${prefix}-${tag}@example.kz`,
    otherEmail: `${prefix}-new-${tag}@example.kz`,
    name: `Жанар Уникова ${tag}`,
    phone: `+77${["01", "05", "07", "47", "75"][randomInt(5)]}${String(randomInt(10_000_000)).padStart(7, "0")}`,
  };
}

/**
 * Every text, character, JSON and array column of every table in the public schema that contains
 * `needle` (case-insensitive), as "table.column: count".
 */
async function scanDatabase(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))`;
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
      needle,
    );
    if (row && row.n > 0n) hits.push(`${table}.${column}: ${row.n}`);
  }
  return hits;
}

let cityId = 0;
let regionId = 0;
let specializationId = 0;

beforeAll(async () => {
  await ensureLegalDocuments();
  const region = await db.region.create({ data: { slug: "delete-region", nameRu: "Область", nameKk: "Облыс" } });
  regionId = region.id;
  cityId = (await db.city.create({ data: { regionId, slug: "delete-city", nameRu: "Город", nameKk: "Қала" } })).id;
  specializationId = (
    await db.specialization.create({ data: { slug: "delete-driver", nameRu: "Водитель", nameKk: "Жүргізуші" } })
  ).id;
});

async function employerWithVacancy() {
  const owner = await createUser({ isSeeker: false, name: "Руководитель Компании" });
  const org = await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }]);
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: org.id,
      createdById: owner.id,
      title: "Водитель категории C",
      slug: "voditel-c",
      description: "<p>Перевозки по городу.</p>",
      cityId,
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  return { owner, org, vacancy };
}

/** A seeker with something in every place a seeker leaves data. */
async function seekerWithEverything(who: ReturnType<typeof identity>, employer: Awaited<ReturnType<typeof employerWithVacancy>>) {
  const user = await createUser({ isSeeker: true, email: who.email, name: who.name });
  await db.user.update({ where: { id: user.id }, data: { phone: who.phone, cityId, locale: "kk" } });
  const [terms, privacy] = await Promise.all(
    (["TERMS", "PRIVACY"] as const).map((kind) => db.legalDocument.findFirstOrThrow({ where: { kind } })),
  );
  // Accepted from a known address and browser (in place of the factory's acceptance).
  await db.legalAcceptance.deleteMany({ where: { userId: user.id } });
  await db.legalAcceptance.createMany({
    data: [terms!, privacy!].map((d) => ({ userId: user.id, documentId: d.id, ip: IP, userAgent: "Mozilla/5.0" })),
  });
  await db.consent.createMany({
    data: [
      { userId: user.id, purpose: "PROCESSING", granted: true, documentId: privacy!.id, ip: IP },
      { userId: user.id, purpose: "MARKETING", granted: true, documentId: privacy!.id, ip: IP },
    ],
  });
  const hiddenFrom = await createOrganization("AGENCY");
  const resume = await db.resume.create({
    data: {
      userId: user.id,
      title: "Водитель-экспедитор",
      desiredSalary: 450_000,
      cityId,
      employmentTypes: ["FULL_TIME"],
      schedules: ["SHIFT"],
      skills: ["Знание города", `Телефон ${who.phone}`],
      about: `<p>${who.name}, звоните ${who.phone} или пишите ${who.email}.</p>`,
      visibility: "ALL_EXCEPT",
      specializations: { create: [{ specializationId }] },
      relocationRegions: { create: [{ regionId }] },
      experiences: { create: [{ company: "ТОО «Логистика»", position: "Водитель", startedOn: new Date("2019-05-01") }] },
      educations: { create: [{ level: "VOCATIONAL", institution: "Колледж транспорта", graduationYear: 2015 }] },
      languages: { create: [{ language: "kk", level: "NATIVE" }] },
      licences: { create: [{ category: "C", yearObtained: 2016 }] },
      hiddenFrom: { create: [{ organizationId: hiddenFrom.id }] },
    },
  });
  const application = await db.application.create({
    data: {
      vacancyId: employer.vacancy.id,
      seekerId: user.id,
      resumeId: resume.id,
      message: `Здравствуйте! ${who.name}, ${who.phone}.`,
      messages: {
        create: [
          { authorId: employer.owner.id, body: `Здравствуйте, ${who.name}! Приглашаем на собеседование.`, isInternal: false },
          { authorId: employer.owner.id, body: `Перезвонить ${who.name} на ${who.phone} после обеда.`, isInternal: true },
        ],
      },
    },
  });
  await db.savedVacancy.create({ data: { userId: user.id, vacancyId: employer.vacancy.id } });
  await db.subscription.create({
    data: { userId: user.id, name: "Водители в городе", criteria: { q: "водитель", city: "delete-city" } },
  });
  const sent = await db.emailMessage.create({
    data: {
      userId: user.id,
      toAddress: who.email,
      fromAddress: "no-reply@jumys.kz",
      subject: `${who.name}, новые вакансии`,
      html: `<p>Сәлеметсіз бе, ${who.name}!</p>`,
      text: `Сәлеметсіз бе, ${who.name}!`,
      template: "digest",
      transport: "outbox",
      status: "CAPTURED",
    },
  });
  await db.digestDelivery.create({
    data: {
      userId: user.id,
      periodDate: new Date("2026-11-20"),
      cutoffAt: new Date(),
      status: "SENT",
      vacancyCount: 3,
      emailId: sent.id,
    },
  });
  // An email to someone else that names them (e.g. an employer's copy), and one sent before an address change.
  await db.emailMessage.create({
    data: {
      toAddress: "hr@company.kz",
      fromAddress: "no-reply@jumys.kz",
      subject: `Отклик: ${who.name}`,
      html: `<p>${who.name}, ${who.phone}, ${who.email}</p>`,
      text: `${who.name}, ${who.phone}, ${who.email}`,
      headers: { "Reply-To": who.email },
      template: "new-application",
      transport: "outbox",
    },
  });
  await db.emailToken.create({
    data: {
      userId: user.id,
      purpose: "CHANGE_EMAIL",
      email: who.otherEmail,
      secretHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await db.ticket.create({
    data: {
      kind: "FEEDBACK",
      authorId: user.id,
      authorName: who.name,
      authorEmail: who.email,
      message: `Не могу сменить телефон ${who.phone}, помогите.`,
      answer: `${who.name}, телефон меняется в профиле.`,
    },
  });
  // A complaint sent as a guest with the same address.
  await db.ticket.create({
    data: {
      kind: "COMPLAINT",
      reason: "FRAUD",
      vacancyId: employer.vacancy.id,
      authorEmail: who.email.toUpperCase(),
      message: "Просят оплатить обучение до собеседования.",
    },
  });
  await db.auditLog.create({
    data: {
      actorId: employer.owner.id,
      action: "admin.note",
      entityType: "user",
      entityId: String(user.id),
      reason: `Проверили ${who.email} по звонку на ${who.phone}`,
      data: { name: who.name, contacts: [who.email, who.phone] },
    },
  });
  await db.auditLog.create({
    data: { actorId: user.id, action: "auth.sign_in", entityType: "user", entityId: String(user.id), ip: IP },
  });
  await db.organizationInvitation.create({
    data: {
      organizationId: employer.org.id,
      email: who.email,
      role: "OBSERVER",
      secretHash: randomBytes(32).toString("hex"),
      invitedById: employer.owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await consumeLimit("codeRequestPerEmail", who.email);
  const sessions = [await signedIn(user.id), await signedIn(user.id)];
  return { user, resume, application, sessions };
}

async function footprint(userId: number) {
  const [user, resumes, applications, sessions, consents, emails, tokens, tickets] = await Promise.all([
    db.user.findUnique({ where: { id: userId } }),
    db.resume.count({ where: { userId } }),
    db.application.count({ where: { seekerId: userId } }),
    db.session.count({ where: { userId, revokedAt: null } }),
    db.consent.count({ where: { userId } }),
    db.emailMessage.count({ where: { userId } }),
    db.emailToken.count({ where: { userId } }),
    db.ticket.count({ where: { authorId: userId } }),
  ]);
  return { user, resumes, applications, sessions, consents, emails, tokens, tickets };
}

describe("deleting the profile", () => {
  it("removes the person from every table in one go; employers no longer see the application", async () => {
    const employer = await employerWithVacancy();
    const who = identity("del");
    const { user, application, sessions } = await seekerWithEverything(who, employer);
    // Another applicant of the same vacancy, with a note: the organisation keeps those.
    const otherSeeker = await createUser({ isSeeker: true, name: "Другой Соискатель" });
    const otherApplication = await db.application.create({
      data: {
        vacancyId: employer.vacancy.id,
        seekerId: otherSeeker.id,
        messages: { create: [{ authorId: employer.owner.id, body: "Сильный кандидат.", isInternal: true }] },
      },
    });
    const needles = [who.email, who.otherEmail, who.phone, who.phone.slice(1), who.name];
    // The setup really spreads them around.
    expect((await scanDatabase(who.phone.slice(1))).length).toBeGreaterThan(5);
    expect(await scanDatabase(who.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^application_messages\.body/)]));

    const counts = await deleteAccount(
      { userId: user.id, ip: IP },
      { currentPassword: TEST_PASSWORD, confirmation: who.email.toUpperCase() },
    );
    expect(counts).toEqual({ applications: 1, resumes: 1, subscriptions: 1 });

    for (const needle of needles) expect({ needle, hits: await scanDatabase(needle) }).toEqual({ needle, hits: [] });
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    for (const s of sessions) expect(await resolveSession(s.sessionId)).toBeNull();

    const inbox = await listApplications(employer.org.id, {});
    expect(inbox.items.map((a) => a.id)).toEqual([otherApplication.id]);
    // The deleted person's application is gone, not merely hidden from the inbox.
    expect(await outcome(getApplication(employer.org.id, application.id))).toBe("errors.applications.notFound");
    expect(await db.application.count({ where: { id: application.id } })).toBe(0);
    expect(await db.applicationMessage.count({ where: { applicationId: otherApplication.id } })).toBe(1);
    expect(await db.vacancy.count({ where: { id: employer.vacancy.id } })).toBe(1);

    // Tickets stay for the queue, without the author; the security log keeps ids only.
    const tickets = await db.ticket.findMany({ where: { vacancyId: employer.vacancy.id } });
    expect(tickets.map((t) => [t.authorId, t.authorName, t.authorEmail])).toEqual([[null, null, null]]);
    expect(await db.ticket.count({ where: { kind: "FEEDBACK", authorId: null, authorEmail: null } })).toBeGreaterThanOrEqual(1);
    const deleted = await db.auditLog.findFirstOrThrow({ where: { action: "account.deleted" } });
    expect(deleted).toMatchObject({ actorId: null, entityType: "user", entityId: String(user.id), ip: null, reason: null });
    expect(await db.auditLog.count({ where: { entityType: "user", entityId: String(user.id), ip: { not: null } } })).toBe(0);
  });

  it("writes nothing without the right password or the typed address", async () => {
    const employer = await employerWithVacancy();
    const who = identity("keep");
    const { user, sessions } = await seekerWithEverything(who, employer);
    const before = await footprint(user.id);
    expect(
      await outcome(deleteAccount({ userId: user.id, ip: IP }, { currentPassword: "wrong-password", confirmation: who.email })),
    ).toBe("errors.account.wrongPassword");
    expect(
      await outcome(
        deleteAccount({ userId: user.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: "someone@else.kz" }),
      ),
    ).toBe("errors.account.confirmationMismatch");
    expect(await outcome(deleteAccount({ userId: user.id, ip: IP }, { currentPassword: "", confirmation: who.email }))).toBe(
      "validation.required",
    );
    expect(await footprint(user.id)).toEqual(before);
    expect(await resolveSession(sessions[0]!.sessionId)).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "account.deleted", entityId: String(user.id) } })).toBe(0);
  });

  it("refuses the last owner of an organisation, and lets an owner go once another owner exists", async () => {
    const { owner, org } = await employerWithVacancy();
    const ownerEmail = owner.email;
    // The page says so before anyone types a password.
    expect((await getAccountProfile(owner.id)).soleOwnerOf).toEqual([{ id: org.id, displayName: expect.any(String) }]);
    expect(
      await outcome(deleteAccount({ userId: owner.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: ownerEmail })),
    ).toBe("errors.account.lastOwner");
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);

    const partner = await createUser({ isSeeker: false });
    const membership = await db.membership.create({ data: { userId: partner.id, organizationId: org.id, role: "MANAGER" } });
    await changeMemberRole(org.id, membership.id, "OWNER", { userId: owner.id, ip: null });
    expect((await getAccountProfile(owner.id)).soleOwnerOf).toEqual([]);
    await deleteAccount({ userId: owner.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: ownerEmail });
    expect(await db.membership.findMany({ where: { organizationId: org.id }, select: { userId: true, role: true } })).toEqual([
      { userId: partner.id, role: "OWNER" },
    ]);
    // The organisation's vacancies stay; who created them is forgotten.
    expect(await db.vacancy.findFirst({ where: { organizationId: org.id }, select: { createdById: true } })).toEqual({
      createdById: null,
    });
  });

  it("lets only one of two owners deleting at once leave the organisation", async () => {
    const { owner, org } = await employerWithVacancy();
    const partner = await createUser({ isSeeker: false });
    await db.membership.create({ data: { userId: partner.id, organizationId: org.id, role: "OWNER" } });
    const results = await Promise.allSettled([
      deleteAccount({ userId: owner.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: owner.email }),
      deleteAccount({ userId: partner.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: partner.email }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { organizationId: org.id, role: "OWNER" } })).toBe(1);
  });

  it("scrubs an employer member's name from the invitations they sent", async () => {
    const { owner, org } = await employerWithVacancy();
    const who = identity("member");
    const member = await createUser({ isSeeker: false, email: who.email, name: who.name });
    await db.membership.create({ data: { userId: member.id, organizationId: org.id, role: "MANAGER" } });
    await db.vacancy.create({
      data: {
        organizationId: org.id,
        createdById: member.id,
        title: "Экспедитор",
        slug: "ekspeditor",
        description: "<p>Работа.</p>",
        cityId,
        contactName: who.name,
        contactEmail: who.email,
      },
    });
    await db.emailMessage.create({
      data: {
        toAddress: "invitee@example.kz",
        fromAddress: "no-reply@jumys.kz",
        subject: "Приглашение",
        html: `<p>${who.name} приглашает вас в организацию.</p>`,
        text: `${who.name} приглашает вас в организацию.`,
        template: "organization-invitation",
        transport: "outbox",
      },
    });
    await deleteAccount({ userId: member.id, ip: IP }, { currentPassword: TEST_PASSWORD, confirmation: who.email });
    for (const needle of [who.email, who.name]) expect(await scanDatabase(needle)).toEqual([]);
    expect(await db.emailMessage.count({ where: { toAddress: "invitee@example.kz" } })).toBe(1);
    expect(await db.membership.count({ where: { organizationId: org.id, userId: owner.id } })).toBe(1);
  });
});
