import {
  complaintSchema,
  guestComplaintSchema,
  resumeComplaintSchema,
  type ComplaintInput,
  type ResumeComplaintInput,
} from "@/lib/validation/complaint";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { consumeLimit } from "../auth/rate-limit";
import { resumeAccessFor } from "../resumes/resumes";
import { publicVacancyWhere } from "../vacancies/visibility";

export interface ComplaintAuthor {
  /** The signed-in author, answered at the account's email; null for a guest. */
  user: { id: number; name: string; email: string } | null;
  ip: string | null;
}

/**
 * A complaint about a vacancy from anyone; it lands in the admin queue as NEW, with the vacancy's
 * organisation so moderators can see repeat offenders. Only vacancies guests may see can be
 * complained about (the same rule as the public pages).
 */
export async function createComplaint(raw: ComplaintInput, author: ComplaintAuthor, options: { now?: Date } = {}) {
  const input = (author.user ? complaintSchema : guestComplaintSchema).parse(raw);
  if (author.user) await consumeLimit("complaintPerUser", String(author.user.id));
  if (author.ip) await consumeLimit("complaintPerIp", author.ip);
  const now = options.now ?? new Date();
  const vacancy = await db.vacancy.findFirst({
    where: { id: input.vacancyId, ...publicVacancyWhere(now) },
    select: { id: true, organizationId: true },
  });
  if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancyUnavailable");
  return db.ticket.create({
    data: {
      kind: "COMPLAINT",
      reason: input.reason,
      vacancyId: vacancy.id,
      organizationId: vacancy.organizationId,
      authorId: author.user?.id ?? null,
      authorName: author.user ? author.user.name : (input.name ?? null),
      authorEmail: author.user ? author.user.email : input.email,
      locale: input.locale,
      message: input.message,
    },
    select: { id: true, status: true, createdAt: true },
  });
}

/**
 * A complaint of an employer's member about a resume their organisation may see (resumeAccessFor:
 * one it cannot see is not found). It waits in the complaints queue, linked to the resume, which a
 * moderator may hide on it.
 */
export async function createResumeComplaint(
  organizationId: number,
  raw: ResumeComplaintInput,
  author: { user: { id: number; name: string; email: string }; ip: string | null },
) {
  const input = resumeComplaintSchema.parse(raw);
  await consumeLimit("complaintPerUser", String(author.user.id));
  if (author.ip) await consumeLimit("complaintPerIp", author.ip);
  const access = await resumeAccessFor(organizationId, input.resumeId);
  if (!access) throw new DomainError("NOT_FOUND", "errors.resumes.notFound");
  return db.ticket.create({
    data: {
      kind: "COMPLAINT",
      reason: input.reason,
      resumeId: access.resumeId,
      authorId: author.user.id,
      authorName: author.user.name,
      authorEmail: author.user.email,
      locale: input.locale,
      message: input.message,
    },
    select: { id: true, status: true, createdAt: true },
  });
}
