import { getEnv } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import type { ResumeModeration } from "@/generated/prisma/enums";
import { isLocale } from "@/i18n/routing";
import { moderationAfterSave, QUEUED_RESUME_STATES } from "@/lib/resume-moderation";
import { OPEN_TICKET_STATUSES } from "@/lib/tickets";
import { hideResumeSchema, moderationPageSchema, resumeModerationIdSchema } from "@/lib/validation/moderation";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { resumeModerationTemplate, type ResumeModerationNotice } from "@/server/email/templates/resume-moderation";
import { DomainError } from "@/server/errors";
import { audit, type UserActor } from "@/server/audit";

import { refreshResumeSearch } from "../resume-database/resume-search-index";
import { termFlagsFor } from "./prohibited-terms";

/** A page of the resume queue. */
export const RESUME_QUEUE_PAGE_SIZE = 25;

/** The texts of a resume the list is matched against. */
export interface ResumeTexts {
  title: string;
  about: string | null;
  skills: readonly string[];
  experiences: readonly { company: string; position: string; description: string | null }[];
}

/**
 * Flags a resume's texts on save (inside the save's transaction) and moves it into or out of the
 * moderators' queue: see moderationAfterSave.
 */
export async function flagResumeOnSave(tx: DbTx, resumeId: number, texts: ResumeTexts, now: Date) {
  const flags = await termFlagsFor(
    [
      texts.title,
      texts.about,
      texts.skills.join("\n"),
      ...texts.experiences.flatMap((e) => [e.company, e.position, e.description]),
    ],
    tx,
  );
  const current = await tx.resume.findUniqueOrThrow({
    where: { id: resumeId },
    select: { moderation: true, moderationFlags: true, moderationQueuedAt: true },
  });
  const next = moderationAfterSave(current.moderation, current.moderationFlags, flags);
  // Entering the queue starts its clock; leaving it stops it; otherwise it keeps running as it was.
  const entered = next === "FLAGGED" && current.moderation !== "FLAGGED";
  const left = next === "CLEAR";
  await tx.resume.update({
    where: { id: resumeId },
    data: {
      moderationFlags: flags,
      moderation: next,
      ...(entered ? { moderationQueuedAt: now } : left ? { moderationQueuedAt: null } : {}),
    },
    select: { id: true },
  });
  return { flags, moderation: next };
}

const queueSelect = {
  id: true,
  publicId: true,
  title: true,
  about: true,
  skills: true,
  moderation: true,
  moderationFlags: true,
  moderationQueuedAt: true,
  hiddenReason: true,
  hiddenAt: true,
  updatedAt: true,
  user: { select: { id: true, name: true } },
  experiences: {
    select: { id: true, company: true, position: true, description: true },
    orderBy: [{ sortOrder: "asc" }, { startedOn: "desc" }],
  },
  tickets: {
    where: { kind: "COMPLAINT", status: { in: [...OPEN_TICKET_STATUSES] } },
    select: { id: true, reason: true, message: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.ResumeSelect;

/**
 * Resumes waiting for a moderator (flagged by the list, or hidden and asking for a review), oldest
 * first, 25 a page; or one resume by id whatever its state (from a complaint about it).
 */
export async function resumeModerationQueue(raw: unknown = {}, resumeId?: number) {
  if (resumeId !== undefined) {
    const { resumeId: id } = resumeModerationIdSchema.parse({ resumeId });
    const items = await db.resume.findMany({ where: { id }, select: queueSelect });
    return { items, total: items.length, page: 1, pageCount: 1 };
  }
  const input = moderationPageSchema.parse(raw ?? {});
  const where = { moderation: { in: [...QUEUED_RESUME_STATES] } };
  const total = await db.resume.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / RESUME_QUEUE_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const items = await db.resume.findMany({
    where,
    orderBy: [{ moderationQueuedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * RESUME_QUEUE_PAGE_SIZE,
    take: RESUME_QUEUE_PAGE_SIZE,
    select: queueSelect,
  });
  return { items, total, page, pageCount };
}

async function notifySeeker(resume: { id: number; title: string; userId: number }, notice: ResumeModerationNotice) {
  const user = await db.user.findUnique({
    where: { id: resume.userId },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (!user) return;
  const locale = isLocale(user.locale) ? user.locale : "ru";
  const url = new URL(`/${locale}/seeker/resumes/${resume.id}`, getEnv().APP_URL).toString();
  const built = resumeModerationTemplate({ locale, name: user.name, title: resume.title, notice, url });
  const { html, text } = await renderEmail(built.element);
  await getMailer().send({
    to: user.email,
    subject: built.subject,
    html,
    text,
    template: "resume-moderation",
    locale,
    userId: user.id,
  });
}

/** Moves a resume from one of `from` states, race-free; NOT_FOUND or CONFLICT otherwise. */
async function transition(
  tx: DbTx,
  resumeId: number,
  from: readonly ResumeModeration[],
  data: Prisma.ResumeUpdateManyMutationInput,
  notFound = "errors.resumes.notFound",
) {
  const changed = await tx.resume.updateMany({ where: { id: resumeId, moderation: { in: [...from] } }, data });
  if (changed.count === 1) {
    // Hidden resumes leave the resume database, restored ones come back: in the same transaction.
    await refreshResumeSearch(tx, [resumeId]);
    return;
  }
  const exists = await tx.resume.count({ where: { id: resumeId } });
  throw exists ? new DomainError("CONFLICT", "errors.resumeModeration.wrongState") : new DomainError("NOT_FOUND", notFound);
}

const resumeOf = (tx: DbTx, resumeId: number) =>
  tx.resume.findUniqueOrThrow({ where: { id: resumeId }, select: { id: true, title: true, userId: true, moderation: true } });

/**
 * A moderator hides a resume with a reason the seeker sees: from its flags, or from a complaint
 * about it (the ticket must be a complaint about this resume). A hidden resume leaves every
 * employer's view (resumeAccessFor) until a moderator restores it. Hiding one under review again
 * (the fix was not enough) replaces the reason.
 */
export async function hideResume(raw: unknown, actor: UserActor, now = new Date()) {
  const input = hideResumeSchema.parse(raw);
  const resume = await db.$transaction(async (tx) => {
    if (input.ticketId !== undefined) {
      const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId }, select: { kind: true, resumeId: true } });
      if (!ticket || ticket.kind !== "COMPLAINT" || ticket.resumeId !== input.resumeId) {
        throw new DomainError("VALIDATION", "errors.resumeModeration.ticketMismatch", { field: "ticketId" });
      }
    }
    await transition(tx, input.resumeId, ["CLEAR", "FLAGGED", "REVIEW"], {
      moderation: "HIDDEN",
      hiddenReason: input.reason,
      hiddenAt: now,
      moderationQueuedAt: null,
    });
    await audit(
      tx,
      actor,
      "moderation.resume.hide",
      { type: "resume", id: input.resumeId },
      { reason: input.reason, data: input.ticketId ? { ticketId: input.ticketId } : {} },
    );
    return resumeOf(tx, input.resumeId);
  });
  await notifySeeker(resume, { kind: "hidden", reason: input.reason });
  return { moderation: "HIDDEN" as const };
}

/**
 * A moderator restores a hidden resume (or one under review), or clears the flags of a flagged
 * one: it is visible again under its owner's settings. The stored flags stay as the record of what
 * was looked at, so saving the same words again does not queue it again.
 */
export async function restoreResume(raw: unknown, actor: UserActor) {
  const { resumeId } = resumeModerationIdSchema.parse(raw);
  const { resume, wasHidden } = await db.$transaction(async (tx) => {
    const before = await tx.resume.findUnique({ where: { id: resumeId }, select: { moderation: true } });
    if (!before) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
    const wasHidden = before.moderation === "HIDDEN" || before.moderation === "REVIEW";
    await transition(tx, resumeId, wasHidden ? ["HIDDEN", "REVIEW"] : ["FLAGGED"], {
      moderation: "CLEAR",
      hiddenReason: null,
      hiddenAt: null,
      moderationQueuedAt: null,
    });
    await audit(tx, actor, wasHidden ? "moderation.resume.restore" : "moderation.resume.clear", { type: "resume", id: resumeId });
    return { resume: await resumeOf(tx, resumeId), wasHidden };
  });
  if (wasHidden) await notifySeeker(resume, { kind: "restored" });
  return { moderation: "CLEAR" as const };
}

/** The seeker fixed a hidden resume and asks a moderator to look again: back to the queue. */
export async function requestResumeReview(userId: number, raw: unknown, actor: UserActor, now = new Date()) {
  const { resumeId } = resumeModerationIdSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const owned = await tx.resume.count({ where: { id: resumeId, userId } });
    if (!owned) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
    await transition(tx, resumeId, ["HIDDEN"], { moderation: "REVIEW", moderationQueuedAt: now });
    await audit(tx, actor, "moderation.resume.review_requested", { type: "resume", id: resumeId });
  });
  return { moderation: "REVIEW" as const };
}
