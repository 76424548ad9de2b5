import { z } from "zod";

import type {
  ApplicantTemplateKind,
  ApplicationStatus,
  LicenceCategory,
  Locale,
  ResumeModeration,
} from "@/generated/prisma/enums";
import { translatorFor } from "@/i18n/translator";
import { isLocale, type AppLocale } from "@/i18n/routing";
import { isHiddenByModeration } from "@/lib/resume-moderation";
import { htmlToText } from "@/lib/sanitize-html";
import { answerSchema, noteSchemaClient } from "@/lib/validation/applications";
import { db } from "@/server/db";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { applicantResponseTemplate } from "@/server/email/templates/applicant-response";
import { fillPlaceholders } from "@/lib/fill-placeholders";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import type { Actor } from "../organizations/manage-organization";
import { firstName, resumeAccessFor } from "../resumes/resumes";
import { seekerHasVerifiedCategory, verifiedLicenceSelect } from "../resumes/verified-licences";
import { assertInvitationRoom, invitationsOf } from "./invitation-cap";

/** One bulk action answers at most this many applications. */
export const MAX_BULK = 200;
const PAGE = 50;

export const templateSchema = answerSchema.extend({
  kind: z.enum(["INVITE", "REJECT"]),
  locale: z.enum(["ru", "kk"]),
});

export const responseSchema = z.object({
  applicationIds: z.array(z.number().int().positive()).min(1).max(MAX_BULK, "validation.tooManySelected"),
  decision: z.enum(["INVITE", "REJECT"]),
  /** The wording for this answer, edited from the template; absent: the organisation's template. */
  custom: answerSchema.optional(),
});

export const noteSchema = noteSchemaClient;

const inOrganization = (organizationId: number, applicationId: number) => ({
  id: applicationId,
  vacancy: { organizationId },
});

/**
 * A resume hidden by moderation is not shown even to the organisation it was sent to (the one
 * rule of resumeAccessFor); the application says it was hidden instead.
 */
function withoutModeratedResume<R extends { moderation: ResumeModeration }>(resume: R | null) {
  if (resume && isHiddenByModeration(resume.moderation)) return { resume: null, resumeHidden: true };
  return { resume, resumeHidden: false };
}

/**
 * The inbox: applications to the organisation's vacancies, newest first, with counts per status;
 * optionally only seekers with a licence category verified by a driving school.
 */
export async function listApplications(
  organizationId: number,
  filter: { vacancyId?: number; status?: ApplicationStatus; verifiedCategory?: LicenceCategory; cursor?: number },
) {
  const seeker = filter.verifiedCategory ? { seeker: seekerHasVerifiedCategory(filter.verifiedCategory) } : {};
  const where = {
    vacancy: { organizationId, ...(filter.vacancyId ? { id: filter.vacancyId } : {}) },
    status: filter.status ? filter.status : { not: "WITHDRAWN" as const },
    ...seeker,
  };
  const [rows, counts] = await Promise.all([
    db.application.findMany({
      where: { ...where, ...(filter.cursor ? { id: { lt: filter.cursor } } : {}) },
      orderBy: { id: "desc" },
      take: PAGE + 1,
      select: {
        id: true,
        status: true,
        origin: true,
        createdAt: true,
        vacancy: { select: { id: true, title: true } },
        seeker: { select: { name: true, verifiedLicences: verifiedLicenceSelect } },
        resume: {
          select: { title: true, desiredSalary: true, moderation: true, city: { select: { nameRu: true, nameKk: true } } },
        },
      },
    }),
    db.application.groupBy({
      by: ["status"],
      where: { vacancy: { organizationId, ...(filter.vacancyId ? { id: filter.vacancyId } : {}) }, ...seeker },
      _count: { _all: true },
    }),
  ]);
  return {
    items: rows.slice(0, PAGE).map(({ resume, seeker, ...row }) => ({
      ...row,
      // An invitation shares nothing of the seeker's beyond what the resume showed: the first name.
      seeker: row.origin === "EMPLOYER" ? { ...seeker, name: firstName(seeker.name) } : seeker,
      ...withoutModeratedResume(resume),
    })),
    nextCursor: rows.length > PAGE ? rows[PAGE - 1]!.id : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<ApplicationStatus, number>>,
  };
}

/**
 * One application as the organisation sees it: the resume the seeker sent with it (whatever its
 * visibility: applying shares it with this employer), the seeker's contacts (always open for
 * applicants, SPEC §4), the covering message, the conversation and the organisation's notes.
 * Reading changes nothing: the page marks the application viewed (markApplicationViewed) from the
 * browser once it is shown.
 */
export async function getApplication(organizationId: number, applicationId: number) {
  const application = await db.application.findFirst({
    where: inOrganization(organizationId, applicationId),
    select: {
      id: true,
      status: true,
      origin: true,
      invitedAt: true,
      invitedBy: { select: { name: true } },
      message: true,
      createdAt: true,
      viewedAt: true,
      respondedAt: true,
      vacancy: { select: { id: true, title: true } },
      seeker: {
        select: { id: true, name: true, email: true, phone: true, locale: true, verifiedLicences: verifiedLicenceSelect },
      },
      resume: {
        select: {
          id: true,
          publicId: true,
          title: true,
          desiredSalary: true,
          moderation: true,
          employmentTypes: true,
          schedules: true,
          skills: true,
          about: true,
          city: { select: { nameRu: true, nameKk: true } },
          experiences: { orderBy: [{ sortOrder: "asc" }, { startedOn: "desc" }] },
          educations: true,
          languages: true,
          licences: true,
          specializations: { select: { specialization: { select: { nameRu: true, nameKk: true } } } },
        },
      },
      messages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, isInternal: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
  if (!application) throw new DomainError("NOT_FOUND", "errors.applications.notFound");
  const { resume, resumeHidden } = withoutModeratedResume(application.resume);
  if (application.origin === "EMPLOYER") {
    // An invitation the organisation sent shares nothing by itself: the resume and the contacts
    // show as the resume's own rules say today (the seeker may have hidden it since).
    const access = resume ? await resumeAccessFor(organizationId, resume.publicId) : null;
    const { seeker } = application;
    const about = access && resume?.about ? htmlToText(resume.about) : null;
    return {
      ...application,
      seeker: access?.withContacts ? seeker : { ...seeker, name: firstName(seeker.name), email: null, phone: null },
      resume: access && resume ? { ...resume, about } : null,
      resumeHidden: resumeHidden || (resume !== null && access === null),
    };
  }
  const about = resume?.about ? htmlToText(resume.about) : null;
  return { ...application, resume: resume ? { ...resume, about } : null, resumeHidden };
}

/** A note only the organisation sees. */
export async function addNote(organizationId: number, applicationId: number, body: unknown, actor: Actor) {
  const text = noteSchema.parse(body);
  const application = await db.application.findFirst({
    where: inOrganization(organizationId, applicationId),
    select: { id: true },
  });
  if (!application) throw new DomainError("NOT_FOUND", "errors.applications.notFound");
  return db.applicationMessage.create({
    data: { applicationId: application.id, authorId: actor.userId, body: text, isInternal: true },
    select: { id: true },
  });
}

function defaultTemplate(kind: ApplicantTemplateKind, locale: AppLocale) {
  const t = translatorFor(locale);
  // The catalogue's placeholders come back as written, to be filled per applicant when sending.
  const same = { name: "{name}", vacancy: "{vacancy}", organization: "{organization}" };
  return {
    subject: t(`applicantTemplates.${kind}.subject`, same),
    body: t(`applicantTemplates.${kind}.body`, same),
  };
}

/** The organisation's templates, or the platform's wording where it has none. */
export async function getTemplates(organizationId: number) {
  const own = await db.organizationEmailTemplate.findMany({ where: { organizationId } });
  const result = [];
  for (const kind of ["INVITE", "REJECT"] as const) {
    for (const locale of ["ru", "kk"] as const) {
      const saved = own.find((t) => t.kind === kind && t.locale === locale);
      result.push({
        kind,
        locale,
        custom: Boolean(saved),
        ...(saved ? { subject: saved.subject, body: saved.body } : defaultTemplate(kind, locale)),
      });
    }
  }
  return result;
}

export async function saveTemplate(organizationId: number, raw: unknown, actor: Actor) {
  const input = templateSchema.parse(raw);
  await db.$transaction(async (tx) => {
    await tx.organizationEmailTemplate.upsert({
      where: { organizationId_kind_locale: { organizationId, kind: input.kind, locale: input.locale } },
      create: { organizationId, ...input },
      update: { subject: input.subject, body: input.body },
    });
    await audit(
      tx,
      actor,
      "organization.template.update",
      { type: "organization", id: organizationId },
      { data: { kind: input.kind, locale: input.locale } },
    );
  });
}

/**
 * The organisation has looked at the application: SENT becomes VIEWED (which the seeker sees),
 * once. NOT_FOUND for an application of another organisation.
 */
export async function markApplicationViewed(organizationId: number, applicationId: number, now = new Date()) {
  const { count } = await db.application.updateMany({
    where: { ...inOrganization(organizationId, applicationId), status: "SENT" },
    data: { status: "VIEWED", viewedAt: now },
  });
  if (
    count === 0 &&
    !(await db.application.findFirst({ where: inOrganization(organizationId, applicationId), select: { id: true } }))
  ) {
    throw new DomainError("NOT_FOUND", "errors.applications.notFound");
  }
  return { viewed: count === 1 };
}

/**
 * Invites or rejects one or several applicants (bulk reject): the status changes, the seeker gets
 * the organisation's email in their language (or the wording edited for this answer), and the
 * message stays in the application's conversation. Withdrawn applications are skipped; a vacancy
 * never invites more than INVITATIONS_PER_VACANCY seekers.
 */
export async function respondToApplications(organizationId: number, raw: unknown, actor: Actor, now = new Date()) {
  const input = responseSchema.parse(raw);
  const status = input.decision === "INVITE" ? "INVITED" : "REJECTED";
  const ids = [...new Set(input.applicationIds)];
  const { sent, organization } = await db.$transaction(async (tx) => {
    // Locks the applications, so two answers at once cannot both pass the invitation cap.
    const locked = await tx.$queryRaw<{ id: number; vacancy_id: number }[]>`
      SELECT a.id, a.vacancy_id FROM applications a JOIN vacancies v ON v.id = a.vacancy_id
      WHERE a.id = ANY (${ids}::integer[]) AND v.organization_id = ${organizationId} AND a.status <> 'WITHDRAWN'
      ORDER BY a.id FOR UPDATE OF a`;
    if (locked.length !== ids.length) throw new DomainError("NOT_FOUND", "errors.applications.notFound");
    if (status === "INVITED") {
      const adding = new Map<number, number>();
      for (const vacancyId of new Set(locked.map((r) => r.vacancy_id))) {
        // Applicants already counted as invitations of their vacancy add nothing.
        adding.set(
          vacancyId,
          await tx.application.count({ where: { id: { in: ids }, vacancyId, NOT: invitationsOf(vacancyId) } }),
        );
      }
      await assertInvitationRoom(tx, adding);
    }
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { displayName: true },
    });
    const templates = await tx.organizationEmailTemplate.findMany({ where: { organizationId, kind: input.decision } });
    const applications = await tx.application.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        seeker: { select: { id: true, name: true, email: true, locale: true } },
        vacancy: { select: { title: true } },
      },
    });
    const sent = [];
    for (const application of applications) {
      const locale: AppLocale = isLocale(application.seeker.locale) ? application.seeker.locale : "ru";
      const template =
        input.custom ?? templates.find((t) => t.locale === (locale as Locale)) ?? defaultTemplate(input.decision, locale);
      const values = {
        name: application.seeker.name,
        vacancy: application.vacancy.title,
        organization: organization.displayName,
      };
      const subject = fillPlaceholders(template.subject, values);
      const body = fillPlaceholders(template.body, values);
      await tx.application.update({ where: { id: application.id }, data: { status, respondedAt: now } });
      await tx.applicationMessage.create({
        data: { applicationId: application.id, authorId: actor.userId, body, isInternal: false },
      });
      sent.push({ application, locale, subject, body });
    }
    await audit(
      tx,
      actor,
      input.decision === "INVITE" ? "application.invite" : "application.reject",
      { type: "organization", id: organizationId },
      { data: { applicationIds: ids } },
    );
    return { sent, organization };
  });

  const emails = await Promise.all(
    sent.map(async ({ application, locale, subject, body }) => {
      const built = applicantResponseTemplate({ locale, subject, body, organization: organization.displayName });
      const { html, text } = await renderEmail(built.element);
      return {
        to: application.seeker.email,
        subject: built.subject,
        html,
        text,
        template: input.decision === "INVITE" ? "applicant-invite" : "applicant-reject",
        locale,
        userId: application.seeker.id,
      };
    }),
  );
  if (emails.length) await getMailer().sendMany(emails);
  return { answered: sent.length, status };
}
