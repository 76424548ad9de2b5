import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { getMyResumeWithContacts } from "@/server/services/resumes/resumes";
import { resumeHasVerifiedCategory } from "@/server/services/resumes/verified-licences";

import { createUser } from "../../../../test/support/factories";
import {
  adultTrainee,
  createSchool,
  daysFromToday,
  iinFor,
  today,
  yearsAgo,
  type SchoolFixture,
} from "../../../../test/support/school-factories";

import { changeTraineeStatus } from "./change-trainee-status";
import { createTrainee } from "./create-trainee";
import {
  consentGraduateInvitation,
  declineGraduateInvitation,
  GRADUATE_INVITATION_DAYS,
  previewGraduateInvitation,
  revokeGraduateInvitations,
  runGraduateInvitations,
} from "./graduate-invitations";
import { updateTrainee } from "./update-trainee";

const DAY = 86_400_000;
let mailbox = 0;
const address = () => `graduate-${++mailbox}-${Math.random().toString(36).slice(2, 7)}@example.kz`;

/** A trainee taken through the course to graduation by the school's manager. */
async function graduate(school: SchoolFixture, overrides: Record<string, unknown> = {}) {
  const trainee = await createTrainee(school.owner, school.organizationId, adultTrainee(overrides));
  await changeTraineeStatus(school.owner, school.organizationId, trainee.id, { status: "STUDYING" });
  await changeTraineeStatus(school.manager, school.organizationId, trainee.id, {
    status: "GRADUATED",
    certificate: { number: `АШ-${trainee.id}`, date: today() },
  });
  return trainee;
}

/** A minor (category A1 from 16, with the guardian's consent) who turns 18 `daysTo18` days from today. */
function minor(daysTo18: number, email: string) {
  const birthDate = yearsAgo(18, -daysTo18);
  return {
    birthDate,
    iin: iinFor(birthDate),
    category: "A1" as const,
    email,
    guardian: { name: "Серикова Айгуль", relation: "мать", consentOn: daysFromToday(-10) },
  };
}

const emailsTo = (to: string) => db.emailMessage.findMany({ where: { toAddress: to }, orderBy: { id: "asc" } });

/** The link's secret, read from the newest email to the address. */
async function tokenSentTo(to: string): Promise<string> {
  const emails = await emailsTo(to);
  const text = emails.at(-1)?.text ?? "";
  const match = /\/graduate\/([A-Za-z0-9_-]{20,})/.exec(text);
  if (!match) throw new Error(`no graduate link in:\n${text}`);
  return match[1]!;
}

const seekerActor = async () => {
  const user = await createUser();
  return { userId: user.id, ip: "203.0.113.20" };
};

const licencesOf = (userId: number) => db.verifiedLicence.findMany({ where: { userId } });

describe("the invitation on graduation", () => {
  it("goes to an adult graduate with an email once, in the recorder's language, with a 30-day single-use link", async () => {
    const school = await createSchool();
    await db.user.update({ where: { id: school.manager.userId }, data: { locale: "kk" } });
    const email = address();
    const trainee = await graduate(school, { email, category: "C" });

    const invitations = await db.graduateInvitation.findMany({ where: { traineeId: trainee.id } });
    expect(invitations).toHaveLength(1);
    const [invitation] = invitations;
    expect(invitation).toMatchObject({ email, locale: "kk", claimedAt: null, revokedAt: null });
    expect(invitation!.sentAt).not.toBeNull();
    const days = (invitation!.expiresAt.getTime() - invitation!.createdAt.getTime()) / DAY;
    expect(days).toBe(GRADUATE_INVITATION_DAYS);

    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "graduate-invitation", locale: "kk" });
    expect(emails[0]!.subject).toContain("C санаты");
    const token = await tokenSentTo(email);
    // Only the hash is stored.
    expect(invitation!.tokenHash).not.toContain(token);
    expect(await db.graduateInvitation.count({ where: { tokenHash: token } })).toBe(0);

    const organization = await db.organization.findUniqueOrThrow({ where: { id: school.organizationId } });
    expect(await previewGraduateInvitation(token)).toEqual({
      state: "open",
      school: organization.displayName,
      category: "C",
      year: Number(today().slice(0, 4)),
      expiresAt: invitation!.expiresAt,
    });
  });

  it("is not sent to a graduate without an email, nor to a minor", async () => {
    const school = await createSchool();
    const noEmail = await graduate(school, { email: null });
    const minorEmail = address();
    const young = await graduate(school, minor(100, minorEmail));
    expect(await db.graduateInvitation.count({ where: { traineeId: { in: [noEmail.id, young.id] } } })).toBe(0);
    expect(await emailsTo(minorEmail)).toHaveLength(0);
  });
});

describe("the daily job", () => {
  it("invites a graduate on their 18th birthday exactly once, and nobody the day before", async () => {
    const school = await createSchool();
    const email = address();
    const young = await graduate(school, minor(1, email));
    expect(await db.graduateInvitation.count({ where: { traineeId: young.id } })).toBe(0);

    await runGraduateInvitations(new Date());
    expect(await db.graduateInvitation.count({ where: { traineeId: young.id } })).toBe(0);

    const birthday = new Date(Date.now() + DAY);
    const first = await runGraduateInvitations(birthday);
    expect(first.invited).toBeGreaterThanOrEqual(1);
    expect(await db.graduateInvitation.count({ where: { traineeId: young.id } })).toBe(1);
    expect(await emailsTo(email)).toHaveLength(1);

    await runGraduateInvitations(birthday);
    await runGraduateInvitations(new Date(Date.now() + 2 * DAY));
    expect(await db.graduateInvitation.count({ where: { traineeId: young.id } })).toBe(1);
    expect(await emailsTo(email)).toHaveLength(1);
    // The link works like one sent on graduation.
    expect((await previewGraduateInvitation(await tokenSentTo(email), birthday)).state).toBe("open");
  });

  it("sends, with a fresh token, an invitation whose email never reached the outbox", async () => {
    const school = await createSchool();
    const email = address();
    const trainee = await graduate(school, { email });
    const lostToken = await tokenSentTo(email);
    // As if the process had stopped between the commit and the mailer.
    await db.graduateInvitation.updateMany({ where: { traineeId: trainee.id }, data: { sentAt: null } });
    await runGraduateInvitations(new Date());
    expect(await emailsTo(email)).toHaveLength(1);

    const later = new Date(Date.now() + 11 * 60_000);
    const run = await runGraduateInvitations(later);
    expect(run.resent).toBeGreaterThanOrEqual(1);
    expect(await emailsTo(email)).toHaveLength(2);
    const fresh = await tokenSentTo(email);
    expect(fresh).not.toBe(lostToken);
    expect((await previewGraduateInvitation(lostToken, later)).state).toBe("invalid");
    expect((await previewGraduateInvitation(fresh, later)).state).toBe("open");
    await runGraduateInvitations(later);
    expect(await emailsTo(email)).toHaveLength(2);
  });
});

describe("claiming", () => {
  it("with consent shows the category as verified on the seeker's resumes; the used link works for nobody", async () => {
    const school = await createSchool();
    const email = address();
    const trainee = await graduate(school, { email, category: "C" });
    const token = await tokenSentTo(email);
    const seeker = await seekerActor();
    const resume = await db.resume.create({
      data: { userId: seeker.userId, title: "Водитель категории C" },
      select: { id: true },
    });
    expect(await db.resume.count({ where: { id: resume.id, ...resumeHasVerifiedCategory("C") } })).toBe(0);

    await expect(consentGraduateInvitation(token, seeker)).resolves.toEqual({ category: "C" });
    const licences = await licencesOf(seeker.userId);
    expect(licences).toEqual([
      expect.objectContaining({ organizationId: school.organizationId, category: "C", traineeId: trainee.id }),
    ]);
    const { resume: shown } = await getMyResumeWithContacts(seeker.userId, resume.id);
    expect(shown.user.verifiedLicences).toEqual([
      { category: "C", schoolName: licences[0]!.schoolName, certificateDate: new Date(`${today()}T00:00:00.000Z`) },
    ]);
    expect(await db.resume.count({ where: { id: resume.id, ...resumeHasVerifiedCategory("C") } })).toBe(1);
    expect(await db.resume.count({ where: { id: resume.id, ...resumeHasVerifiedCategory("CE") } })).toBe(0);

    const other = await seekerActor();
    await expect(consentGraduateInvitation(token, other)).rejects.toMatchObject({ messageKey: "errors.graduate.used" });
    await expect(declineGraduateInvitation(token, other)).rejects.toMatchObject({ messageKey: "errors.graduate.used" });
    await expect(consentGraduateInvitation(token, seeker)).rejects.toMatchObject({ messageKey: "errors.graduate.used" });
    expect(await licencesOf(other.userId)).toEqual([]);
    expect(await licencesOf(seeker.userId)).toHaveLength(1);
    expect((await previewGraduateInvitation(token)).state).toBe("used");
    expect(await db.graduateInvitation.findFirstOrThrow({ where: { traineeId: trainee.id } })).toMatchObject({
      claimedById: seeker.userId,
    });
  });

  it("declined, leaves nothing and uses the link up", async () => {
    const school = await createSchool();
    const email = address();
    await graduate(school, { email });
    const token = await tokenSentTo(email);
    const seeker = await seekerActor();
    await expect(declineGraduateInvitation(token, seeker)).resolves.toEqual({ ok: true });
    expect(await licencesOf(seeker.userId)).toEqual([]);
    await expect(consentGraduateInvitation(token, seeker)).rejects.toMatchObject({ messageKey: "errors.graduate.used" });
    expect(await licencesOf(seeker.userId)).toEqual([]);
  });

  it("is refused after 30 days, for a revoked link and for a made-up one, writing nothing", async () => {
    const school = await createSchool();
    const email = address();
    const trainee = await graduate(school, { email });
    const token = await tokenSentTo(email);
    const seeker = await seekerActor();
    const expired = new Date(Date.now() + (GRADUATE_INVITATION_DAYS + 1) * DAY);
    expect((await previewGraduateInvitation(token, expired)).state).toBe("expired");
    await expect(consentGraduateInvitation(token, seeker, expired)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.graduate.expired",
    });
    await expect(consentGraduateInvitation("x".repeat(43), seeker)).rejects.toMatchObject({
      messageKey: "errors.graduate.invalid",
    });

    await db.$transaction((tx) => revokeGraduateInvitations(tx, trainee.id, new Date()));
    expect((await previewGraduateInvitation(token)).state).toBe("invalid");
    await expect(consentGraduateInvitation(token, seeker)).rejects.toMatchObject({ messageKey: "errors.graduate.invalid" });
    await expect(declineGraduateInvitation(token, seeker)).rejects.toMatchObject({ messageKey: "errors.graduate.invalid" });
    expect(await licencesOf(seeker.userId)).toEqual([]);
    // A revoked invitation counts as none: the daily job sends a new one.
    await runGraduateInvitations(new Date());
    expect(await db.graduateInvitation.count({ where: { traineeId: trainee.id, revokedAt: null } })).toBe(1);
  });

  it("a corrected email revokes the link sent to the old address and sends a new one", async () => {
    const school = await createSchool();
    const wrong = address();
    const values = adultTrainee({ email: wrong });
    const trainee = await graduate(school, values);
    const oldToken = await tokenSentTo(wrong);
    const right = address();
    await updateTrainee(school.owner, school.organizationId, trainee.id, { ...values, email: right });
    expect((await previewGraduateInvitation(oldToken)).state).toBe("invalid");
    expect((await previewGraduateInvitation(await tokenSentTo(right))).state).toBe("open");

    // Once claimed, a later correction sends nothing more.
    await consentGraduateInvitation(await tokenSentTo(right), await seekerActor());
    const third = address();
    await updateTrainee(school.owner, school.organizationId, trainee.id, { ...values, email: third });
    expect(await emailsTo(third)).toHaveLength(0);
  });
});
