import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import type { AppLocale } from "@/i18n/routing";
import { audit } from "@/server/audit";

import { consumeLimit } from "./rate-limit";
import { sendVerificationEmail } from "./auth-emails";
import { hashSecret, issueEmailToken } from "./email-tokens";

/** Confirms the address behind a verification link. A used, expired or unknown link changes nothing. */
export async function verifyEmail(secret: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const token = await tx.emailToken.findUnique({
      where: { secretHash: hashSecret("VERIFY_EMAIL", 0, secret) },
      select: {
        id: true,
        userId: true,
        email: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { email: true, emailVerifiedAt: true } },
      },
    });
    if (!token || token.user.email !== token.email) throw new DomainError("NOT_FOUND", "errors.auth.linkInvalid");
    if (token.usedAt) {
      if (token.user.emailVerifiedAt) return { userId: token.userId, alreadyVerified: true };
      throw new DomainError("NOT_FOUND", "errors.auth.linkInvalid");
    }
    if (token.expiresAt <= now) throw new DomainError("NOT_FOUND", "errors.auth.linkExpired");
    await tx.emailToken.update({ where: { id: token.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: token.userId }, data: { emailVerifiedAt: token.user.emailVerifiedAt ?? now } });
    await audit(tx, { userId: token.userId, ip: null }, "user.email_verified", { type: "user", id: token.userId });
    return { userId: token.userId, alreadyVerified: false };
  });
}

/**
 * Sends a new verification link. Answers the same whether or not the address is registered,
 * so the form cannot be used to discover accounts.
 */
export async function resendVerification(email: string, locale: AppLocale, ip: string | null, callbackPath?: string) {
  await consumeLimit("verifyResendPerEmail", email);
  if (ip) await consumeLimit("codeRequestPerIp", ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true, blockedAt: true },
  });
  if (!user || user.emailVerifiedAt || user.blockedAt) return;
  const { secret } = await db.$transaction((tx) =>
    issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "VERIFY_EMAIL" }),
  );
  const sent = await sendVerificationEmail({ ...user, locale }, secret, callbackPath);
  if (!sent.delivered) throw new DomainError("UNAVAILABLE", "errors.email.notDelivered");
}
