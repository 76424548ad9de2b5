import { audit } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { emailSchema, codeSchema } from "@/lib/validation/auth";

import { hashPassword, verifyPassword } from "./password";
import { consumeSignInAttempt, resetSignInAttempts } from "./rate-limit";
import { consumeSignInCode } from "./sign-in-code";
import { createSession } from "./sessions";

interface Meta {
  ip: string | null;
  userAgent: string | null;
}

// Verifying against a fixed hash keeps the response time of unknown addresses the same.
let dummyHash: Promise<string> | undefined;

async function auditSignIn(
  action: "auth.sign_in" | "auth.sign_in_failed",
  userId: number | null,
  meta: Meta,
  data: Record<string, string>,
) {
  await audit(db, { userId, ip: meta.ip }, action, { type: "user", id: userId }, { data });
}

function parseEmail(raw: unknown): string {
  const email = emailSchema.safeParse(raw);
  if (!email.success) throw new DomainError("VALIDATION", "errors.auth.invalidCredentials");
  return email.data;
}

async function assertCanSignIn(userId: number) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { blockedAt: true, blockReason: true, emailVerifiedAt: true },
  });
  // The password (or emailed code) proved who asks, so they are told the operator's reason here too.
  if (user.blockedAt) {
    if (!user.blockReason) throw new DomainError("FORBIDDEN", "errors.auth.blocked");
    throw new DomainError("FORBIDDEN", "errors.auth.blockedBecause", { params: { reason: user.blockReason } });
  }
  if (!user.emailVerifiedAt) throw new DomainError("FORBIDDEN", "errors.auth.emailNotVerified");
}

/** Email + password sign-in; returns the new session's id. */
export async function signInWithPassword(rawEmail: unknown, rawPassword: unknown, meta: Meta): Promise<string> {
  const email = parseEmail(rawEmail);
  const password = typeof rawPassword === "string" ? rawPassword.slice(0, 200) : "";
  await consumeSignInAttempt(email, meta.ip);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, credential: { select: { passwordHash: true } } },
  });
  const hash = user?.credential?.passwordHash ?? (await (dummyHash ??= hashPassword("not-a-real-password")));
  const ok = (await verifyPassword(hash, password)) && Boolean(user?.credential);
  if (!user || !ok) {
    await auditSignIn("auth.sign_in_failed", user?.id ?? null, meta, { method: "password" });
    throw new DomainError("UNAUTHORIZED", "errors.auth.invalidCredentials");
  }
  await assertCanSignIn(user.id);
  await resetSignInAttempts(email, meta.ip);
  const sessionId = await createSession(user.id, meta);
  await auditSignIn("auth.sign_in", user.id, meta, { method: "password" });
  return sessionId;
}

/** One-time-code sign-in; returns the new session's id. */
export async function signInWithCode(rawEmail: unknown, rawCode: unknown, meta: Meta): Promise<string> {
  const email = parseEmail(rawEmail);
  const code = codeSchema.safeParse(rawCode);
  if (!code.success) throw new DomainError("VALIDATION", "errors.auth.codeInvalid");
  await consumeSignInAttempt(email, meta.ip);
  let userId: number;
  try {
    userId = await consumeSignInCode(email, code.data);
  } catch (e) {
    await auditSignIn("auth.sign_in_failed", null, meta, { method: "code" });
    throw e;
  }
  await assertCanSignIn(userId);
  await resetSignInAttempts(email, meta.ip);
  const sessionId = await createSession(userId, meta);
  await auditSignIn("auth.sign_in", userId, meta, { method: "code" });
  return sessionId;
}
