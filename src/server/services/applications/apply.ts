import { z } from "zod";

import { getEnv } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { isLocale } from "@/i18n/routing";
import { optionalKzPhoneSchema } from "@/lib/validation/auth";
import { db } from "@/server/db";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { newApplicationTemplate } from "@/server/email/templates/new-application";
import { DomainError } from "@/server/errors";
import { consumeLimit } from "@/server/services/auth/rate-limit";
import { publicVacancyWhere } from "@/server/services/vacancies/visibility";

export const applySchema = z
  .object({
    vacancyId: z.number().int().positive(),
    /** null: a quick application with contacts and a covering message only. */
    resumeId: z.number().int().positive().nullable(),
    message: z
      .string()
      .trim()
      .max(4000, "validation.applyMessageTooLong")
      .nullish()
      .transform((v) => (v ? v : null)),
    /** Given when the account has no phone yet; it is saved to the profile. */
    phone: optionalKzPhoneSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.resumeId === null && (v.message?.length ?? 0) < 30) {
      ctx.addIssue({ code: "custom", path: ["message"], message: "validation.applyMessageRequired" });
    }
  });

/** Vacancies a seeker may apply to: the ones guests may see, still accepting applications. */
const open = publicVacancyWhere;

/** What the apply page needs: the vacancy, the seeker's resumes and contacts, an earlier application. */
export async function applyContext(userId: number, vacancyId: number, now = new Date()) {
  const [vacancy, user, resumes, existing] = await Promise.all([
    db.vacancy.findFirst({
      where: { id: vacancyId, ...open(now) },
      select: {
        id: true,
        title: true,
        slug: true,
        publicationType: true,
        organization: { select: { displayName: true } },
      },
    }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, phone: true, emailVerifiedAt: true } }),
    db.resume.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, select: { id: true, title: true, updatedAt: true } }),
    db.application.findUnique({
      where: { vacancyId_seekerId: { vacancyId, seekerId: userId } },
      select: { id: true, status: true },
    }),
  ]);
  if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancyUnavailable");
  return {
    vacancy: {
      id: vacancy.id,
      title: vacancy.title,
      slug: vacancy.slug,
      company: vacancy.publicationType === "ANONYMOUS" ? null : vacancy.organization.displayName,
    },
    seeker: { name: user.name, email: user.email, phone: user.phone, emailVerified: user.emailVerifiedAt !== null },
    resumes,
    existing,
  };
}

/**
 * A seeker applies: verified email and a phone (given here if the profile has none), one
 * application per vacancy, a live vacancy, their own resume. The employer is emailed after the
 * commit; if that email cannot be delivered the application records it and the seeker is told.
 */
export async function applyToVacancy(userId: number, raw: unknown, now = new Date(), meta: { ip: string | null } = { ip: null }) {
  const input = applySchema.parse(raw);
  await consumeLimit("applyPerUser", String(userId));
  if (meta.ip) await consumeLimit("applyPerIp", meta.ip);
  const created = await db
    .$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { emailVerifiedAt: true, phone: true, isSeeker: true },
      });
      if (!user.isSeeker) throw new DomainError("FORBIDDEN", "errors.apply.seekersOnly");
      if (!user.emailVerifiedAt) throw new DomainError("FORBIDDEN", "errors.apply.emailNotVerified");
      const phone = user.phone ?? input.phone;
      if (!phone) throw new DomainError("VALIDATION", "errors.apply.phoneRequired", { field: "phone" });
      if (!user.phone) await tx.user.update({ where: { id: userId }, data: { phone } });
      const vacancy = await tx.vacancy.findFirst({
        where: { id: input.vacancyId, ...open(now) },
        select: { id: true, title: true, organizationId: true, createdById: true },
      });
      if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancyUnavailable");
      if (input.resumeId !== null) {
        const resume = await tx.resume.findFirst({ where: { id: input.resumeId, userId }, select: { id: true } });
        if (!resume) throw new DomainError("NOT_FOUND", "errors.apply.resumeNotFound", { field: "resumeId" });
      }
      const application = await tx.application.create({
        data: { vacancyId: vacancy.id, seekerId: userId, resumeId: input.resumeId, message: input.message, createdAt: now },
        select: { id: true },
      });
      const recipients = await tx.membership.findMany({
        where: {
          organizationId: vacancy.organizationId,
          OR: [{ role: "OWNER" }, ...(vacancy.createdById ? [{ userId: vacancy.createdById }] : [])],
        },
        select: { user: { select: { id: true, email: true, name: true, locale: true } } },
      });
      return { application, vacancy, recipients: recipients.map((r) => r.user) };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new DomainError("CONFLICT", "errors.apply.already");
      }
      throw error;
    });

  const { application, vacancy, recipients } = created;
  const emails = await Promise.all(
    recipients.map(async (user) => {
      const locale = isLocale(user.locale) ? user.locale : "ru";
      const url = new URL(
        `/${locale}/employer/${vacancy.organizationId}/applications/${application.id}`,
        getEnv().APP_URL,
      ).toString();
      const built = newApplicationTemplate({ locale, name: user.name, title: vacancy.title, url });
      const { html, text } = await renderEmail(built.element);
      return { to: user.email, subject: built.subject, html, text, template: "new-application", locale, userId: user.id };
    }),
  );
  const results = emails.length ? await getMailer().sendMany(emails) : [];
  const deliveryFailed = results.length > 0 && results.every((r) => !r.delivered);
  if (deliveryFailed) await db.application.update({ where: { id: application.id }, data: { deliveryFailed: true } });
  return { id: application.id, deliveryFailed };
}

/** The seeker's applications with the employer's answers (never the organisation's notes). */
export function listMyApplications(userId: number) {
  return db.application.findMany({
    where: { seekerId: userId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      origin: true,
      createdAt: true,
      deliveryFailed: true,
      vacancy: {
        select: { id: true, slug: true, title: true, publicationType: true, organization: { select: { displayName: true } } },
      },
      resume: { select: { title: true } },
      messages: {
        where: { isInternal: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true },
      },
    },
  });
}

/**
 * Whether the seeker may still take the application back: one the employer has not answered yet,
 * or an invitation the organisation sent from the seeker's resume (declining it).
 */
export const withdrawableApplicationWhere = {
  OR: [{ status: { in: ["SENT", "VIEWED"] } }, { status: "INVITED", origin: "EMPLOYER" }],
} satisfies Prisma.ApplicationWhereInput;

/** The seeker takes an application back or declines an invitation; an answered application stays as it is. */
export async function withdrawApplication(userId: number, applicationId: number) {
  const changed = await db.application.updateMany({
    where: { id: applicationId, seekerId: userId, ...withdrawableApplicationWhere },
    data: { status: "WITHDRAWN" },
  });
  if (changed.count === 0) {
    const exists = await db.application.count({ where: { id: applicationId, seekerId: userId } });
    throw exists
      ? new DomainError("CONFLICT", "errors.apply.cannotWithdraw")
      : new DomainError("NOT_FOUND", "errors.applications.notFound");
  }
}
