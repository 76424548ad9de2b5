import type { AppLocale } from "@/i18n/routing";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/profile";
import { audit } from "@/server/audit";

import { hashPassword, verifyPassword } from "../auth/password";
import { requestSignInCode } from "../auth/sign-in-code";

import { sendAccountNotice } from "./account-emails";
import { confirmCode, confirmPassword, type Actor } from "./reauthenticate";

/**
 * A new password, proven with the current one or with a one-time code from the account's email.
 * Every other session ends in the same transaction (this one stays), and the owner is told.
 */
export async function changePassword(actor: Actor & { sessionId: string }, raw: ChangePasswordInput) {
  const input = changePasswordSchema.parse(raw);
  if (input.code) await confirmCode(actor, input.code);
  else await confirmPassword(actor, input.currentPassword ?? "");

  const existing = await db.credential.findUnique({ where: { userId: actor.userId }, select: { passwordHash: true } });
  if (existing && (await verifyPassword(existing.passwordHash, input.newPassword))) {
    throw new DomainError("VALIDATION", "errors.account.passwordSame", { field: "newPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const { user, revoked } = await db.$transaction(async (tx) => {
    await tx.credential.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, passwordHash },
      update: { passwordHash },
    });
    const sessions = await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: now, revokeReason: "password_changed" },
    });
    await audit(
      tx,
      actor,
      "user.password_changed",
      { type: "user", id: actor.userId },
      { data: { method: input.code ? "code" : "password", revokedSessions: sessions.count } },
    );
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { id: true, email: true, name: true, locale: true },
    });
    return { user, revoked: sessions.count };
  });
  const notice = await sendAccountNotice(user, user.email, { kind: "passwordChanged" }).catch((e: unknown) => {
    console.error("The password-changed notice could not be stored:", e);
    return null;
  });
  return { revokedSessions: revoked, noticeSent: notice?.delivered ?? false };
}

/** Emails a one-time code to the account's own address, to change a forgotten password with. */
export async function sendReauthCode(actor: Actor, locale: AppLocale) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } });
  await requestSignInCode(user.email, locale, actor.ip);
  return { sent: true };
}
