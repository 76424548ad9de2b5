import { Prisma } from "@/generated/prisma/client";
import { almatyDay } from "@/lib/almaty-time";
import { db } from "@/server/db";

import { sendAccountNotice } from "../account/account-emails";
import { eraseAccount, isLastOwner, lockAccount } from "../account/delete-account";

/** An account nobody signed in to for this long is deleted (SPEC §3, Q 10.8). */
export const INACTIVE_YEARS = 3;
/** The owner is warned this long before, and the deletion never comes sooner after the warning. */
export const REMINDER_DAYS = 30;
/** Records that only served finished work are purged after this (K 4.12). */
export const PURGE_MONTHS = 3;

const DAY_MS = 86_400_000;
/** One run does at most this much of each step; the scheduler's next call takes the rest. */
const ACCOUNT_BATCH = 200;
const PURGE_BATCH = 5_000;
const PURGE_ROUNDS = 20;

export interface RetentionResult {
  reminded: number;
  deleted: number;
  /** Unused accounts kept because they are an organisation's only owner (see runRetention). */
  keptAsLastOwner: number;
  purged: Record<PurgeTable, number>;
}

type PurgeTable = "emails" | "sessions" | "emailTokens" | "invitations" | "rateLimits";

function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** When an account last active at `lastActiveAt` and warned at `remindedAt` may be deleted. */
export function deletionDate(lastActiveAt: Date, remindedAt: Date): Date {
  const inactiveEnough = new Date(lastActiveAt);
  inactiveEnough.setUTCFullYear(inactiveEnough.getUTCFullYear() + INACTIVE_YEARS);
  const noticeGiven = new Date(remindedAt.getTime() + REMINDER_DAYS * DAY_MS);
  return inactiveEnough > noticeGiven ? inactiveEnough : noticeGiven;
}

/**
 * The retention job (daily). Safe to call often and twice at once: every step re-checks its rows
 * under a lock or deletes by a condition that a second run finds already met.
 * 1. Accounts unused for three years less 30 days get an email saying when they will be deleted
 *    and that signing in keeps them (one per period of inactivity). Only a delivered email counts
 *    as the warning: a refused one is tried again the next day, and the 30 days start then.
 * 2. Accounts warned at least 30 days ago, unused since the warning and unused for three years
 *    are deleted through the same cascade as a person deleting their own account. Staff accounts
 *    are never touched. The only owner of an organisation is kept (deleting them would leave the
 *    organisation, its vacancies and its billing without anyone answerable); they are counted so
 *    the operator sees them, and organisation deletion is the way to remove those.
 * 3. Finished records older than three months are purged: the email outbox (also the delivery
 *    log), ended sessions, used or expired email codes, answered or expired invitations, and
 *    spent rate-limit counters.
 */
export async function runRetention(now = new Date()): Promise<RetentionResult> {
  const reminded = await remindInactive(now);
  const { deleted, keptAsLastOwner } = await deleteInactive(now);
  const purged = await purgeFinished(now);
  return { reminded, deleted, keptAsLastOwner, purged };
}

async function remindInactive(now: Date): Promise<number> {
  const remindBefore = new Date(yearsBefore(now, INACTIVE_YEARS).getTime() + REMINDER_DAYS * DAY_MS);
  const due = await db.$queryRaw<{ id: number; email: string; name: string; locale: "ru" | "kk"; last_active_at: Date }[]>`
    SELECT id, email, name, locale::text AS locale, last_active_at FROM users
    WHERE staff_role IS NULL AND last_active_at < ${remindBefore}
      AND (inactivity_reminded_at IS NULL OR inactivity_reminded_at < last_active_at)
    ORDER BY last_active_at
    LIMIT ${ACCOUNT_BATCH}`;
  let reminded = 0;
  for (const user of due) {
    // Claimed before sending, so a concurrent run cannot warn twice; the outbox key covers a run
    // that stopped between the two.
    const claimed = await db.user.updateMany({
      where: {
        id: user.id,
        lastActiveAt: user.last_active_at,
        OR: [{ inactivityRemindedAt: null }, { inactivityRemindedAt: { lt: user.last_active_at } }],
      },
      data: { inactivityRemindedAt: now },
    });
    if (claimed.count === 0) continue;
    const sent = await sendAccountNotice(
      { id: user.id, name: user.name, locale: user.locale },
      user.email,
      { kind: "inactive", deleteOn: deletionDate(user.last_active_at, now) },
      // One a day at most: a refused delivery is tried again by the next day's run.
      { idempotencyKey: `inactivity-reminder:${user.id}:${user.last_active_at.toISOString()}:${almatyDay(now)}` },
    );
    if (!sent.delivered) {
      // Nobody was warned: the warning (and with it the deletion 30 days on) waits for a delivery.
      await db.user.updateMany({ where: { id: user.id, inactivityRemindedAt: now }, data: { inactivityRemindedAt: null } });
      continue;
    }
    reminded += 1;
  }
  return reminded;
}

async function deleteInactive(now: Date): Promise<{ deleted: number; keptAsLastOwner: number }> {
  const inactiveBefore = yearsBefore(now, INACTIVE_YEARS);
  const warnedBefore = new Date(now.getTime() - REMINDER_DAYS * DAY_MS);
  const due = await db.user.findMany({
    where: {
      staffRole: null,
      lastActiveAt: { lt: inactiveBefore },
      inactivityRemindedAt: { lte: warnedBefore },
    },
    orderBy: { lastActiveAt: "asc" },
    take: ACCOUNT_BATCH,
    select: { id: true },
  });
  let deleted = 0;
  let keptAsLastOwner = 0;
  for (const { id } of due) {
    const outcome = await db.$transaction(
      async (tx) => {
        const locked = await lockAccount(tx, id);
        if (!locked) return "gone" as const;
        // Re-read under the lock: a sign-in since the list was read keeps the account.
        const user = await tx.user.findUniqueOrThrow({
          where: { id },
          select: { staffRole: true, lastActiveAt: true, inactivityRemindedAt: true },
        });
        const reminded = user.inactivityRemindedAt;
        if (
          user.staffRole !== null ||
          !reminded ||
          reminded < user.lastActiveAt ||
          reminded > warnedBefore ||
          user.lastActiveAt >= inactiveBefore
        ) {
          return "active" as const;
        }
        if (await isLastOwner(tx, id)) return "lastOwner" as const;
        await eraseAccount(tx, id, locked, "inactivity");
        return "deleted" as const;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (outcome === "deleted") deleted += 1;
    if (outcome === "lastOwner") keptAsLastOwner += 1;
  }
  return { deleted, keptAsLastOwner };
}

const PURGES: Record<PurgeTable, (cutoff: Date, now: Date) => Prisma.Sql> = {
  // QUEUED rows are mail still on its way; everything else older than the cutoff is history.
  emails: (cutoff) => Prisma.sql`
    DELETE FROM email_messages WHERE id IN (
      SELECT id FROM email_messages WHERE created_at < ${cutoff} AND status <> 'QUEUED' LIMIT ${PURGE_BATCH})`,
  sessions: (cutoff) => Prisma.sql`
    DELETE FROM sessions WHERE id IN (
      SELECT id FROM sessions WHERE COALESCE(revoked_at, expires_at) < ${cutoff} LIMIT ${PURGE_BATCH})`,
  emailTokens: (cutoff) => Prisma.sql`
    DELETE FROM email_tokens WHERE id IN (
      SELECT id FROM email_tokens WHERE COALESCE(used_at, expires_at) < ${cutoff} LIMIT ${PURGE_BATCH})`,
  invitations: (cutoff) => Prisma.sql`
    DELETE FROM organization_invitations WHERE id IN (
      SELECT id FROM organization_invitations
      WHERE COALESCE(accepted_at, revoked_at, expires_at) < ${cutoff} LIMIT ${PURGE_BATCH})`,
  // A counter whose window ended counts nothing any more, whatever its age.
  rateLimits: (_cutoff, now) => Prisma.sql`
    DELETE FROM rate_limits WHERE key IN (
      SELECT key FROM rate_limits WHERE expire IS NOT NULL AND expire < ${now} LIMIT ${PURGE_BATCH})`,
};

async function purgeFinished(now: Date): Promise<Record<PurgeTable, number>> {
  const cutoff = monthsBefore(now, PURGE_MONTHS);
  const purged = {} as Record<PurgeTable, number>;
  for (const table of Object.keys(PURGES) as PurgeTable[]) {
    let total = 0;
    for (let round = 0; round < PURGE_ROUNDS; round += 1) {
      const count = await db.$executeRaw(PURGES[table](cutoff, now));
      total += count;
      if (count < PURGE_BATCH) break;
    }
    purged[table] = total;
  }
  return purged;
}
