import { timingSafeEqual } from "node:crypto";

import { db } from "@/server/db";
import { withMinimumDuration } from "@/server/timing";
import { DomainError } from "@/server/errors";
import type { AppLocale } from "@/i18n/routing";

import { sendSignInCodeEmail } from "./auth-emails";
import { MAX_CODE_ATTEMPTS, hashSecret, issueEmailToken } from "./email-tokens";
import { consumeCodeRequest } from "./rate-limit";

/**
 * Answers no sooner than this: an unknown address does one read, a known one also writes a code
 * and hands an email to the mailer, and the difference must not show.
 */
export const CODE_REQUEST_MIN_MS = 400;

/**
 * Emails a six-digit sign-in code. Unknown addresses get the same answer as known ones, in the
 * same time. Rate limited per address and IP, per address and per IP.
 */
export async function requestSignInCode(email: string, locale: AppLocale, ip: string | null) {
  await consumeCodeRequest(email, ip);
  await withMinimumDuration(CODE_REQUEST_MIN_MS, async () => {
    const user = await db.user.findUnique({
      where: { email },
      select: { id: true, email: true, name: true, blockedAt: true },
    });
    if (!user || user.blockedAt) return;
    const { secret } = await db.$transaction((tx) =>
      issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "SIGN_IN_CODE" }),
    );
    const sent = await sendSignInCodeEmail({ ...user, locale }, secret);
    if (!sent.delivered) throw new DomainError("UNAVAILABLE", "errors.email.notDelivered");
  });
}

/**
 * Checks a code; a right code is single-use and also proves the address. Wrong codes count
 * against the code, which dies after MAX_CODE_ATTEMPTS.
 */
export async function consumeSignInCode(email: string, code: string, now = new Date()): Promise<number> {
  return db
    .$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
      const token = user
        ? await tx.emailToken.findFirst({
            where: { userId: user.id, purpose: "SIGN_IN_CODE", usedAt: null },
            orderBy: { createdAt: "desc" },
            select: { id: true, secretHash: true, attempts: true, expiresAt: true, email: true },
          })
        : null;
      if (!user || !token || token.email !== email) throw new DomainError("UNAUTHORIZED", "errors.auth.codeInvalid");
      if (token.expiresAt <= now || token.attempts >= MAX_CODE_ATTEMPTS) {
        throw new DomainError("UNAUTHORIZED", "errors.auth.codeExpired");
      }
      const expected = Buffer.from(token.secretHash, "hex");
      const actual = Buffer.from(hashSecret("SIGN_IN_CODE", user.id, code), "hex");
      if (!timingSafeEqual(expected, actual)) {
        await tx.emailToken.update({ where: { id: token.id }, data: { attempts: { increment: 1 } } });
        return -1;
      }
      await tx.emailToken.update({ where: { id: token.id }, data: { usedAt: now } });
      if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
      return user.id;
    })
    .then((userId) => {
      // The attempt counter must persist, so the wrong-code error is thrown after the commit.
      if (userId < 0) throw new DomainError("UNAUTHORIZED", "errors.auth.codeInvalid");
      return userId;
    });
}
