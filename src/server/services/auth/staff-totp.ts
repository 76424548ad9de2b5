import QRCode from "qrcode";

import { getEnv } from "@/env";
import type { StaffRole } from "@/generated/prisma/enums";
import { audit, type UserActor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { consumeLimit, resetLimit } from "./rate-limit";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  totpUri,
} from "./totp-secret";

// The staff second factor: enrolment (QR, first code, recovery codes), the code asked once per
// session, recovery codes, and a SUPERADMIN's reset. Passing it is recorded on the server-side
// session (sessions.second_factor_at), so signing out or revoking the session ends it.

export type StaffTotpState = "none" | "pending" | "enrolled";

const keyMaterial = () => getEnv().AUTH_SECRET;
const invalidCode = () => new DomainError("VALIDATION", "errors.staffTotp.invalidCode", { field: "code" });

async function requireStaffMember(userId: number): Promise<{ email: string; staffRole: StaffRole }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, staffRole: true } });
  if (!user?.staffRole) throw new DomainError("FORBIDDEN", "errors.forbidden");
  return { email: user.email, staffRole: user.staffRole };
}

export async function staffTotpState(userId: number): Promise<StaffTotpState> {
  const row = await db.staffTotp.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return !row ? "none" : row.confirmedAt ? "enrolled" : "pending";
}

/**
 * A new secret for the staff member (replacing an unconfirmed one): the otpauth URI as a QR image
 * and the secret as text for typing it in by hand. Refused once enrolment is confirmed.
 */
export async function startStaffTotpEnrolment(actor: UserActor): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const { email } = await requireStaffMember(actor.userId);
  if ((await staffTotpState(actor.userId)) === "enrolled") {
    throw new DomainError("CONFLICT", "errors.staffTotp.alreadyEnrolled");
  }
  const secret = newTotpSecret();
  const secretEnc = encryptTotpSecret(secret, keyMaterial());
  await db.staffTotp.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, secretEnc },
    update: { secretEnc, confirmedAt: null, lastUsedStep: null },
  });
  const uri = totpUri(secret, email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

/** Every attempt at a code counts against the staff member's limit (a success does not free it). */
async function consumeAttempt(userId: number) {
  await consumeLimit("staffSecondFactorPerUser", String(userId));
}

async function recordFailure(actor: UserActor, kind: "totp" | "recovery") {
  await audit(db, actor, "staff.totp.verify.fail", { type: "user", id: actor.userId }, { data: { kind } });
}

/**
 * The first code confirms enrolment: the factor counts from now, this session has passed it, and
 * ten recovery codes are returned (once; only their hashes are kept).
 */
export async function confirmStaffTotpEnrolment(
  actor: UserActor,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  await requireStaffMember(actor.userId);
  const row = await db.staffTotp.findUnique({ where: { userId: actor.userId } });
  if (!row) throw new DomainError("NOT_FOUND", "errors.staffTotp.notStarted");
  if (row.confirmedAt) throw new DomainError("CONFLICT", "errors.staffTotp.alreadyEnrolled");
  await consumeAttempt(actor.userId);
  const step = await matchTotpStep(decryptTotpSecret(row.secretEnc, keyMaterial()), code.trim(), now);
  if (step === null) {
    await recordFailure(actor, "totp");
    throw invalidCode();
  }
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const confirmed = await tx.staffTotp.updateMany({
      where: { userId: actor.userId, confirmedAt: null, secretEnc: row.secretEnc },
      data: { confirmedAt: now, lastUsedStep: step },
    });
    if (confirmed.count !== 1) throw new DomainError("CONFLICT", "errors.staffTotp.alreadyEnrolled");
    await tx.staffRecoveryCode.createMany({
      data: recoveryCodes.map((c) => ({ userId: actor.userId, codeHash: hashRecoveryCode(actor.userId, c, keyMaterial()) })),
    });
    await markSessionPassed(tx, actor.userId, sessionId, now);
    await audit(tx, actor, "staff.totp.enrol", { type: "user", id: actor.userId });
  });
  await resetLimit("staffSecondFactorPerUser", String(actor.userId));
  return { recoveryCodes };
}

async function markSessionPassed(tx: Pick<typeof db, "session">, userId: number, sessionId: string, now: Date) {
  const updated = await tx.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { secondFactorAt: now },
  });
  if (updated.count !== 1) throw new DomainError("UNAUTHORIZED", "errors.unauthorized");
}

async function requireEnrolled(userId: number) {
  const row = await db.staffTotp.findUnique({ where: { userId } });
  if (!row?.confirmedAt) throw new DomainError("NOT_FOUND", "errors.staffTotp.notEnrolled");
  return row;
}

/**
 * A code from the authenticator app for this session. A code is accepted once: one of the step
 * already used (or an earlier one) is refused, as is every wrong code; both are audited.
 */
export async function verifyStaffTotp(actor: UserActor, sessionId: string, code: string, now = new Date()): Promise<void> {
  await requireStaffMember(actor.userId);
  const row = await requireEnrolled(actor.userId);
  await consumeAttempt(actor.userId);
  const step = await matchTotpStep(decryptTotpSecret(row.secretEnc, keyMaterial()), code.trim(), now);
  const accepted =
    step !== null &&
    (await db.$transaction(async (tx) => {
      // The step moves forward only: of two requests with the same code, one wins.
      const moved = await tx.staffTotp.updateMany({
        where: { userId: actor.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step },
      });
      if (moved.count !== 1) return false;
      await markSessionPassed(tx, actor.userId, sessionId, now);
      return true;
    }));
  if (!accepted) {
    await recordFailure(actor, "totp");
    throw invalidCode();
  }
  await resetLimit("staffSecondFactorPerUser", String(actor.userId));
}

/** One of the recovery codes instead of the app's code; each works once. */
export async function useStaffRecoveryCode(
  actor: UserActor,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<{ remaining: number }> {
  await requireStaffMember(actor.userId);
  await requireEnrolled(actor.userId);
  await consumeAttempt(actor.userId);
  const normalized = normalizeRecoveryCode(code);
  const remaining = /^[a-z0-9]{8}$/.test(normalized)
    ? await db.$transaction(async (tx) => {
        const used = await tx.staffRecoveryCode.updateMany({
          where: { userId: actor.userId, codeHash: hashRecoveryCode(actor.userId, normalized, keyMaterial()), usedAt: null },
          data: { usedAt: now },
        });
        if (used.count !== 1) return null;
        await markSessionPassed(tx, actor.userId, sessionId, now);
        const left = await tx.staffRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
        await audit(tx, actor, "staff.totp.recovery_used", { type: "user", id: actor.userId }, { data: { remaining: left } });
        return left;
      })
    : null;
  if (remaining === null) {
    await recordFailure(actor, "recovery");
    throw new DomainError("VALIDATION", "errors.staffTotp.invalidRecoveryCode", { field: "code" });
  }
  await resetLimit("staffSecondFactorPerUser", String(actor.userId));
  return { remaining };
}

/**
 * A SUPERADMIN removes a staff member's second factor (a lost phone): the secret and recovery
 * codes go, and the member's sessions must pass the factor again, after enrolling anew.
 */
export async function resetStaffTotp(actor: UserActor, email: string): Promise<void> {
  const target = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, staffRole: true },
  });
  if (!target?.staffRole) throw new DomainError("NOT_FOUND", "errors.staffTotp.staffNotFound", { field: "email" });
  await db.$transaction(async (tx) => {
    const removed = await tx.staffTotp.deleteMany({ where: { userId: target.id } });
    if (removed.count === 0) throw new DomainError("CONFLICT", "errors.staffTotp.notEnrolled");
    await tx.session.updateMany({ where: { userId: target.id, secondFactorAt: { not: null } }, data: { secondFactorAt: null } });
    await audit(tx, actor, "staff.totp.reset", { type: "user", id: target.id });
  });
}
