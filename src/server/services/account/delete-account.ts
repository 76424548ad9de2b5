import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { deleteAccountSchema, type DeleteAccountInput } from "@/lib/validation/profile";
import { audit } from "@/server/audit";

import { confirmPassword, type Actor } from "./reauthenticate";
import { mentionsSql, redactJson, redactor, type Identifiers } from "./redact";

/** Whether the person is the only owner of an organisation (its owner rows stay locked). */
export async function isLastOwner(tx: DbTx, userId: number): Promise<boolean> {
  const owned = await tx.membership.findMany({ where: { userId, role: "OWNER" }, select: { organizationId: true } });
  if (owned.length === 0) return false;
  const orgIds = owned.map((m) => m.organizationId);
  // Locked, so two owners of one organisation cannot both leave it ownerless at once.
  const owners = await tx.$queryRaw<{ organization_id: number; user_id: number }[]>`
    SELECT organization_id, user_id FROM memberships
    WHERE organization_id IN (${Prisma.join(orgIds)}) AND role = 'OWNER'
    FOR UPDATE`;
  return orgIds.some((orgId) => !owners.some((o) => o.organization_id === orgId && o.user_id !== userId));
}

/** Every address the person used with us: the current one, earlier ones, one waiting for confirmation. */
async function addressesOf(tx: DbTx, userId: number, email: string): Promise<string[]> {
  // One after another: a transaction's connection runs one query at a time.
  const tokens = await tx.emailToken.findMany({ where: { userId }, select: { email: true } });
  const emails = await tx.emailMessage.findMany({ where: { userId }, distinct: ["toAddress"], select: { toAddress: true } });
  return [...new Set([email, ...tokens.map((t) => t.email), ...emails.map((e) => e.toAddress)].map((e) => e.toLowerCase()))];
}

/** Ids of rows of `table` whose `column` mentions the person. */
async function rowsMentioning(tx: DbTx, table: string, columns: string[], ids: Identifiers): Promise<number[]> {
  const conditions = columns.map((c) => mentionsSql(Prisma.raw(c), ids));
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM ${Prisma.raw(table)} WHERE ${Prisma.join(conditions, " OR ")}`;
  return rows.map((r) => r.id);
}

/**
 * Removes the person's other traces: their address, phone and name inside texts that belong to
 * other people or to the platform (security log, tickets, employers' threads, emails to others).
 */
async function scrubMentions(tx: DbTx, ids: Identifiers) {
  const redact = redactor(ids);
  const redactOrNull = (v: string | null) => (v === null ? null : redact(v));

  const auditIds = await rowsMentioning(tx, "audit_log", ["reason", "data::text"], ids);
  for (const row of await tx.auditLog.findMany({
    where: { id: { in: auditIds } },
    select: { id: true, reason: true, data: true },
  })) {
    await tx.auditLog.update({
      where: { id: row.id },
      data: {
        reason: redactOrNull(row.reason),
        data: row.data === null ? Prisma.DbNull : (redactJson(row.data, redact) as Prisma.InputJsonValue),
      },
    });
  }

  const ticketIds = await rowsMentioning(tx, "tickets", ["message", "answer", "author_name", "author_email"], ids);
  for (const row of await tx.ticket.findMany({
    where: { id: { in: ticketIds } },
    select: { id: true, message: true, answer: true, authorName: true, authorEmail: true },
  })) {
    await tx.ticket.update({
      where: { id: row.id },
      data: {
        message: redact(row.message),
        answer: redactOrNull(row.answer),
        authorName: redactOrNull(row.authorName),
        authorEmail: redactOrNull(row.authorEmail),
      },
    });
  }

  const messageIds = await rowsMentioning(tx, "application_messages", ["body"], ids);
  for (const row of await tx.applicationMessage.findMany({
    where: { id: { in: messageIds } },
    select: { id: true, body: true },
  })) {
    await tx.applicationMessage.update({ where: { id: row.id }, data: { body: redact(row.body) } });
  }

  const emailIds = await rowsMentioning(tx, "email_messages", ["subject", "html", "text", "headers::text"], ids);
  for (const row of await tx.emailMessage.findMany({
    where: { id: { in: emailIds } },
    select: { id: true, subject: true, html: true, text: true, headers: true },
  })) {
    await tx.emailMessage.update({
      where: { id: row.id },
      data: {
        subject: redact(row.subject),
        html: redact(row.html),
        text: redact(row.text),
        headers: redactJson(row.headers, redact) as Prisma.InputJsonValue,
      },
    });
  }
}

/**
 * Deletes the person's account for good (SPEC §3, Q 3.5-3.6), in ONE transaction, after they typed
 * their address and their current password:
 * - resumes, applications (gone from employers' inboxes too, with the threads and notes on them),
 *   subscriptions, saved vacancies, digest deliveries, consents, acceptances, sessions, tokens,
 *   the password, memberships and the user row;
 * - emails to them deleted; invitations to their address deleted; tickets they wrote kept for the
 *   queue but without their name and address; their address, phone and name scrubbed wherever
 *   else they appear (security log, other emails, tickets, employers' threads); vacancy contacts
 *   that were theirs cleared; rate-limit counters keyed by their address dropped;
 * - refused while they are the only owner of an organisation.
 * The log keeps "account.deleted" with the user id only.
 */
export async function deleteAccount(actor: Actor, raw: DeleteAccountInput) {
  const input = deleteAccountSchema.parse(raw);
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, staffRole: true } });
  if (!user) throw new DomainError("NOT_FOUND", "errors.notFound");
  if (input.confirmation.toLowerCase() !== user.email) {
    throw new DomainError("VALIDATION", "errors.account.confirmationMismatch", { field: "confirmation" });
  }
  await confirmPassword(actor, input.currentPassword);
  if (user.staffRole) throw new DomainError("CONFLICT", "errors.account.staffAccount");

  const userId = actor.userId;
  return db.$transaction(
    async (tx) => {
      const locked = await lockAccount(tx, userId);
      if (!locked) throw new DomainError("NOT_FOUND", "errors.notFound");
      if (await isLastOwner(tx, userId)) throw new DomainError("CONFLICT", "errors.account.lastOwner");
      return eraseAccount(tx, userId, locked, "self");
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export interface LockedAccount {
  email: string;
  name: string;
  phone: string | null;
}

/** The account's row, locked until the transaction ends; null when it is gone. */
export async function lockAccount(tx: DbTx, userId: number): Promise<LockedAccount | null> {
  const [locked] = await tx.$queryRaw<LockedAccount[]>`
    SELECT email, name, phone FROM users WHERE id = ${userId} FOR UPDATE`;
  return locked ?? null;
}

/**
 * The deletion cascade itself, inside the caller's transaction, after the caller locked the row
 * (`lockAccount`) and checked the person is not an organisation's only owner. Used when people
 * delete their own account and when the retention job deletes an account unused for three years;
 * the log keeps "account.deleted" with the user id, the reason and the counts only.
 */
export async function eraseAccount(tx: DbTx, userId: number, locked: LockedAccount, reason: "self" | "inactivity") {
  const emails = await addressesOf(tx, userId, locked.email);
  const ids: Identifiers = { emails, phone: locked.phone, name: locked.name };
  const counts = {
    applications: (await tx.application.deleteMany({ where: { seekerId: userId } })).count,
    resumes: (await tx.resume.deleteMany({ where: { userId } })).count,
    subscriptions: (await tx.subscription.deleteMany({ where: { userId } })).count,
  };
  await tx.savedVacancy.deleteMany({ where: { userId } });
  await tx.digestDelivery.deleteMany({ where: { userId } });
  await tx.consent.deleteMany({ where: { userId } });
  await tx.legalAcceptance.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.emailToken.deleteMany({ where: { userId } });
  await tx.credential.deleteMany({ where: { userId } });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.emailMessage.deleteMany({
    where: { OR: [{ userId }, ...emails.map((e) => ({ toAddress: { equals: e, mode: "insensitive" as const } }))] },
  });
  await tx.organizationInvitation.deleteMany({
    where: { OR: emails.map((e) => ({ email: { equals: e, mode: "insensitive" as const } })) },
  });
  await tx.ticket.updateMany({
    where: {
      OR: [{ authorId: userId }, ...emails.map((e) => ({ authorEmail: { equals: e, mode: "insensitive" as const } }))],
    },
    data: { authorId: null, authorName: null, authorEmail: null },
  });
  // Their own entries stay in the security log, without the address they came from.
  await tx.auditLog.updateMany({ where: { actorId: userId }, data: { ip: null } });
  for (const email of emails) {
    await tx.vacancy.updateMany({
      where: { contactEmail: { equals: email, mode: "insensitive" } },
      data: { contactEmail: null },
    });
    await tx.$executeRaw`DELETE FROM rate_limits WHERE strpos(key, ${email}) > 0`;
  }
  if (locked.phone) {
    await tx.vacancy.updateMany({ where: { contactPhone: locked.phone }, data: { contactPhone: null } });
  }
  await tx.vacancy.updateMany({
    where: { createdById: userId, contactName: { equals: locked.name, mode: "insensitive" } },
    data: { contactName: null },
  });
  await scrubMentions(tx, ids);
  await tx.user.delete({ where: { id: userId } });
  await audit(tx, { userId: null, ip: null }, "account.deleted", { type: "user", id: userId }, { data: { ...counts, reason } });
  return counts;
}
