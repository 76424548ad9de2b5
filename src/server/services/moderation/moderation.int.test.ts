import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { resumeInputSchema, type ResumeInput } from "@/lib/validation/resume";
import type { VacancyInput } from "@/lib/validation/vacancy";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser, grantEntitlement } from "../../../../test/support/factories";
import { getApplication, listApplications } from "../applications/employer-inbox";
import { createOrganization as registerOrganization, updateOrganizationProfile } from "../organizations/manage-organization";
import { createResumeComplaint } from "../tickets/create-complaint";
import { createResume, getMyResume, getResumeForOrganization, resumeAccessFor, updateResume } from "../resumes/resumes";
import { saveVacancy, submitVacancy } from "../vacancies/employer-vacancies";

import { clearOrganizationFlags, flaggedOrganizations } from "./organization-flags";
import { addTerm, compiledTerms, listTerms, removeTerm, termFlagsFor } from "./prohibited-terms";
import { hideResume, requestResumeReview, restoreResume, resumeModerationQueue } from "./resume-moderation";

const DAY = 86_400_000;
const as = (userId: number) => ({ userId, ip: "127.0.0.1" });

const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

let cityId = 0;
let specId = 0;
let moderator = { id: 0 };
let manager = { id: 0 };
let orgId = 0;

function resumeInput(overrides: Partial<ResumeInput> = {}): ResumeInput {
  return {
    title: "Водитель категории C",
    desiredSalary: 450_000,
    cityId,
    relocationRegionIds: [],
    specializationIds: [specId],
    employmentTypes: ["FULL_TIME"],
    schedules: ["SHIFT"],
    experiences: [
      { company: "ТОО «Логистика»", position: "Водитель", startedOn: "2019-04", endedOn: null, description: "Рейсы по области." },
    ],
    educations: [],
    languages: [],
    skills: ["Тахограф"],
    licences: [],
    about: "Без аварий, рубля не потерял.",
    visibility: "ALL",
    hiddenOrganizationIds: [],
    ...overrides,
  };
}
const newResume = (userId: number, overrides: Partial<ResumeInput> = {}) =>
  createResume(userId, resumeInputSchema.parse(resumeInput(overrides)));
const stateOf = (id: number) =>
  db.resume.findUniqueOrThrow({
    where: { id },
    select: { moderation: true, moderationFlags: true, hiddenReason: true, moderationQueuedAt: true, publicId: true },
  });

const DUTIES =
  "Перевозка грузов по Казахстану на тягаче с полуприцепом. Обязанности: приём и сдача груза, контроль крепления, " +
  "ведение путевых листов, ежедневный осмотр автомобиля перед выездом. Требования: права категории CE, стаж от трёх лет.";
const vacancyInput = (overrides: Partial<VacancyInput> = {}): VacancyInput => ({
  title: "Водитель-дальнобойщик",
  specializationIds: [specId],
  cityId,
  salaryFrom: 400_000,
  salaryTo: 600_000,
  experience: "FROM_3_TO_6",
  employmentType: "FULL_TIME",
  schedule: "ROTATION",
  licenceCategories: ["CE"],
  description: `<p>${DUTIES}</p>`,
  publicationType: "STANDARD",
  ...overrides,
});

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "words-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "words-city", nameRu: "Актобе", nameKk: "Ақтөбе" } })).id;
  const group = await db.specialization.create({ data: { slug: "words-transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  specId = (
    await db.specialization.create({
      data: { slug: "words-driver", parentId: group.id, nameRu: "Водитель", nameKk: "Жүргізуші" },
    })
  ).id;
  moderator = await createUser({ staffRole: "MODERATOR", isSeeker: false });
  manager = await createUser({ isSeeker: false });
  orgId = (await createOrganization("EMPLOYER", [{ userId: manager.id, role: "OWNER" }])).id;
  await db.organization.update({ where: { id: orgId }, data: { verification: "VERIFIED", verifiedAt: new Date() } });
  await grantEntitlement({
    organizationId: orgId,
    productCode: "vacancy.standard",
    unitsTotal: 10,
    validFrom: new Date(Date.now() - DAY),
    validUntil: new Date(Date.now() + 30 * DAY),
  });
  for (const term of [
    { term: "Бля", language: "ru", kind: "PROFANITY", match: "WORD" },
    { term: "пизд", language: "ru", kind: "PROFANITY", match: "STEM" },
    { term: "қотақ", language: "kk", kind: "PROFANITY", match: "STEM" },
    { term: "есірткі", language: "both", kind: "PROHIBITED", match: "STEM" },
  ] as const)
    await addTerm(term, as(moderator.id));
});

describe("the prohibited-words list", () => {
  it("stores terms normalised, with who added them, and audits adding and removing", async () => {
    const added = await addTerm({ term: "  Ёрш-Твою ", language: "ru", kind: "PROFANITY", match: "WORD" }, as(moderator.id));
    expect(added.term).toBe("ерш твою");
    const listed = await listTerms({ q: "ЁРШ" });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ term: "ерш твою", language: "ru", kind: "PROFANITY", match: "WORD" });
    expect(listed[0]?.createdBy?.name).toBeTruthy();
    await removeTerm({ termId: added.id }, as(moderator.id));
    expect(await listTerms({ q: "ерш" })).toHaveLength(0);
    const log = await db.auditLog.findMany({
      where: { entityType: "prohibited_term", entityId: String(added.id) },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(log.map((l) => l.action)).toEqual(["moderation.term.add", "moderation.term.remove"]);
    expect(log[0]?.actorId).toBe(moderator.id);
    expect(log[1]?.data).toMatchObject({ term: "ерш твою" });
  });

  it("filters by language and kind", async () => {
    expect((await listTerms({ language: "kk" })).map((t) => t.term)).toEqual(["қотақ"]);
    expect((await listTerms({ kind: "PROHIBITED" })).map((t) => t.term)).toEqual(["есірткі"]);
  });

  it("refuses every bad term and changes nothing", async () => {
    const before = await db.prohibitedTerm.count();
    const cases: [unknown, string][] = [
      [{ term: "", language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termRequired"],
      [{ term: "   ", language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termRequired"],
      [{ term: "х".repeat(101), language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termTooLong"],
      [{ term: "<script>", language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termCharacters"],
      [{ term: "х", language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termTooShort"],
      [{ term: "а б в г д е", language: "ru", kind: "PROFANITY", match: "WORD" }, "validation.terms.termTooManyWords"],
      [{ term: "слово", language: "en", kind: "PROFANITY", match: "WORD" }, "validation.terms.languageRequired"],
      [{ term: "слово", language: "ru", kind: "RUDE", match: "WORD" }, "validation.terms.kindRequired"],
      [{ term: "слово", language: "ru", kind: "PROFANITY", match: "ANY" }, "validation.terms.matchRequired"],
      [{ term: "БЛЯ", language: "kk", kind: "PROHIBITED", match: "STEM" }, "errors.terms.duplicate"],
      [{ term: "бля", language: "ru", kind: "PROFANITY", match: "WORD" }, "errors.terms.duplicate"],
    ];
    for (const [input, key] of cases) expect(await errorKey(addTerm(input, as(moderator.id)))).toBe(key);
    expect(await errorKey(removeTerm({ termId: 999_999 }, as(moderator.id)))).toBe("errors.terms.notFound");
    expect(await errorKey(removeTerm({ termId: -1 }, as(moderator.id)))).not.toBe("resolved");
    expect(await db.prohibitedTerm.count()).toBe(before);
  });

  it("keeps the compiled list until the table changes, also when another process changed it", async () => {
    const first = await compiledTerms();
    expect(await compiledTerms()).toBe(first);
    // Written past this process (as another server would): the fingerprint moves.
    const row = await db.prohibitedTerm.create({ data: { term: "шайтан", language: "both", kind: "PROHIBITED", match: "WORD" } });
    expect(await compiledTerms()).not.toBe(first);
    expect(await termFlagsFor(["Ну ты шайтан!"])).toEqual(["prohibited:шайтан"]);
    await db.prohibitedTerm.delete({ where: { id: row.id } });
    expect(await termFlagsFor(["Ну ты шайтан!"])).toEqual([]);
  });

  it("matches real Russian and Kazakh texts without flagging innocent words", async () => {
    expect(await termFlagsFor(["Оплата в рублях и до рубля, корабля не обещаем"])).toEqual([]);
    expect(await termFlagsFor(["Бля, ПИЗДЁЖ", "Котақбас"])).toEqual(["profanity:бля", "profanity:пизд", "profanity:қотақ"]);
    expect(await termFlagsFor(["Қойлар қотанда", "Есирткі сатамыз"])).toEqual(["prohibited:есірткі"]);
  });
});

describe("flags on submit", () => {
  it("flags a vacancy's title and description beside the text rules' flags, and again on submit", async () => {
    const byTitle = await saveVacancy(orgId, null, vacancyInput({ title: "Бля водитель" }), as(manager.id));
    expect(byTitle.flags).toEqual(["profanity:бля"]);
    const byText = await saveVacancy(
      orgId,
      null,
      vacancyInput({ description: `<p>${DUTIES} Финансовая пирамида и есірткі.</p>` }),
      as(manager.id),
    );
    expect(byText.flags).toEqual(["pyramid", "prohibited:есірткі"]);
    const clean = await saveVacancy(orgId, null, vacancyInput(), as(manager.id));
    expect(clean.flags).toEqual([]);
    // A term added after the draft was saved is found when it goes to the moderators.
    const term = await addTerm({ term: "дальнобойщик", language: "ru", kind: "PROHIBITED", match: "WORD" }, as(moderator.id));
    await submitVacancy(orgId, clean.id, as(manager.id));
    const submitted = await db.vacancy.findUniqueOrThrow({ where: { id: clean.id }, select: { moderationFlags: true } });
    expect(submitted.moderationFlags).toEqual(["prohibited:дальнобойщик"]);
    await removeTerm({ termId: term.id }, as(moderator.id));
  });

  it.each([
    ["title", { title: "Бля водитель" }],
    ["about", { about: "Пиздец какой опытный." }],
    ["skills", { skills: ["Котақ"] }],
    [
      "experience",
      {
        experiences: [{ company: "Есірткі ЖШС", position: "Курьер", startedOn: "2020-01", endedOn: null, description: null }],
      },
    ],
  ] as const)("flags a resume's %s and puts it in the queue", async (_field, overrides) => {
    const seeker = await createUser();
    const { id } = await newResume(seeker.id, overrides as Partial<ResumeInput>);
    const state = await stateOf(id);
    expect(state.moderation).toBe("FLAGGED");
    expect(state.moderationFlags).toHaveLength(1);
    expect(state.moderationQueuedAt).not.toBeNull();
    const queue = await resumeModerationQueue({ page: 1 });
    expect(queue.items.map((r) => r.id)).toContain(id);
  });

  it("leaves a clean resume out of the queue and takes a fixed one out", async () => {
    const seeker = await createUser();
    const { id } = await newResume(seeker.id);
    expect((await stateOf(id)).moderation).toBe("CLEAR");
    await updateResume(seeker.id, id, resumeInputSchema.parse(resumeInput({ about: "Бля." })));
    expect((await stateOf(id)).moderation).toBe("FLAGGED");
    await updateResume(seeker.id, id, resumeInputSchema.parse(resumeInput()));
    expect(await stateOf(id)).toMatchObject({ moderation: "CLEAR", moderationFlags: [], moderationQueuedAt: null });
  });

  it("flags an organisation's name and description on registration and on profile changes", async () => {
    const owner = await createUser({ isSeeker: false });
    const org = await registerOrganization(
      {
        type: "EMPLOYER",
        legalName: "ТОО «Жүк»",
        displayName: "Бля Логистика",
        identifier: "140940016214",
        description: null,
        website: null,
        email: null,
        phone: null,
        cityId: null,
        address: null,
        educationLicence: null,
      },
      as(owner.id),
    );
    let row = await db.organization.findUniqueOrThrow({
      where: { id: org.id },
      select: { moderationFlags: true, flaggedAt: true },
    });
    expect(row.moderationFlags).toEqual(["profanity:бля"]);
    expect(row.flaggedAt).not.toBeNull();
    expect((await flaggedOrganizations({ page: 1 })).items.map((o) => o.id)).toContain(org.id);

    await clearOrganizationFlags({ organizationId: org.id }, as(moderator.id));
    expect(await errorKey(clearOrganizationFlags({ organizationId: org.id }, as(moderator.id)))).toBe(
      "errors.organizationFlags.notFlagged",
    );
    expect(await errorKey(clearOrganizationFlags({ organizationId: 999_999 }, as(moderator.id)))).toBe(
      "errors.organizationFlags.notFound",
    );
    const profile = {
      displayName: "Бля Логистика",
      description: null,
      website: null,
      email: null,
      phone: null,
      cityId: null,
      address: null,
    };
    // The same term again, already looked at: it stays out of the queue.
    await updateOrganizationProfile(org.id, profile, as(owner.id));
    row = await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { moderationFlags: true, flaggedAt: true } });
    expect(row.flaggedAt).toBeNull();
    // A new term in the description brings it back.
    await updateOrganizationProfile(org.id, { ...profile, description: "Продаём есірткі оптом." }, as(owner.id));
    row = await db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { moderationFlags: true, flaggedAt: true } });
    expect(row.moderationFlags).toEqual(["profanity:бля", "prohibited:есірткі"]);
    expect(row.flaggedAt).not.toBeNull();
    const audit = await db.auditLog.count({ where: { action: "moderation.organization.clear", entityId: String(org.id) } });
    expect(audit).toBe(1);
  });
});

describe("hiding, restoring and reviewing a resume", () => {
  async function appliedResume(overrides: Partial<ResumeInput> = {}) {
    const seeker = await createUser({ name: "Айгерім Сейітова" });
    await db.user.update({ where: { id: seeker.id }, data: { locale: "kk" } });
    const { id } = await newResume(seeker.id, overrides);
    const vacancy = await db.vacancy.create({
      data: {
        organizationId: orgId,
        title: "Водитель",
        slug: "voditel",
        description: "<p>Описание.</p>",
        cityId,
        status: "PUBLISHED",
        publishedAt: new Date(),
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    const application = await db.application.create({ data: { vacancyId: vacancy.id, seekerId: seeker.id, resumeId: id } });
    return { seeker, resumeId: id, applicationId: application.id, publicId: (await stateOf(id)).publicId };
  }

  it("hides a flagged resume from every employer, tells the seeker in their language, and restores it after a review", async () => {
    const { seeker, resumeId, applicationId, publicId } = await appliedResume({ about: "Бля, опытный." });
    const otherOrg = await createOrganization("EMPLOYER");
    await db.organization.update({ where: { id: otherOrg.id }, data: { verification: "VERIFIED" } });
    expect(await resumeAccessFor(orgId, publicId)).not.toBeNull();
    expect(await resumeAccessFor(otherOrg.id, publicId)).not.toBeNull();

    await hideResume({ resumeId, reason: "Нецензурная лексика в разделе «О себе»." }, as(moderator.id));
    expect(await stateOf(resumeId)).toMatchObject({
      moderation: "HIDDEN",
      hiddenReason: "Нецензурная лексика в разделе «О себе».",
    });
    // The employer it was sent to, another employer: nobody.
    expect(await resumeAccessFor(orgId, publicId)).toBeNull();
    expect(await resumeAccessFor(otherOrg.id, publicId)).toBeNull();
    expect(await errorKey(getResumeForOrganization(orgId, publicId))).toBe("errors.resumes.notFound");
    const application = await getApplication(orgId, applicationId);
    expect(application.resume).toBeNull();
    expect(application.resumeHidden).toBe(true);
    const inbox = await listApplications(orgId, {});
    const row = inbox.items.find((a) => a.id === applicationId);
    expect(row).toMatchObject({ resume: null, resumeHidden: true });
    // Its owner still sees it, with the reason; another seeker does not.
    const own = await getMyResume(seeker.id, resumeId);
    expect(own).toMatchObject({ moderation: "HIDDEN", hiddenReason: "Нецензурная лексика в разделе «О себе»." });
    const stranger = await createUser();
    expect(await errorKey(getMyResume(stranger.id, resumeId))).toBe("errors.resumes.notFound");
    expect(await errorKey(requestResumeReview(stranger.id, { resumeId }, as(stranger.id)))).toBe("errors.resumes.notFound");

    const hiddenMail = await db.emailMessage.findFirstOrThrow({
      where: { userId: seeker.id, template: "resume-moderation" },
      orderBy: { id: "desc" },
      select: { locale: true, subject: true, text: true },
    });
    expect(hiddenMail.locale).toBe("kk");
    expect(hiddenMail.subject).toContain("жасырды");
    expect(hiddenMail.text).toContain("Нецензурная лексика");

    // Editing keeps it hidden; asking for a review puts it back in the queue, still hidden.
    await updateResume(seeker.id, resumeId, resumeInputSchema.parse(resumeInput({ about: "Опытный." })));
    expect((await stateOf(resumeId)).moderation).toBe("HIDDEN");
    await requestResumeReview(seeker.id, { resumeId }, as(seeker.id));
    expect((await stateOf(resumeId)).moderation).toBe("REVIEW");
    expect(await errorKey(requestResumeReview(seeker.id, { resumeId }, as(seeker.id)))).toBe(
      "errors.resumeModeration.wrongState",
    );
    expect(await resumeAccessFor(orgId, publicId)).toBeNull();
    expect((await resumeModerationQueue({ page: 1 })).items.map((r) => r.id)).toContain(resumeId);

    await restoreResume({ resumeId }, as(moderator.id));
    expect(await stateOf(resumeId)).toMatchObject({ moderation: "CLEAR", hiddenReason: null, moderationQueuedAt: null });
    expect(await resumeAccessFor(orgId, publicId)).toMatchObject({ resumeId, withContacts: true });
    expect((await getApplication(orgId, applicationId)).resumeHidden).toBe(false);
    const restoredMail = await db.emailMessage.findFirstOrThrow({
      where: { userId: seeker.id, template: "resume-moderation" },
      orderBy: { id: "desc" },
      select: { subject: true },
    });
    expect(restoredMail.subject).toContain("қайта көрінеді");

    const actions = await db.auditLog.findMany({
      where: { entityType: "resume", entityId: String(resumeId) },
      orderBy: { id: "asc" },
      select: { action: true, reason: true },
    });
    expect(actions.map((a) => a.action)).toEqual([
      "moderation.resume.hide",
      "moderation.resume.review_requested",
      "moderation.resume.restore",
    ]);
    expect(actions[0]?.reason).toBe("Нецензурная лексика в разделе «О себе».");
  });

  it("hides a resume on a complaint about it, and refuses a complaint about another one", async () => {
    const { resumeId } = await appliedResume();
    const other = await appliedResume();
    const ticket = await db.ticket.create({
      data: { kind: "COMPLAINT", reason: "FRAUD", resumeId, authorId: manager.id, message: "Резюме — реклама." },
    });
    expect(
      await errorKey(hideResume({ resumeId: other.resumeId, reason: "Реклама услуг.", ticketId: ticket.id }, as(moderator.id))),
    ).toBe("errors.resumeModeration.ticketMismatch");
    expect((await stateOf(other.resumeId)).moderation).toBe("CLEAR");
    const single = await resumeModerationQueue({}, resumeId);
    expect(single.items[0]?.tickets.map((t) => t.id)).toEqual([ticket.id]);
    await hideResume({ resumeId, reason: "Реклама услуг.", ticketId: ticket.id }, as(moderator.id));
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "moderation.resume.hide", entityId: String(resumeId) },
      select: { data: true },
    });
    expect(entry.data).toEqual({ ticketId: ticket.id });
  });

  it("takes an employer's complaint about a resume it sees, and refuses one about a resume it cannot see", async () => {
    const { resumeId, publicId } = await appliedResume();
    const author = { user: { id: manager.id, name: "Менеджер", email: "manager-words@example.kz" }, ip: "10.9.8.7" };
    const complaint = {
      resumeId: publicId,
      reason: "PROHIBITED_CONTENT" as const,
      message: "Оскорбления в разделе «О себе».",
      locale: "ru" as const,
    };
    const ticket = await createResumeComplaint(orgId, complaint, author);
    const stored = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { kind: true, resumeId: true, authorId: true },
    });
    expect(stored).toEqual({ kind: "COMPLAINT", resumeId, authorId: manager.id });
    const before = await db.ticket.count();
    const stranger = await createOrganization("EMPLOYER");
    const cases: [() => Promise<unknown>, string][] = [
      [() => createResumeComplaint(stranger.id, complaint, author), "errors.resumes.notFound"],
      [
        () => createResumeComplaint(orgId, { ...complaint, resumeId: "00000000-0000-4000-8000-000000000000" }, author),
        "errors.resumes.notFound",
      ],
      [() => createResumeComplaint(orgId, { ...complaint, resumeId: "not-a-uuid" }, author), "errors.invalidInput"],
      [() => createResumeComplaint(orgId, { ...complaint, message: "Плохо" }, author), "validation.messageTooShort"],
      [
        () => createResumeComplaint(orgId, { ...complaint, reason: "RUDE" as "OTHER" }, author),
        "complaint.validation.reasonRequired",
      ],
    ];
    for (const [run, key] of cases) expect(await errorKey(run())).toBe(key);
    expect(await db.ticket.count()).toBe(before);
  });

  it("clears a flagged resume, and the same words saved again stay out of the queue", async () => {
    const seeker = await createUser();
    const { id } = await newResume(seeker.id, { about: "Бля." });
    await restoreResume({ resumeId: id }, as(moderator.id));
    expect((await stateOf(id)).moderation).toBe("CLEAR");
    await updateResume(seeker.id, id, resumeInputSchema.parse(resumeInput({ about: "Бля!" })));
    expect((await stateOf(id)).moderation).toBe("CLEAR");
    expect(await db.auditLog.count({ where: { action: "moderation.resume.clear", entityId: String(id) } })).toBe(1);
  });

  it("refuses every bad decision and changes nothing", async () => {
    const { resumeId } = await appliedResume();
    const cases: [() => Promise<unknown>, string][] = [
      [() => hideResume({ resumeId, reason: "" }, as(moderator.id)), "validation.reasonRequired"],
      [() => hideResume({ resumeId, reason: "    " }, as(moderator.id)), "validation.reasonRequired"],
      [() => hideResume({ resumeId, reason: "х".repeat(1001) }, as(moderator.id)), "validation.reasonTooLong"],
      [() => hideResume({ resumeId: 999_999, reason: "Причина скрытия." }, as(moderator.id)), "errors.resumes.notFound"],
      [
        () => hideResume({ resumeId, reason: "Причина скрытия.", ticketId: 999_999 }, as(moderator.id)),
        "errors.resumeModeration.ticketMismatch",
      ],
      [() => restoreResume({ resumeId }, as(moderator.id)), "errors.resumeModeration.wrongState"],
      [() => restoreResume({ resumeId: 999_999 }, as(moderator.id)), "errors.resumes.notFound"],
      [() => requestResumeReview(moderator.id, { resumeId }, as(moderator.id)), "errors.resumes.notFound"],
    ];
    for (const [run, key] of cases) expect(await errorKey(run())).toBe(key);
    expect(await errorKey(hideResume({ resumeId: "1", reason: "Причина скрытия." }, as(moderator.id)))).not.toBe("resolved");
    expect(await stateOf(resumeId)).toMatchObject({ moderation: "CLEAR", hiddenReason: null });
    // Hidden already: hiding again is a conflict; the owner asking for a review of a visible one too.
    await hideResume({ resumeId, reason: "Причина скрытия." }, as(moderator.id));
    expect(await errorKey(hideResume({ resumeId, reason: "Другая причина." }, as(moderator.id)))).toBe(
      "errors.resumeModeration.wrongState",
    );
    expect((await stateOf(resumeId)).hiddenReason).toBe("Причина скрытия.");
  });
});
