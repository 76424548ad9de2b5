import { getEnv } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { translatorFor } from "@/i18n/translator";
import { isLocale, type AppLocale } from "@/i18n/routing";
import { ORG_ROLE_RANK } from "@/lib/org-roles";
import { vacancyPath } from "@/lib/urls";
import { INVITATIONS_PER_VACANCY, invitationSchema } from "@/lib/validation/applications";
import { audit, type UserActor } from "@/server/audit";
import { HIRING_ORG_TYPES } from "@/server/auth/guards";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { resumeInvitationTemplate } from "@/server/email/templates/resume-invitation";
import { DomainError } from "@/server/errors";

import { mayInviteFromResume } from "../resumes/may-invite-from-resume";
import { publicVacancyWhere } from "../vacancies/visibility";
import { assertInvitationRoom, invitationsOf } from "./invitation-cap";

/**
 * Who may invite from resumes: an owner or a manager of a verified, unblocked organisation that
 * hires (SPEC §4: an unverified organisation is nobody yet).
 */
async function requireInviter(tx: DbTx, userId: number, organizationId: number) {
  const membership = await tx.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: { role: true, organization: { select: { type: true, verification: true, blockedAt: true } } },
  });
  if (!membership || !HIRING_ORG_TYPES.includes(membership.organization.type)) {
    throw new DomainError("FORBIDDEN", "errors.forbidden");
  }
  if (ORG_ROLE_RANK[membership.role] < ORG_ROLE_RANK.MANAGER) throw new DomainError("FORBIDDEN", "errors.org.roleTooLow");
  if (membership.organization.blockedAt) throw new DomainError("FORBIDDEN", "errors.org.blockedReadOnly");
  if (membership.organization.verification !== "VERIFIED") {
    throw new DomainError("CONFLICT", "errors.invitations.orgNotVerified");
  }
}

/** The organisation's vacancies open to the public now: the ones it may invite seekers to. */
const openVacanciesOf = (organizationId: number, now: Date) =>
  ({ organizationId, ...publicVacancyWhere(now) }) satisfies Prisma.VacancyWhereInput;

/**
 * The organisation's open vacancies to choose from when inviting, newest first, each with the
 * invitations it has sent and whether the seeker of `resumePublicId` (when given and visible) is
 * already among its applicants or invitees.
 */
export async function listInvitableVacancies(organizationId: number, resumePublicId: string | null, now = new Date()) {
  const found = resumePublicId ? await mayInviteFromResume(organizationId, resumePublicId, db, now) : null;
  const access = found?.ok ? found : null;
  const vacancies = await db.vacancy.findMany({
    where: openVacanciesOf(organizationId, now),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      city: { select: { nameRu: true, nameKk: true } },
      applications: access ? { where: { seekerId: access.userId }, select: { id: true } } : undefined,
    },
  });
  const counted = await db.application.groupBy({
    by: ["vacancyId"],
    where: invitationsOf(vacancies.map((v) => v.id)),
    _count: { _all: true },
  });
  const invitations = new Map(counted.map((c) => [c.vacancyId, c._count._all]));
  return vacancies.map((v) => ({
    id: v.id,
    title: v.title,
    city: v.city,
    invitations: invitations.get(v.id) ?? 0,
    full: (invitations.get(v.id) ?? 0) >= INVITATIONS_PER_VACANCY,
    alreadyThere: (v.applications?.length ?? 0) > 0,
  }));
}

/**
 * An organisation invites the seeker of a resume it may see to one of its open vacancies: the
 * invitation becomes an application (status INVITED, origin EMPLOYER) that the seeker sees among
 * their applications and may decline, with the organisation's message in its conversation. At most
 * INVITATIONS_PER_VACANCY per vacancy; never a second application of a seeker to one vacancy. The
 * seeker is emailed in their language after the commit; a failed delivery keeps the invitation
 * (the seeker sees it in the cabinet) and is reported to the caller.
 */
export async function inviteToVacancy(actor: UserActor, organizationId: number, raw: unknown, now = new Date()) {
  const input = invitationSchema.parse(raw);
  const created = await db
    .$transaction(async (tx) => {
      await requireInviter(tx, actor.userId, organizationId);
      const vacancy = await tx.vacancy.findFirst({
        where: { id: input.vacancyId, ...openVacanciesOf(organizationId, now) },
        select: { id: true, title: true, slug: true, publicationType: true, organization: { select: { displayName: true } } },
      });
      if (!vacancy) throw new DomainError("NOT_FOUND", "errors.invitations.vacancyUnavailable", { field: "vacancyId" });
      const resume = await mayInviteFromResume(organizationId, input.resumePublicId, tx);
      if (!resume.ok && resume.reason === "notFound") throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
      if (!resume.ok) throw new DomainError("FORBIDDEN", "errors.invitations.contactsFirst");
      // Locks the vacancy: invitations to it are counted one at a time.
      await assertInvitationRoom(tx, new Map([[vacancy.id, 1]]));
      const existing = await tx.application.findUnique({
        where: { vacancyId_seekerId: { vacancyId: vacancy.id, seekerId: resume.userId } },
        select: { id: true },
      });
      if (existing) throw new DomainError("CONFLICT", "errors.invitations.already");
      const application = await tx.application.create({
        data: {
          vacancyId: vacancy.id,
          seekerId: resume.userId,
          resumeId: resume.resumeId,
          status: "INVITED",
          origin: "EMPLOYER",
          invitedById: actor.userId,
          invitedAt: now,
          createdAt: now,
          messages: { create: { authorId: actor.userId, body: input.message, isInternal: false, createdAt: now } },
        },
        select: { id: true, seeker: { select: { id: true, name: true, email: true, locale: true } } },
      });
      await audit(
        tx,
        actor,
        "application.invite_from_resume",
        { type: "application", id: application.id },
        { data: { organizationId, vacancyId: vacancy.id, resumeId: resume.resumeId } },
      );
      return { application, vacancy };
    })
    .catch((error: unknown) => {
      // The seeker applied (or another member invited them) at the same moment.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new DomainError("CONFLICT", "errors.invitations.already");
      }
      throw error;
    });

  const { application, vacancy } = created;
  const seeker = application.seeker;
  const locale: AppLocale = isLocale(seeker.locale) ? seeker.locale : "ru";
  const organization =
    vacancy.publicationType === "ANONYMOUS"
      ? translatorFor(locale)("vacancy.anonymousCompany")
      : vacancy.organization.displayName;
  const appUrl = getEnv().APP_URL;
  const built = resumeInvitationTemplate({
    locale,
    name: seeker.name,
    vacancy: vacancy.title,
    vacancyUrl: new URL(`/${locale}${vacancyPath(vacancy.id, vacancy.slug)}`, appUrl).toString(),
    organization,
    message: input.message,
    cabinetUrl: new URL(`/${locale}/seeker/applications`, appUrl).toString(),
  });
  const { html, text } = await renderEmail(built.element);
  const sent = await getMailer().send({
    to: seeker.email,
    subject: built.subject,
    html,
    text,
    template: "resume-invitation",
    locale,
    userId: seeker.id,
    idempotencyKey: `resume-invitation:${application.id}`,
  });
  return { id: application.id, emailDelivered: sent.delivered };
}
