import { z } from "zod";

import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { isLocale } from "@/i18n/routing";
import { moderationReasonSchema } from "@/lib/validation/vacancy";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { vacancyDecisionTemplate, type VacancyDecision } from "@/server/email/templates/vacancy-decision";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import type { Actor } from "../organizations/manage-organization";
import { returnHeldCredit } from "../billing/credits";
import { refreshVacancySearch } from "../search/search-index";
import { prepareDescription } from "../vacancies/employer-vacancies";
import { publishVacancy } from "../vacancies/publish";
import { revalidateVacanciesAfterCommit } from "../vacancies/vacancy-cache";

/** A page of the moderation queue: at most this many vacancies, each with its editor. */
export const MODERATION_PAGE_SIZE = 25;

export const moderationQueueSchema = z
  .object({
    page: z.number().int().min(1).max(10_000).default(1),
    /** Words of the title or the organisation's name. */
    q: z.string().trim().max(100).optional(),
  })
  .default({ page: 1 });

/**
 * Submitted vacancies, oldest first, with what the moderator needs to decide: one page, filtered
 * by words of the title or the organisation's name. A page past the end is the last page.
 */
export async function moderationQueue(raw: unknown = {}) {
  const input = moderationQueueSchema.parse(raw ?? {});
  const q = input.q ? input.q : undefined;
  const where: Prisma.VacancyWhereInput = {
    status: "SUBMITTED",
    ...(q
      ? {
          OR: [
            { title: { contains: q, mode: "insensitive" } },
            { organization: { displayName: { contains: q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const total = await db.vacancy.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / MODERATION_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const items = await db.vacancy.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * MODERATION_PAGE_SIZE,
    take: MODERATION_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      description: true,
      publicationType: true,
      companyDescription: true,
      salaryFrom: true,
      salaryTo: true,
      moderationFlags: true,
      moderatorChanges: true,
      submittedAt: true,
      publishedAt: true,
      city: { select: { nameRu: true, nameKk: true } },
      organization: { select: { id: true, displayName: true, verification: true } },
      specializations: { select: { specialization: { select: { id: true, nameRu: true, nameKk: true } } } },
    },
  });
  return { items, total, page, pageCount, q: q ?? null };
}

export const decisionSchema = z.discriminatedUnion("decision", [
  z.object({ vacancyId: z.number().int().positive(), decision: z.literal("approve") }),
  z.object({ vacancyId: z.number().int().positive(), decision: z.literal("return"), reason: moderationReasonSchema }),
  z.object({ vacancyId: z.number().int().positive(), decision: z.literal("remove"), reason: moderationReasonSchema }),
  z.object({ vacancyId: z.number().int().positive(), decision: z.literal("delete"), reason: moderationReasonSchema }),
]);

const DECIDABLE = {
  approve: ["SUBMITTED"],
  return: ["SUBMITTED"],
  remove: ["SUBMITTED", "PUBLISHED"],
  delete: ["SUBMITTED", "PUBLISHED", "RETURNED", "REMOVED"],
} as const;

const EMAIL_KIND: Record<z.infer<typeof decisionSchema>["decision"], VacancyDecision> = {
  approve: "approved",
  return: "returned",
  remove: "removed",
  delete: "deleted",
};

interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: string;
}

/** Who hears about a decision: the author if still a member, otherwise the organisation's owners. */
async function recipientsOf(tx: DbTx, vacancy: { organizationId: number; createdById: number | null }): Promise<Recipient[]> {
  const select = { id: true, email: true, name: true, locale: true } as const;
  if (vacancy.createdById) {
    const author = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: vacancy.createdById, organizationId: vacancy.organizationId } },
      select: { user: { select } },
    });
    if (author) return [author.user];
  }
  const owners = await tx.membership.findMany({
    where: { organizationId: vacancy.organizationId, role: "OWNER" },
    select: { user: { select } },
  });
  return owners.map((o) => o.user);
}

/**
 * A moderator's decision on a vacancy: approve (the one publish step), return for edits with a
 * reason, remove, or delete. Audit entry and the employer's email (in their language) for each.
 */
export async function decideVacancy(raw: unknown, actor: Actor, now = new Date()) {
  const input = decisionSchema.parse(raw);
  const reason = input.decision === "approve" ? null : input.reason;
  const { vacancy, recipients } = await db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findUnique({
      where: { id: input.vacancyId },
      select: { id: true, title: true, status: true, organizationId: true, createdById: true, publicationType: true },
    });
    if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
    if (!(DECIDABLE[input.decision] as readonly string[]).includes(vacancy.status)) {
      throw new DomainError("CONFLICT", "errors.vacancy.wrongState");
    }
    const recipients = await recipientsOf(tx, vacancy);
    if (input.decision === "approve") await publishVacancy(tx, vacancy, now, actor);
    else if (input.decision === "return") {
      await tx.vacancy.update({ where: { id: vacancy.id }, data: { status: "RETURNED", moderationReason: reason } });
    } else if (input.decision === "remove") {
      await tx.vacancy.update({
        where: { id: vacancy.id },
        data: { status: "REMOVED", removedAt: now, moderationReason: reason },
      });
      // Removal by moderation gives the credit back (H 4.19); deletion does not (H 4.20).
      await returnHeldCredit(tx, vacancy.id, reason ?? "removed by moderation", now, actor);
      await refreshVacancySearch(tx, [vacancy.id]);
    } else {
      await tx.vacancy.delete({ where: { id: vacancy.id } });
    }
    await audit(
      tx,
      actor,
      `vacancy.moderation.${input.decision}`,
      { type: "vacancy", id: vacancy.id },
      { reason, data: { organizationId: vacancy.organizationId, title: vacancy.title } },
    );
    return { vacancy, recipients };
  });
  if (input.decision !== "delete") await revalidateVacanciesAfterCommit([vacancy.id]);

  const emails = await Promise.all(
    recipients.map(async (user) => {
      const locale = isLocale(user.locale) ? user.locale : "ru";
      const url =
        input.decision === "delete"
          ? null
          : new URL(`/${locale}/employer/${vacancy.organizationId}/vacancies/${vacancy.id}`, getEnv().APP_URL).toString();
      const built = vacancyDecisionTemplate({
        locale,
        name: user.name,
        decision: EMAIL_KIND[input.decision],
        title: vacancy.title,
        reason,
        url,
      });
      const { html, text } = await renderEmail(built.element);
      return { to: user.email, subject: built.subject, html, text, template: "vacancy-decision", locale, userId: user.id };
    }),
  );
  if (emails.length) await getMailer().sendMany(emails);
  return { status: input.decision };
}

export const correctionSchema = z.object({
  vacancyId: z.number().int().positive(),
  title: z.string().trim().min(3, "validation.vacancy.titleTooShort").max(150, "validation.vacancy.titleTooLong").optional(),
  description: z
    .string()
    .max(400 * 1024, "validation.vacancy.descriptionTooLong")
    .optional(),
  specializationIds: z
    .array(z.number().int().positive())
    .min(1, "validation.vacancy.specializationsRange")
    .max(6, "validation.vacancy.specializationsRange")
    .optional(),
});

/**
 * A moderator corrects the wording or the specializations of a submitted vacancy before deciding.
 * Each change is kept (field, before, after, when) so the employer sees what was changed.
 */
export async function correctVacancy(raw: unknown, actor: Actor, now = new Date()) {
  const input = correctionSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.findUnique({
      where: { id: input.vacancyId },
      include: { specializations: { select: { specializationId: true } } },
    });
    if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancy.notFound");
    if (vacancy.status !== "SUBMITTED") throw new DomainError("CONFLICT", "errors.vacancy.wrongState");
    const changes: { field: string; before: unknown; after: unknown; at: string }[] = [];
    const data: Prisma.VacancyUpdateInput = {};
    if (input.title !== undefined && input.title !== vacancy.title) {
      changes.push({ field: "title", before: vacancy.title, after: input.title, at: now.toISOString() });
      data.title = input.title;
    }
    if (input.description !== undefined) {
      const cleaned = prepareDescription(input.description);
      if (cleaned.html !== vacancy.description) {
        changes.push({ field: "description", before: vacancy.description, after: cleaned.html, at: now.toISOString() });
        data.description = cleaned.html;
      }
    }
    const beforeSpecs = vacancy.specializations.map((s) => s.specializationId).sort((a, b) => a - b);
    const afterSpecs = input.specializationIds ? [...new Set(input.specializationIds)].sort((a, b) => a - b) : null;
    if (afterSpecs && afterSpecs.join(",") !== beforeSpecs.join(",")) {
      const known = await tx.specialization.count({ where: { id: { in: afterSpecs } } });
      if (known !== afterSpecs.length)
        throw new DomainError("VALIDATION", "errors.vacancy.specializationUnknown", { field: "specializationIds" });
      changes.push({ field: "specializations", before: beforeSpecs, after: afterSpecs, at: now.toISOString() });
      await tx.vacancySpecialization.deleteMany({ where: { vacancyId: vacancy.id } });
      await tx.vacancySpecialization.createMany({
        data: afterSpecs.map((specializationId) => ({ vacancyId: vacancy.id, specializationId })),
      });
    }
    if (changes.length === 0) return { changes: 0 };
    const previous = Array.isArray(vacancy.moderatorChanges) ? vacancy.moderatorChanges : [];
    data.moderatorChanges = [...previous, ...changes] as Prisma.InputJsonValue;
    await tx.vacancy.update({ where: { id: vacancy.id }, data });
    await audit(
      tx,
      actor,
      "vacancy.moderation.correct",
      { type: "vacancy", id: vacancy.id },
      { data: { fields: changes.map((c) => c.field) } },
    );
    return { changes: changes.length };
  });
}
