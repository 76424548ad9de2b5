import { db } from "@/server/db";
import { audit } from "@/server/audit";

import { sendAccountNotice } from "./account-emails";
import type { Actor } from "./reauthenticate";

/**
 * "Someone else used my account" (A 4.3.4, K 4.17): every session ends at once, this one too, and
 * every outstanding code or link (a sign-in code, an email change someone may have started) is
 * cancelled, in one transaction. The security log records the event without personal data; the
 * owner gets an email on what to do next (sign in with a code, set a new password).
 */
export async function reportCompromise(actor: Actor, now = new Date()) {
  const { user, revoked } = await db.$transaction(async (tx) => {
    const sessions = await tx.session.updateMany({
      where: { userId: actor.userId, revokedAt: null },
      data: { revokedAt: now, revokeReason: "compromise_reported" },
    });
    const tokens = await tx.emailToken.deleteMany({ where: { userId: actor.userId, usedAt: null } });
    await audit(
      tx,
      actor,
      "security.compromise_reported",
      { type: "user", id: actor.userId },
      { data: { revokedSessions: sessions.count, cancelledTokens: tokens.count } },
    );
    const user = await tx.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { id: true, email: true, name: true, locale: true },
    });
    return { user, revoked: sessions.count };
  });
  const notice = await sendAccountNotice(user, user.email, { kind: "compromised" }).catch((e: unknown) => {
    console.error("The compromise notice could not be stored:", e);
    return null;
  });
  return { revokedSessions: revoked, noticeSent: notice?.delivered ?? false };
}
