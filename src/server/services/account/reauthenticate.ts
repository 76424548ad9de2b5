import { db } from "@/server/db";
import { DomainError, isDomainError } from "@/server/errors";
import { audit, type UserActor } from "@/server/audit";

import { verifyPassword } from "../auth/password";
import { consumeSignInAttempt, resetSignInAttempts } from "../auth/rate-limit";
import { consumeSignInCode } from "../auth/sign-in-code";

/** Who acts: the signed-in person. */
export type Actor = UserActor;

async function auditFailure(actor: Actor, method: "password" | "code") {
  await audit(db, actor, "account.reauth_failed", { type: "user", id: actor.userId }, { data: { method } });
}

/**
 * Proves that the signed-in person knows the account's password before a sensitive change.
 * Attempts count against the same limit as sign-in, so a stolen session cannot be used to guess
 * the password. A wrong password is a field error (not UNAUTHORIZED: the session itself is fine).
 */
export async function confirmPassword(actor: Actor, password: string): Promise<{ email: string }> {
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: { email: true, credential: { select: { passwordHash: true } } },
  });
  if (!user) throw new DomainError("NOT_FOUND", "errors.notFound");
  await consumeSignInAttempt(user.email, actor.ip);
  const ok = user.credential ? await verifyPassword(user.credential.passwordHash, password.slice(0, 200)) : false;
  if (!ok) {
    await auditFailure(actor, "password");
    throw new DomainError("VALIDATION", "errors.account.wrongPassword", { field: "currentPassword" });
  }
  await resetSignInAttempts(user.email, actor.ip);
  return { email: user.email };
}

/** The alternative proof: a one-time code sent to the account's address (single use). */
export async function confirmCode(actor: Actor, code: string): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  if (!user) throw new DomainError("NOT_FOUND", "errors.notFound");
  await consumeSignInAttempt(user.email, actor.ip);
  try {
    await consumeSignInCode(user.email, code);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    await auditFailure(actor, "code");
    throw new DomainError("VALIDATION", e.messageKey, { field: "code" });
  }
  return { email: user.email };
}
