import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { requestEmailChangeSchema, type RequestEmailChangeInput } from "@/lib/validation/profile";
import { audit } from "@/server/audit";

import { hashSecret, issueEmailToken } from "../auth/email-tokens";
import { consumeLimit } from "../auth/rate-limit";

import { maskEmail, sendAccountNotice, sendEmailChangeLink } from "./account-emails";
import { confirmPassword, type Actor } from "./reauthenticate";

const emailTaken = () => new DomainError("CONFLICT", "errors.account.emailTaken", { field: "newEmail" });

/**
 * Step one of changing the address: with the current password, a single-use link goes to the NEW
 * address (only a hash of it is kept, it expires, and only the latest one works). Nothing about the
 * account changes yet. Rate limited like the verification emails: per account, per new address and
 * per IP.
 */
export async function requestEmailChange(actor: Actor, raw: RequestEmailChangeInput) {
  const input = requestEmailChangeSchema.parse(raw);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, locale: true },
  });
  if (input.newEmail === user.email) throw new DomainError("VALIDATION", "errors.account.emailSame", { field: "newEmail" });
  await confirmPassword(actor, input.currentPassword);
  await consumeLimit("verifyResendPerEmail", `change:${user.id}`);
  await consumeLimit("verifyResendPerEmail", input.newEmail);
  if (actor.ip) await consumeLimit("codeRequestPerIp", actor.ip);
  const taken = await db.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
  if (taken) throw emailTaken();

  const { secret, expiresAt } = await db.$transaction(async (tx) => {
    const issued = await issueEmailToken(tx, { userId: user.id, email: input.newEmail, purpose: "CHANGE_EMAIL" });
    // The new address is not written here: the log keeps no personal data.
    await audit(tx, { userId: user.id, ip: actor.ip }, "user.email_change_requested", { type: "user", id: user.id });
    return issued;
  });
  const sent = await sendEmailChangeLink(user, input.newEmail, secret);
  if (!sent.delivered) throw new DomainError("UNAVAILABLE", "errors.email.notDelivered");
  return { email: input.newEmail, expiresAt };
}

/**
 * Step two: the link is followed by the same person, signed in. The address must still be free
 * (the unique index settles a race with a sign-up or another change); the old address is told.
 * A link already used for this very change answers as done, so a reload shows success.
 */
export async function confirmEmailChange(actor: Actor, secret: string, now = new Date()) {
  if (typeof secret !== "string" || secret.length < 20 || secret.length > 200) {
    throw new DomainError("NOT_FOUND", "errors.auth.linkInvalid");
  }
  let result: { email: string; oldEmail: string; user: { id: number; name: string; locale: "ru" | "kk" }; already: boolean };
  try {
    result = await db.$transaction(async (tx) => {
      const token = await tx.emailToken.findUnique({
        where: { secretHash: hashSecret("CHANGE_EMAIL", 0, secret) },
        select: {
          id: true,
          userId: true,
          purpose: true,
          email: true,
          expiresAt: true,
          usedAt: true,
          user: { select: { id: true, email: true, name: true, locale: true } },
        },
      });
      if (!token || token.purpose !== "CHANGE_EMAIL") throw new DomainError("NOT_FOUND", "errors.auth.linkInvalid");
      if (token.userId !== actor.userId) throw new DomainError("FORBIDDEN", "errors.account.otherAccount");
      const { user } = token;
      if (token.usedAt) {
        if (user.email === token.email) return { email: token.email, oldEmail: user.email, user, already: true };
        throw new DomainError("CONFLICT", "errors.account.linkUsed");
      }
      if (token.expiresAt <= now) throw new DomainError("NOT_FOUND", "errors.auth.linkExpired");
      const taken = await tx.user.findUnique({ where: { email: token.email }, select: { id: true } });
      if (taken) throw new DomainError("CONFLICT", "errors.account.emailTaken");
      await tx.emailToken.update({ where: { id: token.id }, data: { usedAt: now } });
      // Codes and links sent to the old address stop working with it.
      await tx.emailToken.deleteMany({ where: { userId: user.id, id: { not: token.id } } });
      // Following the link proves the new address.
      await tx.user.update({ where: { id: user.id }, data: { email: token.email, emailVerifiedAt: now } });
      await audit(tx, { userId: user.id, ip: actor.ip }, "user.email_changed", { type: "user", id: user.id });
      return { email: token.email, oldEmail: user.email, user, already: false };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new DomainError("CONFLICT", "errors.account.emailTaken");
    }
    throw e;
  }
  if (!result.already) {
    await sendAccountNotice(result.user, result.oldEmail, { kind: "emailChanged", newEmail: maskEmail(result.email) }).catch(
      (e: unknown) => console.error("The email-changed notice could not be stored:", e),
    );
  }
  return { email: result.email, alreadyChanged: result.already };
}
