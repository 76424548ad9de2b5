import { createHmac, randomBytes } from "node:crypto";

import { getEnv } from "@/env";
import type { LicenceCategory, Locale } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { almatyDay } from "@/lib/almaty-time";
import { dateToDay, dayToDate } from "@/lib/schools/calendar-day";
import { isMinor } from "@/lib/schools/trainee-rules";
import { audit, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { graduateInvitationTemplate } from "@/server/email/templates/graduate-invitation";
import { DomainError } from "@/server/errors";
import { refreshResumeSearchOfUsers } from "@/server/services/resume-database/resume-search-index";

/**
 * Graduates claim a seeker account with the category they were trained for (SPEC §6).
 *
 * When a trainee becomes GRADUATED as an adult with an email, the invitation row (only the hash of
 * its single-use token) is written in the status change's transaction and the email is stored in
 * the outbox right after it commits (the mailer stores and hands over in one step, so it cannot
 * join a transaction that might still roll back). The daily job repairs the gap: an invitation
 * whose email was never stored gets a fresh token and is sent. A minor gets nothing until the
 * daily job finds them 18 and still graduated. Any later change of status revokes an unused
 * invitation. Nothing here is ever shown to the school.
 *
 * Language: the registry does not record the trainee's language, so the email speaks the
 * language of the school member who recorded the graduation (their account's language — the one
 * the school works with the trainee in); Russian when nobody is known.
 */

export const GRADUATE_INVITATION_DAYS = 30;
/** An invitation whose email was not stored this long after it was written lost its sender. */
const UNSENT_AFTER_MS = 10 * 60_000;
const BATCH = 200;

export function hashGraduateToken(secret: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`GRADUATE_INVITATION:${secret}`).digest("hex");
}

export function graduateInvitationPath(secret: string): string {
  return `/graduate/${encodeURIComponent(secret)}`;
}

export function graduateInvitationUrl(locale: AppLocale, secret: string): string {
  return new URL(`/${locale}${graduateInvitationPath(secret)}`, getEnv().APP_URL).toString();
}

/** An invitation written in a transaction, to be emailed once it commits. */
export interface PendingGraduateInvitation {
  id: number;
  secret: string;
  email: string;
  locale: AppLocale;
  schoolName: string;
  category: LicenceCategory;
}

const openInvitation = { claimedAt: null, declinedAt: null, revokedAt: null } as const;

/** Revokes the trainee's unused invitations (their status changed: the old link must not work). */
export async function revokeGraduateInvitations(tx: DbTx, traineeId: number, now: Date): Promise<number> {
  const revoked = await tx.graduateInvitation.updateMany({ where: { traineeId, ...openInvitation }, data: { revokedAt: now } });
  return revoked.count;
}

async function writeInvitation(
  tx: DbTx,
  trainee: { id: number; organizationId: number; email: string; category: LicenceCategory; schoolName: string },
  locale: Locale,
  now: Date,
): Promise<PendingGraduateInvitation> {
  const secret = randomBytes(32).toString("base64url");
  const row = await tx.graduateInvitation.create({
    data: {
      traineeId: trainee.id,
      organizationId: trainee.organizationId,
      email: trainee.email,
      locale,
      tokenHash: hashGraduateToken(secret),
      expiresAt: new Date(now.getTime() + GRADUATE_INVITATION_DAYS * 86_400_000),
      createdAt: now,
    },
    select: { id: true },
  });
  return { id: row.id, secret, email: trainee.email, locale, schoolName: trainee.schoolName, category: trainee.category };
}

/**
 * Called in the transaction that made the trainee GRADUATED: writes the invitation when the
 * graduate is an adult with an email, else nothing (the daily job invites them at 18).
 */
export async function inviteGraduate(
  tx: DbTx,
  traineeId: number,
  recordedByUserId: number,
  now: Date,
): Promise<PendingGraduateInvitation | null> {
  const trainee = await tx.trainee.findUniqueOrThrow({
    where: { id: traineeId },
    select: {
      id: true,
      organizationId: true,
      email: true,
      birthDate: true,
      category: true,
      status: true,
      organization: { select: { displayName: true } },
    },
  });
  if (trainee.status !== "GRADUATED" || !trainee.email) return null;
  if (isMinor(dateToDay(trainee.birthDate), almatyDay(now))) return null;
  const recorder = await tx.user.findUnique({ where: { id: recordedByUserId }, select: { locale: true } });
  return writeInvitation(
    tx,
    { ...trainee, email: trainee.email, schoolName: trainee.organization.displayName },
    recorder?.locale ?? "ru",
    now,
  );
}

/** Stores the invitations' emails in the outbox and marks them sent. */
export async function sendGraduateInvitations(pending: PendingGraduateInvitation[], now = new Date()): Promise<number> {
  if (pending.length === 0) return 0;
  const emails = await Promise.all(
    pending.map(async (p) => {
      const built = graduateInvitationTemplate({
        locale: p.locale,
        school: p.schoolName,
        category: p.category,
        url: graduateInvitationUrl(p.locale, p.secret),
        days: GRADUATE_INVITATION_DAYS,
      });
      const { html, text } = await renderEmail(built.element);
      return {
        to: p.email,
        subject: built.subject,
        html,
        text,
        template: "graduate-invitation",
        locale: p.locale,
        // One email per token: a repeated call for the same token stores nothing twice.
        idempotencyKey: `graduate-invitation:${p.id}:${hashGraduateToken(p.secret).slice(0, 16)}`,
      };
    }),
  );
  const results = await getMailer().sendMany(emails);
  const stored = pending.filter((_, i) => (results[i]?.emailId ?? 0) > 0).map((p) => p.id);
  if (stored.length) {
    await db.graduateInvitation.updateMany({ where: { id: { in: stored }, sentAt: null }, data: { sentAt: now } });
  }
  return stored.length;
}

/**
 * The daily job. (1) Graduates with an email who are 18 today or older and have no invitation
 * since they last became graduated (the ones who were minors then, or got an email later) are
 * invited; (2) invitations whose email was never stored get a fresh token and are sent. Rows are
 * locked and skipped by a concurrent run, and each step leaves nothing for a second run to do.
 */
export async function runGraduateInvitations(now = new Date()): Promise<{ invited: number; resent: number }> {
  const today = almatyDay(now);
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  // Born on or before this day 18 years ago (29 February: the 18th birthday is 1 March, as in ageOn).
  const adultBorn = rest === "-02-29" ? `${year - 18}-02-28` : `${year - 18}${rest}`;
  let invited = 0;
  for (;;) {
    const pending = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<
        {
          id: number;
          organization_id: number;
          email: string;
          category: LicenceCategory;
          school_name: string;
          locale: Locale | null;
        }[]
      >`
        SELECT t.id, t.organization_id, t.email, t.category, o.display_name AS school_name,
               (SELECT u.locale FROM trainee_status_changes c JOIN users u ON u.id = c.changed_by_id
                 WHERE c.trainee_id = t.id AND c.status = 'GRADUATED'
                 ORDER BY c.created_at DESC LIMIT 1) AS locale
        FROM trainees t JOIN organizations o ON o.id = t.organization_id
        WHERE t.status = 'GRADUATED' AND t.email IS NOT NULL AND t.birth_date <= ${dayToDate(adultBorn)}
          AND NOT EXISTS (SELECT 1 FROM graduate_invitations g WHERE g.trainee_id = t.id AND g.revoked_at IS NULL)
        ORDER BY t.id
        LIMIT ${BATCH}
        FOR UPDATE OF t SKIP LOCKED`;
      const written: PendingGraduateInvitation[] = [];
      for (const r of rows) {
        written.push(
          await writeInvitation(
            tx,
            { id: r.id, organizationId: r.organization_id, email: r.email, category: r.category, schoolName: r.school_name },
            r.locale ?? "ru",
            now,
          ),
        );
      }
      return written;
    });
    invited += await sendGraduateInvitations(pending, now);
    if (pending.length < BATCH) break;
  }

  let resent = 0;
  for (;;) {
    const pending = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        SELECT g.id FROM graduate_invitations g
        WHERE g.sent_at IS NULL AND g.claimed_at IS NULL AND g.declined_at IS NULL AND g.revoked_at IS NULL
          AND g.expires_at > ${now} AND g.created_at < ${new Date(now.getTime() - UNSENT_AFTER_MS)}
        ORDER BY g.id
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED`;
      const rotated: PendingGraduateInvitation[] = [];
      for (const { id } of rows) {
        // The first token was never emailed and is lost (only its hash is kept): a new one.
        const secret = randomBytes(32).toString("base64url");
        const row = await tx.graduateInvitation.update({
          where: { id },
          data: { tokenHash: hashGraduateToken(secret) },
          select: {
            id: true,
            email: true,
            locale: true,
            trainee: { select: { category: true } },
            organization: { select: { displayName: true } },
          },
        });
        rotated.push({
          id: row.id,
          secret,
          email: row.email,
          locale: row.locale,
          schoolName: row.organization.displayName,
          category: row.trainee.category,
        });
      }
      return rotated;
    });
    resent += await sendGraduateInvitations(pending, now);
    if (pending.length < BATCH) break;
  }
  return { invited, resent };
}

export type GraduateInvitationPreview =
  | { state: "open"; school: string; category: LicenceCategory; year: number; expiresAt: Date }
  | { state: "invalid" | "expired" | "used" };

async function findInvitation(tx: DbTx, secret: string) {
  if (secret.length < 20 || secret.length > 200) return null;
  return tx.graduateInvitation.findUnique({
    where: { tokenHash: hashGraduateToken(secret) },
    select: {
      id: true,
      organizationId: true,
      traineeId: true,
      expiresAt: true,
      claimedAt: true,
      declinedAt: true,
      revokedAt: true,
      organization: { select: { displayName: true } },
      trainee: { select: { category: true, certificateDate: true, status: true } },
    },
  });
}

type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

function stateOf(invitation: FoundInvitation | null, now: Date): "open" | "invalid" | "expired" | "used" {
  if (!invitation || invitation.revokedAt || invitation.trainee.status !== "GRADUATED" || !invitation.trainee.certificateDate) {
    return "invalid";
  }
  if (invitation.claimedAt || invitation.declinedAt) return "used";
  if (invitation.expiresAt <= now) return "expired";
  return "open";
}

/** What the claim page shows: the school, the category and the year, or why the link is dead. */
export async function previewGraduateInvitation(secret: string, now = new Date()): Promise<GraduateInvitationPreview> {
  const invitation = await findInvitation(db, secret);
  const state = stateOf(invitation, now);
  if (state !== "open" || !invitation?.trainee.certificateDate) return { state: state === "open" ? "invalid" : state };
  return {
    state,
    school: invitation.organization.displayName,
    category: invitation.trainee.category,
    year: invitation.trainee.certificateDate.getUTCFullYear(),
    expiresAt: invitation.expiresAt,
  };
}

const STATE_ERRORS = {
  invalid: "errors.graduate.invalid",
  expired: "errors.graduate.expired",
  used: "errors.graduate.used",
} as const;

/** Locks and checks the invitation; a dead one is a translated error and nothing is written. */
async function usableInvitation(tx: DbTx, secret: string, now: Date) {
  const found = await findInvitation(tx, secret);
  if (found) await tx.$queryRaw`SELECT id FROM graduate_invitations WHERE id = ${found.id} FOR UPDATE`;
  // Read again under the lock: a concurrent claim of the same link has finished by now.
  const invitation = found ? await findInvitation(tx, secret) : null;
  const state = stateOf(invitation, now);
  if (state !== "open" || !invitation?.trainee.certificateDate) {
    throw new DomainError(state === "expired" ? "VALIDATION" : "CONFLICT", STATE_ERRORS[state === "open" ? "invalid" : state]);
  }
  return { ...invitation, certificateDate: invitation.trainee.certificateDate };
}

/**
 * The graduate's explicit consent: the link is used up and the seeker's resumes show the category
 * as verified by the school. Whoever holds the link claims it (the graduate may already have an
 * account under another address); once used it works for nobody.
 */
export async function consentGraduateInvitation(secret: string, actor: UserActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, secret, now);
    await tx.graduateInvitation.update({
      where: { id: invitation.id },
      data: { claimedAt: now, claimedById: actor.userId },
    });
    const identity = { userId: actor.userId, category: invitation.trainee.category, organizationId: invitation.organizationId };
    const existing = await tx.verifiedLicence.findFirst({ where: identity, select: { id: true } });
    const fields = {
      schoolName: invitation.organization.displayName,
      certificateDate: invitation.certificateDate,
      traineeId: invitation.traineeId,
    };
    const licence = existing
      ? await tx.verifiedLicence.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.verifiedLicence.create({ data: { ...identity, ...fields }, select: { id: true } });
    // The resume database filters on verified categories: the graduate's rows carry them.
    await refreshResumeSearchOfUsers(tx, [actor.userId]);
    await audit(
      tx,
      actor,
      "graduate.invitation.consent",
      { type: "verified_licence", id: licence.id },
      {
        data: { category: identity.category },
      },
    );
    return { category: identity.category };
  });
}

/** The graduate says no: the link is used up and nothing about them is shown anywhere. */
export async function declineGraduateInvitation(secret: string, actor: UserActor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, secret, now);
    await tx.graduateInvitation.update({ where: { id: invitation.id }, data: { declinedAt: now } });
    await audit(tx, actor, "graduate.invitation.decline", { type: "graduate_invitation", id: invitation.id });
  });
  return { ok: true as const };
}
