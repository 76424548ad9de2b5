import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { resetEnvForTests } from "@/env";
import type { OrgRole } from "@/generated/prisma/enums";
import { INVITATIONS_PER_VACANCY } from "@/lib/validation/applications";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { startCaptureServer } from "../../../../test/support/capture-server";
import {
  createBillingProduct,
  createOrganization,
  createUser,
  createVerifiedOrganization,
  grantEntitlement,
} from "../../../../test/support/factories";
import { openResumeContacts } from "../resume-database/open-resume-contacts";

import { getResumeForOrganization } from "../resumes/resumes";
import { vacancyStats } from "../vacancies/vacancy-stats";
import { listMyApplications, withdrawApplication } from "./apply";
import { getApplication, listApplications, respondToApplications } from "./employer-inbox";
import { inviteToVacancy, listInvitableVacancies } from "./invite-to-vacancy";

// The seeker's email goes through the real Resend transport to a local server that records it.
const server = await startCaptureServer(() => ({ status: 200, body: { id: "email_ok" } }));
process.env.MAIL_TRANSPORT = "resend";
process.env.RESEND_API_KEY = "re_test_invitations";
process.env.RESEND_BASE_URL = server.url;
resetEnvForTests();

afterAll(async () => {
  await server.close();
});

const MESSAGE = "Здравствуйте! Приглашаем вас на собеседование в четверг.";
const as = (userId: number) => ({ userId, ip: "127.0.0.1" });
const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

let cityId = 0;
let owner = { id: 0 };
let manager = { id: 0 };
let observer = { id: 0 };
let orgId = 0;
let otherOrgId = 0;

async function member(organizationId: number, role: OrgRole) {
  const user = await createUser({ isSeeker: false });
  await db.membership.create({ data: { userId: user.id, organizationId, role } });
  return user;
}

async function vacancy(organizationId: number, data: Partial<{ status: "PUBLISHED" | "SUBMITTED" | "ARCHIVED" | "DRAFT" }> = {}) {
  const status = data.status ?? "PUBLISHED";
  return db.vacancy.create({
    data: {
      organizationId,
      title: "Водитель категории CE",
      slug: "voditel-ce",
      description: "<p>Описание.</p>",
      cityId,
      status,
      publishedAt: status === "PUBLISHED" || status === "ARCHIVED" ? new Date() : null,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    },
    select: { id: true, title: true },
  });
}

async function seekerWithResume(
  options: {
    locale?: "ru" | "kk";
    visibility?: "ALL" | "ALL_EXCEPT" | "APPLIED_ONLY" | "HIDDEN";
    hiddenFrom?: number[];
    moderation?: "HIDDEN" | "REVIEW";
    /** Whether the organisation opens the resume's contacts before inviting (default yes). */
    opened?: boolean;
  } = {},
) {
  const seeker = await createUser({ isSeeker: true, name: options.locale === "kk" ? "Айгүл Нұрланқызы" : "Иван Петров" });
  await db.user.update({ where: { id: seeker.id }, data: { locale: options.locale ?? "ru", phone: "+77011234567" } });
  const resume = await db.resume.create({
    data: {
      userId: seeker.id,
      title: "Водитель",
      cityId,
      visibility: options.visibility ?? "ALL",
      ...(options.moderation ? { moderation: options.moderation } : {}),
      hiddenFrom: { create: (options.hiddenFrom ?? []).map((organizationId) => ({ organizationId })) },
    },
    select: { id: true, publicId: true },
  });
  // The organisation opens the contacts from its resume database first, as the page asks; a resume
  // it may not see is refused there too, and the invitation's own refusal is what the tests check.
  if (options.opened !== false) await openResumeContacts(as(owner.id), orgId, resume.publicId).catch(() => undefined);
  return { seeker, resume };
}

const invite = (actor: { id: number }, organizationId: number, resumePublicId: string, vacancyId: number, message = MESSAGE) =>
  inviteToVacancy(as(actor.id), organizationId, { resumePublicId, vacancyId, message });

const emailsTo = (address: string) =>
  server.requests.filter((r) => {
    const body = r.body as { to?: string | string[] } | null;
    return body !== null && [body.to].flat().includes(address);
  });

/** What a refused call must leave behind: nothing. */
async function writes(seekerId: number) {
  return {
    applications: await db.application.count({ where: { seekerId } }),
    audit: await db.auditLog.count({ where: { action: "application.invite_from_resume", actorId: { not: null } } }),
  };
}

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "invite-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "invite-city", nameRu: "Актобе", nameKk: "Ақтөбе" } })).id;
  owner = await createUser({ isSeeker: false });
  orgId = (await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  await db.organization.update({ where: { id: orgId }, data: { displayName: "Актобе Транс" } });
  manager = await member(orgId, "MANAGER");
  observer = await member(orgId, "OBSERVER");
  otherOrgId = (await createVerifiedOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }])).id;
  // A running access to the region's resumes, from which the owner opens contacts.
  const access = await createBillingProduct({ kind: "RESUME_ACCESS", priceTiyn: 100_000n, accessDays: 7, units: 500 });
  await grantEntitlement({
    organizationId: orgId,
    productCode: access.code,
    unitsTotal: 500,
    validFrom: new Date(Date.now() - 3_600_000),
    validUntil: new Date(Date.now() + 7 * 86_400_000),
    regionId: region.id,
  });
});

describe("inviting a seeker from a resume", () => {
  it("creates an invitation the seeker sees among their applications and mails it in their language", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume({ locale: "kk" });
    const result = await invite(manager, orgId, resume.publicId, v.id);
    expect(result.emailDelivered).toBe(true);

    const application = await db.application.findUniqueOrThrow({ where: { id: result.id } });
    expect(application).toMatchObject({
      vacancyId: v.id,
      seekerId: seeker.id,
      resumeId: resume.id,
      status: "INVITED",
      origin: "EMPLOYER",
      invitedById: manager.id,
      message: null,
    });
    expect(application.invitedAt).not.toBeNull();

    const [mine] = await listMyApplications(seeker.id);
    expect(mine).toMatchObject({ id: result.id, origin: "EMPLOYER", status: "INVITED" });
    expect(mine?.messages.map((m) => m.body)).toEqual([MESSAGE]);

    const inbox = await listApplications(orgId, { vacancyId: v.id });
    expect(inbox.items).toEqual([expect.objectContaining({ id: result.id, origin: "EMPLOYER", status: "INVITED" })]);
    // The organisation did not get the seeker's contacts by inviting them.
    expect(inbox.items[0]?.seeker.name).toBe("Айгүл");
    const detail = await getApplication(orgId, result.id);
    expect(detail.seeker).toMatchObject({ name: "Айгүл", email: null, phone: null });
    expect(detail.invitedBy?.name).toBeTruthy();
    expect(detail.resume?.id).toBe(resume.id);

    const [sent] = emailsTo(seeker.email);
    const body = sent?.body as { subject: string; html: string; text: string };
    expect(body.subject).toBe("Актобе Транс сізді «Водитель категории CE» вакансиясына шақырады");
    expect(body.text).toContain(MESSAGE);
    expect(body.text).toContain("Айгүл Нұрланқызы");
    expect(body.html).toContain("/kk/seeker/applications");
    expect(body.html).toContain(`/kk/vacancy/${v.id}-voditel-ce`);
    const stored = await db.emailMessage.findFirstOrThrow({ where: { toAddress: seeker.email } });
    expect(stored).toMatchObject({ template: "resume-invitation", locale: "kk", userId: seeker.id });

    const logged = await db.auditLog.findFirstOrThrow({
      where: { action: "application.invite_from_resume", entityId: String(result.id) },
    });
    expect(logged).toMatchObject({ actorId: manager.id, entityType: "application", ip: "127.0.0.1" });
  });

  it("lets the seeker decline it, and then the organisation cannot invite them to that vacancy again", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume();
    const { id } = await invite(owner, orgId, resume.publicId, v.id);
    await withdrawApplication(seeker.id, id);
    expect((await db.application.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
    expect(await errorKey(invite(owner, orgId, resume.publicId, v.id))).toBe("errors.invitations.already");
    // Declined or not, it was an invitation of that vacancy.
    const [listed] = await listInvitableVacancies(orgId, resume.publicId).then((all) => all.filter((x) => x.id === v.id));
    expect(listed).toMatchObject({ invitations: 1, alreadyThere: true, full: false });
  });

  it("shares nothing the resume's own rules do not: no contacts, no resume once hidden, no application in the statistics", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume();
    const { id } = await invite(manager, orgId, resume.publicId, v.id);
    // The contacts are the organisation's through the opening, not through the invitation: once the
    // opening no longer counts (as when the access it was made under has ended), they are hidden.
    expect((await getResumeForOrganization(orgId, resume.publicId)).contacts).toBe("OPENED");
    await db.resumeOpening.deleteMany({ where: { organizationId: orgId, resumeId: resume.id } });
    expect((await getResumeForOrganization(orgId, resume.publicId)).seeker).toEqual({ name: "Иван", email: null, phone: null });
    expect((await vacancyStats(orgId, v.id)).applications).toBe(0);

    await db.resume.update({ where: { id: resume.id }, data: { visibility: "HIDDEN" } });
    await expect(getResumeForOrganization(orgId, resume.publicId)).rejects.toThrow("errors.resumes.notFound");
    const detail = await getApplication(orgId, id);
    expect(detail).toMatchObject({ resume: null, resumeHidden: true, seeker: { email: null, phone: null } });

    // Once the seeker applies to another vacancy of the organisation, it sees them as an applicant.
    const other = await vacancy(orgId);
    await db.application.create({ data: { vacancyId: other.id, seekerId: seeker.id, resumeId: resume.id } });
    expect((await getApplication(orgId, id)).seeker).toMatchObject({ name: "Иван Петров", email: seeker.email });
  });

  it("invites from the resume database only after the contacts were opened, and says so", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume({ opened: false });
    expect(await errorKey(invite(manager, orgId, resume.publicId, v.id))).toBe("errors.invitations.contactsFirst");
    expect(await writes(seeker.id)).toMatchObject({ applications: 0 });
    await openResumeContacts(as(manager.id), orgId, resume.publicId);
    await invite(manager, orgId, resume.publicId, v.id);
    expect(await db.application.count({ where: { seekerId: seeker.id, origin: "EMPLOYER" } })).toBe(1);
  });

  it("refuses a seeker who already applied to the vacancy, and a second invitation", async () => {
    const v = await vacancy(orgId);
    const applied = await seekerWithResume();
    await db.application.create({ data: { vacancyId: v.id, seekerId: applied.seeker.id, resumeId: applied.resume.id } });
    expect(await errorKey(invite(manager, orgId, applied.resume.publicId, v.id))).toBe("errors.invitations.already");
    expect(await db.application.count({ where: { seekerId: applied.seeker.id } })).toBe(1);

    const invited = await seekerWithResume();
    await invite(manager, orgId, invited.resume.publicId, v.id);
    const again = await Promise.all([
      errorKey(invite(owner, orgId, invited.resume.publicId, v.id)),
      errorKey(invite(manager, orgId, invited.resume.publicId, v.id)),
    ]);
    expect(again).toEqual(["errors.invitations.already", "errors.invitations.already"]);
    expect(await db.application.count({ where: { seekerId: invited.seeker.id } })).toBe(1);
    expect(emailsTo(invited.seeker.email)).toHaveLength(1);
  });

  it(`never invites more than ${INVITATIONS_PER_VACANCY} seekers to one vacancy, even at once`, async () => {
    const v = await vacancy(orgId);
    // 1,999 invitations: the applicants it invited and the ones it invited from resumes both count.
    await db.$executeRaw`
      WITH seekers AS (
        INSERT INTO users (email, name, is_seeker)
        SELECT 'invite-cap-' || n || '@example.kz', 'Соискатель ' || n, true
        FROM generate_series(1, ${INVITATIONS_PER_VACANCY - 1}) n
        RETURNING id
      )
      INSERT INTO applications (vacancy_id, seeker_id, status, origin, invited_at, updated_at)
      SELECT ${v.id}, id,
             CASE WHEN id % 3 = 0 THEN 'WITHDRAWN' ELSE 'INVITED' END::"ApplicationStatus",
             CASE WHEN id % 2 = 0 THEN 'EMPLOYER' ELSE 'SEEKER' END::"ApplicationOrigin",
             CASE WHEN id % 2 = 0 THEN now() END, now()
      FROM seekers`;
    // Applicants who withdrew before being invited were never invited: make the count exact again.
    await db.application.updateMany({
      where: { vacancyId: v.id, origin: "SEEKER", status: "WITHDRAWN" },
      data: { status: "INVITED" },
    });
    const seekers = await Promise.all(Array.from({ length: 5 }, () => seekerWithResume()));
    const outcomes = await Promise.all(seekers.map((s) => errorKey(invite(manager, orgId, s.resume.publicId, v.id))));
    expect(outcomes.filter((o) => o === "resolved")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "errors.applications.inviteCap")).toHaveLength(4);
    expect(await db.application.count({ where: { vacancyId: v.id, OR: [{ status: "INVITED" }, { origin: "EMPLOYER" }] } })).toBe(
      INVITATIONS_PER_VACANCY,
    );

    // Answering an applicant counts against the same cap.
    const applicant = await seekerWithResume();
    const application = await db.application.create({
      data: { vacancyId: v.id, seekerId: applicant.seeker.id, resumeId: applicant.resume.id },
    });
    expect(
      await errorKey(respondToApplications(orgId, { applicationIds: [application.id], decision: "INVITE" }, as(manager.id))),
    ).toBe("errors.applications.inviteCap");
    const [listed] = (await listInvitableVacancies(orgId, null)).filter((x) => x.id === v.id);
    expect(listed).toMatchObject({ invitations: INVITATIONS_PER_VACANCY, full: true });
  });

  it("invites only to the organisation's own vacancies open to the public", async () => {
    const { seeker, resume } = await seekerWithResume();
    const before = await writes(seeker.id);
    const foreign = await vacancy(otherOrgId);
    const submitted = await vacancy(orgId, { status: "SUBMITTED" });
    const archived = await vacancy(orgId, { status: "ARCHIVED" });
    const draft = await vacancy(orgId, { status: "DRAFT" });
    const expired = await vacancy(orgId);
    await db.vacancy.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const closed = await vacancy(orgId);
    await db.vacancy.update({ where: { id: closed.id }, data: { publicationType: "CLOSED" } });
    for (const v of [foreign, submitted, archived, draft, expired, closed]) {
      expect(await errorKey(invite(manager, orgId, resume.publicId, v.id))).toBe("errors.invitations.vacancyUnavailable");
    }
    expect(await errorKey(invite(manager, orgId, resume.publicId, 2_000_000_000))).toBe("errors.invitations.vacancyUnavailable");
    const offered = (await listInvitableVacancies(orgId, resume.publicId)).map((v) => v.id);
    for (const v of [foreign, submitted, archived, draft, expired, closed]) expect(offered).not.toContain(v.id);
    expect(await writes(seeker.id)).toEqual(before);
    expect(emailsTo(seeker.email)).toHaveLength(0);
  });

  it("invites only from resumes the organisation may see", async () => {
    const v = await vacancy(orgId);
    const cases = [
      await seekerWithResume({ visibility: "APPLIED_ONLY" }),
      await seekerWithResume({ visibility: "HIDDEN" }),
      await seekerWithResume({ visibility: "ALL_EXCEPT", hiddenFrom: [orgId] }),
      await seekerWithResume({ moderation: "HIDDEN" }),
      await seekerWithResume({ moderation: "REVIEW" }),
    ];
    for (const { seeker, resume } of cases) {
      const before = await writes(seeker.id);
      expect(await errorKey(invite(manager, orgId, resume.publicId, v.id))).toBe("errors.resumes.notFound");
      expect(await writes(seeker.id)).toEqual(before);
      expect(emailsTo(seeker.email)).toHaveLength(0);
    }
    // Hidden from another organisation only: this one may invite.
    const shown = await seekerWithResume({ visibility: "ALL_EXCEPT", hiddenFrom: [otherOrgId] });
    await expect(invite(manager, orgId, shown.resume.publicId, v.id)).resolves.toMatchObject({ emailDelivered: true });
    // APPLIED_ONLY, and the seeker applied to another vacancy of this organisation: visible.
    const appliedOnly = await seekerWithResume({ visibility: "APPLIED_ONLY" });
    const other = await vacancy(orgId);
    await db.application.create({ data: { vacancyId: other.id, seekerId: appliedOnly.seeker.id } });
    await expect(invite(manager, orgId, appliedOnly.resume.publicId, v.id)).resolves.toMatchObject({ emailDelivered: true });
  });

  it("refuses observers, other organisations' members, unverified and blocked organisations", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume();
    const before = await writes(seeker.id);
    expect(await errorKey(invite(observer, orgId, resume.publicId, v.id))).toBe("errors.org.roleTooLow");
    const stranger = await createUser({ isSeeker: false });
    await createVerifiedOrganization("EMPLOYER", [{ userId: stranger.id, role: "OWNER" }]);
    expect(await errorKey(invite(stranger, orgId, resume.publicId, v.id))).toBe("errors.forbidden");
    // A member of the other organisation inviting to this one's vacancy through their own.
    expect(await errorKey(invite(owner, otherOrgId, resume.publicId, v.id))).toBe("errors.invitations.vacancyUnavailable");

    const unverifiedOwner = await createUser({ isSeeker: false });
    const unverified = (await createOrganization("EMPLOYER", [{ userId: unverifiedOwner.id, role: "OWNER" }])).id;
    const theirs = await vacancy(unverified);
    expect(await errorKey(invite(unverifiedOwner, unverified, resume.publicId, theirs.id))).toBe(
      "errors.invitations.orgNotVerified",
    );

    const blockedOwner = await createUser({ isSeeker: false });
    const blocked = (await createVerifiedOrganization("EMPLOYER", [{ userId: blockedOwner.id, role: "OWNER" }])).id;
    const blockedVacancy = await vacancy(blocked);
    await db.organization.update({ where: { id: blocked }, data: { blockedAt: new Date() } });
    expect(await errorKey(invite(blockedOwner, blocked, resume.publicId, blockedVacancy.id))).toBe("errors.org.blockedReadOnly");
    expect(await writes(seeker.id)).toEqual(before);
    expect(emailsTo(seeker.email)).toHaveLength(0);
  });

  it("refuses bad input with the form's messages and writes nothing", async () => {
    const v = await vacancy(orgId);
    const { seeker, resume } = await seekerWithResume();
    const before = await writes(seeker.id);
    const bad = (input: unknown) => errorKey(inviteToVacancy(as(manager.id), orgId, input));
    expect(await bad({ resumePublicId: resume.publicId, vacancyId: v.id, message: "   коротко " })).toBe(
      "validation.invitationMessage",
    );
    expect(await bad({ resumePublicId: resume.publicId, vacancyId: v.id, message: "x".repeat(4001) })).toBe(
      "validation.invitationMessage",
    );
    expect(await bad({ resumePublicId: resume.publicId, vacancyId: -1, message: MESSAGE })).toBe("validation.invitationVacancy");
    expect(await bad({ resumePublicId: resume.publicId, vacancyId: "1", message: MESSAGE })).toBe("validation.invitationVacancy");
    expect(await bad({ resumePublicId: "not-a-uuid", vacancyId: v.id, message: MESSAGE })).toBe("errors.invalidInput");
    expect(await bad({ resumePublicId: "00000000-0000-4000-8000-000000000000", vacancyId: v.id, message: MESSAGE })).toBe(
      "errors.resumes.notFound",
    );
    expect(await bad(null)).not.toBe("resolved");
    expect(await writes(seeker.id)).toEqual(before);
  });
});
