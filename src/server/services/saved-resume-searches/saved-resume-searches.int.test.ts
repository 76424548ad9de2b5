import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { resumeInputSchema, type ResumeInput } from "@/lib/validation/resume";
import { SAVED_RESUME_SEARCHES_LIMIT } from "@/lib/validation/saved-resume-searches";
import { db } from "@/server/db";
import { createMailer } from "@/server/email/mailer";
import { createResendTransport, outboxTransport } from "@/server/email/transport";
import { DomainError } from "@/server/errors";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/api/unsubscribe/resume-search/route";

import { startCaptureServer } from "../../../../test/support/capture-server";
import { createOrganization, createUser, createVerifiedOrganization } from "../../../../test/support/factories";
import { invalidateCatalog } from "../catalog/catalog";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "../digest/unsubscribe-token";
import { CUTOFF_MARGIN_MS } from "../digest/run-digest";
import { hideResume } from "../moderation/resume-moderation";
import { leaveOrganization } from "../organizations/members";
import { refreshResumeSearch } from "../resume-database/resume-search-index";
import { createResume } from "../resumes/resumes";

import { RESUME_ALERT_CARDS, runResumeSearchAlerts, type RunResumeSearchAlertsOptions } from "./run-resume-search-alerts";
import {
  deleteSavedResumeSearch,
  listSavedResumeSearches,
  saveResumeSearch,
  updateSavedResumeSearch,
} from "./saved-resume-searches";

const FROM = "Jumys <no-reply@jumys.kz>";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// 07:00 in Almaty (UTC+5), when the scheduler calls the job.
const MONDAY = new Date("2030-01-07T02:00:00Z");
const TUESDAY = new Date("2030-01-08T02:00:00Z");
const WEDNESDAY = new Date("2030-01-09T02:00:00Z");
const before = (at: Date, ms: number) => new Date(at.getTime() - ms);
const after = (at: Date, ms: number) => new Date(at.getTime() + ms);
const cut = (at: Date) => before(at, CUTOFF_MARGIN_MS);

const outbox = createMailer(db, outboxTransport, FROM);
const run = (now: Date, options: Omit<RunResumeSearchAlertsOptions, "now"> = {}) =>
  runResumeSearchAlerts({ now, mailer: outbox, ...options });

let cityId = 0;
let specId = 0;
let orgId = 0;
let staffId = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "rsa-region", nameRu: "Рса область", nameKk: "Рса облысы" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "rsa-city", nameRu: "Караганда", nameKk: "Қарағанды" } }))
    .id;
  const parent = await db.specialization.create({ data: { slug: "rsa-transport", nameRu: "Транспорт", nameKk: "Көлік" } });
  specId = (
    await db.specialization.create({
      data: { slug: "rsa-drivers", nameRu: "Водители", nameKk: "Жүргізушілер", parentId: parent.id },
    })
  ).id;
  invalidateCatalog();
  staffId = (await createUser({ isSeeker: false, staffRole: "SUPERADMIN" })).id;
});

beforeEach(async () => {
  await db.savedResumeSearch.deleteMany();
  await db.emailMessage.deleteMany({ where: { template: "resume-search-alert" } });
  const owner = await createUser({ isSeeker: false });
  orgId = (await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
});

function resumeInput(overrides: Partial<ResumeInput> = {}): ResumeInput {
  return {
    title: "Резюме",
    desiredSalary: null,
    cityId,
    relocationRegionIds: [],
    specializationIds: [specId],
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

/** A seeker's resume, last updated at `updatedAt` (as the database rows carry it). */
async function resume(updatedAt: Date, overrides: Partial<ResumeInput> = {}) {
  const seeker = await createUser({ isSeeker: true, name: "Ержан Сейткали" });
  const { id } = await createResume(seeker.id, resumeInputSchema.parse(resumeInput(overrides)));
  await db.resume.update({ where: { id }, data: { updatedAt } });
  await refreshResumeSearch(db, [id]);
  const { publicId } = await db.resume.findUniqueOrThrow({ where: { id }, select: { publicId: true } });
  return { id, publicId, seeker };
}

/** A member of `organizationId` (a manager) with a saved search made at `createdAt`. */
async function member(options: { locale?: "ru" | "kk"; organizationId?: number; name?: string } = {}) {
  const user = await createUser({ isSeeker: false, name: options.name ?? "Асель" });
  await db.user.update({ where: { id: user.id }, data: { locale: options.locale ?? "ru" } });
  const organizationId = options.organizationId ?? orgId;
  await db.membership.create({ data: { userId: user.id, organizationId, role: "MANAGER" } });
  return { ...user, organizationId };
}

async function saved(
  who: { id: number; organizationId: number },
  query: string,
  options: { createdAt: Date; frequency?: "DAILY" | "WEEKLY"; name?: string },
) {
  const row = await saveResumeSearch(
    { userId: who.id, organizationId: who.organizationId },
    { query, name: options.name ?? "Водители Караганды", frequency: options.frequency ?? "DAILY" },
  );
  await db.savedResumeSearch.update({ where: { id: row.id }, data: { createdAt: options.createdAt } });
  return row;
}

const emailsTo = (email: string) =>
  db.emailMessage.findMany({
    where: { toAddress: email, template: "resume-search-alert" },
    orderBy: { id: "asc" },
    select: { subject: true, html: true, text: true, headers: true, status: true, locale: true },
  });

const errorOf = (work: Promise<unknown>) =>
  work.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : e instanceof ZodError ? "ZodError" : String(e)),
  );

describe("saving, listing, changing and deleting", () => {
  it("saves the canonical search once per member and organisation, and lists only the member's own", async () => {
    const a = await member();
    const b = await member();
    const me = { userId: a.id, organizationId: orgId };
    const row = await saveResumeSearch(me, { query: "?licence=c&q=водитель&page=3&sort=date", name: "  Водители  " });
    expect(row).toMatchObject({
      name: "Водители",
      query: "q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&licence=c",
      frequency: "DAILY",
      emailOn: true,
    });
    // The same search written another way is the same search.
    expect(await errorOf(saveResumeSearch(me, { query: "q=водитель&licence=C", name: "Ещё раз" }))).toBe(
      "CONFLICT errors.savedResumeSearches.duplicate",
    );
    // Another member may save it too.
    await saveResumeSearch({ userId: b.id, organizationId: orgId }, { query: "q=водитель&licence=c", name: "Мой" });

    expect((await listSavedResumeSearches(me)).map((s) => s.name)).toEqual(["Водители"]);
    expect(await errorOf(updateSavedResumeSearch({ userId: b.id, organizationId: orgId }, { id: row.id, name: "Чужой" }))).toBe(
      "NOT_FOUND errors.savedResumeSearches.notFound",
    );
    expect(await errorOf(deleteSavedResumeSearch({ userId: b.id, organizationId: orgId }, { id: row.id }))).toBe(
      "NOT_FOUND errors.savedResumeSearches.notFound",
    );

    expect(
      await updateSavedResumeSearch(me, { id: row.id, name: "Водители C", frequency: "WEEKLY", emailOn: false }),
    ).toMatchObject({
      name: "Водители C",
      frequency: "WEEKLY",
      emailOn: false,
    });
    await deleteSavedResumeSearch(me, { id: row.id });
    expect(await listSavedResumeSearches(me)).toEqual([]);
    expect(await db.savedResumeSearch.count({ where: { userId: b.id } })).toBe(1);
  });

  it("writes nothing for bad input, past the limit, or in an organisation that does not see the database", async () => {
    const a = await member();
    const me = { userId: a.id, organizationId: orgId };
    expect(await errorOf(saveResumeSearch(me, { query: "q=x", name: "   " }))).toBe("ZodError");
    expect(await errorOf(saveResumeSearch(me, { query: "q=x", name: "Имя", frequency: "HOURLY" }))).toBe("ZodError");
    expect(await errorOf(saveResumeSearch(me, { query: "q=".padEnd(2100, "x"), name: "Имя" }))).toBe("ZodError");
    expect(await db.savedResumeSearch.count()).toBe(0);

    for (let i = 0; i < SAVED_RESUME_SEARCHES_LIMIT; i++)
      await saveResumeSearch(me, { query: `q=слово${i}`, name: `Поиск ${i}` });
    expect(await errorOf(saveResumeSearch(me, { query: "q=лишний", name: "Лишний" }))).toBe(
      "CONFLICT errors.savedResumeSearches.limitReached",
    );
    expect(await db.savedResumeSearch.count()).toBe(SAVED_RESUME_SEARCHES_LIMIT);

    const [row] = await listSavedResumeSearches(me);
    expect(await errorOf(updateSavedResumeSearch(me, { id: row!.id, name: "" }))).toBe("ZodError");
    expect((await db.savedResumeSearch.findUniqueOrThrow({ where: { id: row!.id } })).name).toBe(row!.name);

    const unverified = await createOrganization("EMPLOYER");
    const other = await member({ organizationId: unverified.id });
    expect(
      await errorOf(saveResumeSearch({ userId: other.id, organizationId: unverified.id }, { query: "q=x", name: "Имя" })),
    ).toBe("FORBIDDEN errors.resumeDatabase.unverified");
    expect(await db.savedResumeSearch.count({ where: { organizationId: unverified.id } })).toBe(0);
  });
});

describe("the job", () => {
  it("emails only the resumes updated since the last email, as the organisation finds them, once a day", async () => {
    const who = await member({ name: "Асель" });
    const search = await saved(who, "q=крановщик", { createdAt: before(TUESDAY, 3 * DAY) });
    const old = await resume(before(TUESDAY, 5 * DAY), { title: "Крановщик старый" });
    const fresh = await resume(before(TUESDAY, HOUR), { title: "Крановщик башенного крана", desiredSalary: 600_000 });
    const hiddenFromUs = await resume(before(TUESDAY, HOUR), {
      title: "Крановщик скрытый",
      visibility: "ALL_EXCEPT",
      hiddenOrganizationIds: [orgId],
    });
    const moderated = await resume(before(TUESDAY, HOUR), { title: "Крановщик модерация" });
    await hideResume({ resumeId: moderated.id, reason: "Реклама услуг в тексте резюме." }, { userId: staffId, ip: null });
    await resume(before(TUESDAY, HOUR), { title: "Крановщик только откликам", visibility: "APPLIED_ONLY" });

    expect(await run(TUESDAY)).toMatchObject({ weekly: false, claimed: 1, sent: 1, empty: 0, failed: 0 });
    const [email, ...more] = await emailsTo(who.email);
    expect(more).toEqual([]);
    expect(email!.subject).toBe("1 новое резюме по поиску «Водители Караганды»");
    expect(email!.html).toContain(`/ru/employer/${orgId}/resumes/${fresh.publicId}`);
    expect(email!.text).toContain("Крановщик башенного крана");
    expect(email!.text).toContain("600");
    expect(email!.text).toContain("Караганда");
    for (const absent of [
      old.publicId,
      hiddenFromUs.publicId,
      moderated.publicId,
      "Крановщик только откликам",
      "Ержан",
      fresh.seeker.email,
    ])
      expect(email!.html).not.toContain(absent);
    expect(email!.html).toContain(`/ru/employer/${orgId}/resumes?q=`);
    expect(email!.html).toContain(`/ru/employer/${orgId}/resumes/saved`);
    expect((email!.headers as Record<string, string>)["List-Unsubscribe"]).toMatch(
      /^<http:\/\/localhost:3000\/api\/unsubscribe\/resume-search\?token=rsearch\.\d+\./,
    );
    expect((await db.savedResumeSearch.findUniqueOrThrow({ where: { id: search.id } })).lastSentAt).toEqual(cut(TUESDAY));

    // Again the same day: nothing is sent twice.
    expect(await run(after(TUESDAY, 2 * HOUR))).toMatchObject({ claimed: 0, sent: 0 });
    // The next day: nothing new, no email; then a new resume comes.
    expect(await run(WEDNESDAY)).toMatchObject({ claimed: 1, sent: 0, empty: 1 });
    await resume(before(after(WEDNESDAY, DAY), HOUR), { title: "Крановщик новый" });
    expect(await run(after(WEDNESDAY, DAY))).toMatchObject({ sent: 1 });
    const emails = await emailsTo(who.email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.text).toContain("Крановщик новый");
    expect(emails[1]!.text).not.toContain("Крановщик башенного крана");
  });

  it("sends weekly searches on Mondays only, in the member's language, at most ten cards", async () => {
    const who = await member({ locale: "kk" });
    await saved(who, "q=сварщик", { createdAt: before(MONDAY, 20 * DAY), frequency: "WEEKLY", name: "Дәнекерлеушілер" });
    for (let i = 0; i < RESUME_ALERT_CARDS + 2; i++) await resume(before(MONDAY, (i + 1) * HOUR), { title: `Сварщик ${i}` });

    expect(await run(before(MONDAY, DAY))).toMatchObject({ weekly: false, claimed: 0 });
    expect(await run(MONDAY)).toMatchObject({ weekly: true, sent: 1 });
    const [email] = await emailsTo(who.email);
    expect(email!.locale).toBe("kk");
    expect(email!.subject).toBe("«Дәнекерлеушілер» іздеуі бойынша 12 жаңа түйіндеме");
    expect(email!.html.match(/\/kk\/employer\/\d+\/resumes\/[0-9a-f-]{36}/g)).toHaveLength(RESUME_ALERT_CARDS);
    expect(await run(TUESDAY)).toMatchObject({ claimed: 0 });
  });

  it("sends nothing to a member who left, in an organisation that lost verification, or with emails off", async () => {
    const left = await member();
    const unverified = await member();
    const off = await member();
    const createdAt = before(TUESDAY, 3 * DAY);
    await saved(left, "q=бетонщик", { createdAt });
    const offSearch = await saved(off, "q=бетонщик", { createdAt });
    await resume(before(TUESDAY, HOUR), { title: "Бетонщик" });
    await leaveOrganization(orgId, { userId: left.id, ip: null });
    await updateSavedResumeSearch({ userId: off.id, organizationId: orgId }, { id: offSearch.id, emailOn: false });
    const otherOrg = (await createVerifiedOrganization("EMPLOYER", [{ userId: unverified.id, role: "MANAGER" }])).id;
    await saved({ id: unverified.id, organizationId: otherOrg }, "q=бетонщик", { createdAt });
    await db.organization.update({ where: { id: otherOrg }, data: { verification: "PENDING" } });

    expect(await run(TUESDAY)).toMatchObject({ due: 0, claimed: 0, sent: 0 });
    for (const who of [left, unverified, off]) expect(await emailsTo(who.email)).toEqual([]);
  });

  it("records a refused email as failed and retries it later the same day", async () => {
    const who = await member();
    const search = await saved(who, "q=электрик", { createdAt: before(TUESDAY, 3 * DAY) });
    await resume(before(TUESDAY, HOUR), { title: "Электрик" });
    const refusing = createMailer(
      db,
      { name: "resend", send: (m) => Promise.resolve(m.map(() => ({ ok: false as const, error: "application_error: down" }))) },
      FROM,
    );
    expect(await run(TUESDAY, { mailer: refusing })).toMatchObject({ failed: 1 });
    expect((await db.savedResumeSearch.findUniqueOrThrow({ where: { id: search.id } })).lastSentAt).toBeNull();
    expect(await run(after(TUESDAY, 30 * MINUTE))).toMatchObject({ claimed: 1, sent: 1 });
    expect((await emailsTo(who.email)).map((e) => e.status)).toEqual(["FAILED", "CAPTURED"]);
    expect(
      await db.savedResumeSearchDelivery.findMany({
        where: { savedSearchId: search.id },
        select: { status: true, attempts: true },
      }),
    ).toEqual([{ status: "SENT", attempts: 2 }]);
  });

  it("stops the emails of one saved search by its one-click link, and refuses a digest token", async () => {
    const who = await member({ locale: "kk" });
    const search = await saved(who, "q=плотник", { createdAt: before(TUESDAY, 3 * DAY) });
    const kept = await saved(who, "q=плотник&licence=b", { createdAt: before(TUESDAY, 3 * DAY) });
    await resume(before(TUESDAY, HOUR), { title: "Плотник", licences: [{ category: "B", yearObtained: 2015 }] });
    await run(TUESDAY);
    const [first] = await emailsTo(who.email);
    const header = /<([^>]+)>/.exec((first!.headers as Record<string, string>)["List-Unsubscribe"]!)![1]!;
    const sentToken = new URL(header).searchParams.get("token")!;
    const check = verifyUnsubscribeToken(sentToken, after(TUESDAY, DAY), "rsearch");
    expect(check.ok).toBe(true);
    const unsubscribed = check.ok && check.userId === search.id ? search : kept;
    expect(verifyUnsubscribeToken(sentToken, after(TUESDAY, DAY)).ok).toBe(false);
    // The same link, signed now (the email was "sent" in 2030, a token from the future is refused).
    const link = `http://localhost:3000/api/unsubscribe/resume-search?token=${encodeURIComponent(
      createUnsubscribeToken(unsubscribed.id, new Date(), "rsearch"),
    )}`;

    const opened = await unsubscribeGet(new Request(link));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toContain("/kk/unsubscribe/resume-search?token=");
    expect((await db.savedResumeSearch.findUniqueOrThrow({ where: { id: unsubscribed.id } })).emailOn).toBe(true);

    const answer = await unsubscribePost(
      new Request(link, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(answer.status).toBe(200);
    const rows = await db.savedResumeSearch.findMany({
      where: { userId: who.id },
      orderBy: { id: "asc" },
      select: { id: true, emailOn: true },
    });
    expect(rows).toEqual([search, kept].map((s) => ({ id: s.id, emailOn: s.id !== unsubscribed.id })));

    const digestToken = createUnsubscribeToken(unsubscribed.id, new Date());
    const refused = await unsubscribePost(
      new Request(`http://localhost:3000/api/unsubscribe/resume-search?token=${encodeURIComponent(digestToken)}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
      }),
    );
    expect(refused.status).toBe(400);
  });

  describe("through Resend", () => {
    let close: (() => Promise<void>) | undefined;
    afterAll(async () => close?.());

    it("hands the emails to Resend with the unsubscribe headers and a per-day idempotency key", async () => {
      let n = 0;
      const server = await startCaptureServer((req) => ({
        status: 200,
        body: Array.isArray(req.body) ? { data: req.body.map(() => ({ id: `re_${++n}` })) } : { id: `re_${++n}` },
      }));
      close = server.close;
      const who = await member();
      const search = await saved(who, "q=штукатур", { createdAt: before(TUESDAY, 3 * DAY) });
      await resume(before(TUESDAY, HOUR), { title: "Штукатур" });

      const result = await run(TUESDAY, { mailer: createMailer(db, createResendTransport("re_test_key", server.url), FROM) });
      expect(result).toMatchObject({ sent: 1 });
      type Sent = { to: string | string[]; headers: Record<string, string> };
      const sent = server.requests.flatMap((r) => (Array.isArray(r.body) ? (r.body as Sent[]) : [r.body as Sent]));
      expect(sent.map((e) => [e.to].flat()[0])).toEqual([who.email]);
      expect(sent[0]!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(
        await db.emailMessage.findFirst({ where: { toAddress: who.email }, select: { status: true, idempotencyKey: true } }),
      ).toEqual({ status: "SENT", idempotencyKey: `rsearch:${search.id}:2030-01-08` });
    });
  });
});
