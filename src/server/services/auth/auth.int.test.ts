import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createUser, ensureLegalDocuments, TEST_PASSWORD } from "../../../../test/support/factories";

import { signInWithCode, signInWithPassword } from "./authenticate";
import { hashSecret, issueEmailToken } from "./email-tokens";
import { resolveSession, revokeAllSessions } from "./sessions";
import { requestSignInCode } from "./sign-in-code";
import { signUp, type SignUpResult } from "./sign-up";
import { verifyEmail } from "./verify-email";

const meta = { ip: "10.1.2.3", userAgent: "vitest" };

async function rowCounts() {
  const [users, credentials, acceptances, consents, tokens, emails] = await Promise.all([
    db.user.count(),
    db.credential.count(),
    db.legalAcceptance.count(),
    db.consent.count(),
    db.emailToken.count(),
    db.emailMessage.count(),
  ]);
  return { users, credentials, acceptances, consents, tokens, emails };
}

async function expectDomainError(promise: Promise<unknown>, code: string, key: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, messageKey: key });
}

const signUpInput = (email: string) => ({
  accountType: "seeker" as const,
  name: "Данияр Ахметов",
  email,
  password: "a-long-password",
  phone: "+7 701 765 43 21",
  adult: true as const,
  acceptTerms: true as const,
  marketing: false,
  locale: "kk" as const,
});

beforeAll(ensureLegalDocuments);

/** The result of a sign-up that made a new account. */
async function created(result: Promise<SignUpResult>) {
  const r = await result;
  if (r.kind !== "created") throw new Error(`expected a new account, got ${r.kind}`);
  return r;
}

describe("sign-up", () => {
  it("creates the account, credential, acceptances, consents and a verification token in one go", async () => {
    const { user, verificationSecret } = await created(signUp(signUpInput("Daniyar@Example.KZ"), meta));
    const stored = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { credential: true, legalAcceptances: true, consents: true, emailTokens: true },
    });
    expect(stored.email).toBe("daniyar@example.kz");
    expect(stored.phone).toBe("+77017654321");
    expect(stored.locale).toBe("kk");
    expect(stored.isSeeker).toBe(true);
    expect(stored.emailVerifiedAt).toBeNull();
    expect(stored.adultDeclaredAt).not.toBeNull();
    expect(stored.credential?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.legalAcceptances).toHaveLength(2);
    expect(stored.legalAcceptances.every((a) => a.ip === meta.ip)).toBe(true);
    expect(stored.consents.map((c) => [c.purpose, c.granted]).sort()).toEqual([
      ["MARKETING", false],
      ["PROCESSING", true],
    ]);
    expect(stored.emailTokens).toHaveLength(1);
    expect(stored.emailTokens[0]!.secretHash).toBe(hashSecret("VERIFY_EMAIL", user.id, verificationSecret));
  });

  it.each([
    ["an invalid email", { email: "not-an-email" }, "email", "validation.email"],
    ["a short password", { password: "short" }, "password", "validation.passwordTooShort"],
    ["a non-KZ phone", { phone: "+7 912 345 67 89" }, "phone", "validation.phoneKz"],
    ["no 18+ declaration", { adult: false }, "adult", "validation.adultRequired"],
    ["terms not accepted", { acceptTerms: false }, "acceptTerms", "validation.termsRequired"],
  ])("refuses %s with its field's message and writes nothing", async (_label, patch, field, key) => {
    const before = await rowCounts();
    const error = await signUp({ ...signUpInput("someone@example.kz"), ...patch } as never, meta).then(
      () => null,
      (e: unknown) => e,
    );
    // Exactly the one bad field, with the catalogue key the form shows under it.
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => ({ path: issue.path, message: issue.message }))).toEqual([
      { path: [field], message: key },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it("does not reveal an existing email (any case): no account, credential or token is written", async () => {
    const first = await created(signUp(signUpInput("taken@example.kz"), meta));
    const before = await rowCounts();
    const again = await signUp(signUpInput("TAKEN@example.kz"), meta);
    expect(again).toEqual({ kind: "existing", user: expect.objectContaining({ id: first.user.id, email: "taken@example.kz" }) });
    expect(await rowCounts()).toEqual(before);
    expect(await db.auditLog.count({ where: { action: "auth.sign_up_existing", entityId: String(first.user.id) } })).toBe(1);
  });

  it("lets exactly one of two simultaneous sign-ups with one address through", async () => {
    const results = await Promise.allSettled([
      signUp(signUpInput("race@example.kz"), meta),
      signUp(signUpInput("race@example.kz"), meta),
    ]);
    const kinds = results.map((r) => (r.status === "fulfilled" ? r.value.kind : "rejected")).sort();
    expect(kinds).toEqual(["created", "existing"]);
    expect(await db.user.count({ where: { email: "race@example.kz" } })).toBe(1);
  });
});

describe("email verification", () => {
  it("verifies once; a used link stays harmless; a wrong or expired link changes nothing", async () => {
    const { user, verificationSecret } = await created(signUp(signUpInput("verify@example.kz"), meta));
    await expectDomainError(verifyEmail("x".repeat(43)), "NOT_FOUND", "errors.auth.linkInvalid");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();

    expect(await verifyEmail(verificationSecret)).toEqual({ userId: user.id, alreadyVerified: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect(await verifyEmail(verificationSecret)).toEqual({ userId: user.id, alreadyVerified: true });

    const other = await created(signUp(signUpInput("expired@example.kz"), meta));
    const later = new Date(Date.now() + 49 * 3_600_000);
    await expectDomainError(verifyEmail(other.verificationSecret, later), "NOT_FOUND", "errors.auth.linkExpired");
  });
});

describe("password sign-in", () => {
  it("creates a session for a verified user with the right password", async () => {
    const user = await createUser();
    const sessionId = await signInWithPassword(user.email.toUpperCase(), TEST_PASSWORD, meta);
    const resolved = await resolveSession(sessionId);
    expect(resolved).toMatchObject({ id: user.id, email: user.email, sessionId });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("refuses a wrong password, an unknown address and an unverified address with specific keys", async () => {
    const user = await createUser();
    await expectDomainError(
      signInWithPassword(user.email, "wrong-password", meta),
      "UNAUTHORIZED",
      "errors.auth.invalidCredentials",
    );
    await expectDomainError(
      signInWithPassword("nobody@example.kz", TEST_PASSWORD, meta),
      "UNAUTHORIZED",
      "errors.auth.invalidCredentials",
    );
    const unverified = await createUser({ verified: false });
    await expectDomainError(
      signInWithPassword(unverified.email, TEST_PASSWORD, meta),
      "FORBIDDEN",
      "errors.auth.emailNotVerified",
    );
    expect(await db.session.count({ where: { userId: { in: [user.id, unverified.id] } } })).toBe(0);
  });

  it("stops a guesser at their own IP without locking the owner out from theirs", async () => {
    const user = await createUser();
    const attacker = { ...meta, ip: "203.0.113.66" };
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(await signInWithPassword(user.email, "wrong-password", attacker).catch((e: DomainError) => e.code));
    }
    expect(attempts.slice(0, 10)).toEqual(Array(10).fill("UNAUTHORIZED"));
    expect(attempts.slice(10)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    // The right password from the attacker's IP is refused too: the limit comes first.
    await expectDomainError(signInWithPassword(user.email, TEST_PASSWORD, attacker), "RATE_LIMITED", "errors.rateLimited");
    // The owner, elsewhere, signs in.
    const sessionId = await signInWithPassword(user.email, TEST_PASSWORD, { ...meta, ip: "198.51.100.10" });
    expect(await resolveSession(sessionId)).toMatchObject({ id: user.id });
  });

  it("slows guessing one address from many IPs (per address) and many addresses from one IP (per IP)", async () => {
    const user = await createUser();
    const fromMany = [];
    for (let i = 0; i < 51; i++) {
      fromMany.push(
        await signInWithPassword(user.email, "wrong-password", { ...meta, ip: `10.77.${Math.floor(i / 200)}.${i % 200}` }).catch(
          (e: DomainError) => e.code,
        ),
      );
    }
    expect(fromMany.filter((c) => c === "UNAUTHORIZED")).toHaveLength(50);
    expect(fromMany[50]).toBe("RATE_LIMITED");

    const spray = [];
    for (let i = 0; i < 101; i++) {
      spray.push(
        await signInWithPassword(`nobody-${i}-${user.id}@example.kz`, "wrong-password", { ...meta, ip: "10.78.0.1" }).catch(
          (e: DomainError) => e.code,
        ),
      );
    }
    expect(spray.filter((c) => c === "UNAUTHORIZED")).toHaveLength(100);
    expect(spray[100]).toBe("RATE_LIMITED");
  });
});

describe("one-time codes", () => {
  it("emails a code through the outbox and signs in with it exactly once", async () => {
    const user = await createUser({ verified: false });
    await requestSignInCode(user.email, "ru", "10.2.0.1");
    const email = await db.emailMessage.findFirstOrThrow({ where: { toAddress: user.email, template: "sign-in-code" } });
    expect(email.status).toBe("CAPTURED");
    const code = /\b(\d{6})\b/.exec(email.text)?.[1];
    expect(code).toBeDefined();

    const sessionId = await signInWithCode(user.email, code, meta);
    expect(await resolveSession(sessionId)).toMatchObject({ id: user.id, emailVerified: true });
    await expectDomainError(signInWithCode(user.email, code, meta), "UNAUTHORIZED", "errors.auth.codeInvalid");
  });

  it("counts wrong codes and kills the code after five", async () => {
    const user = await createUser();
    const { secret } = await db.$transaction((tx) =>
      issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "SIGN_IN_CODE" }),
    );
    const wrong = secret === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      await expectDomainError(
        signInWithCode(user.email, wrong, { ...meta, ip: null }),
        "UNAUTHORIZED",
        "errors.auth.codeInvalid",
      );
    }
    await expectDomainError(signInWithCode(user.email, secret, { ...meta, ip: null }), "UNAUTHORIZED", "errors.auth.codeExpired");
  });

  it("refuses an expired code", async () => {
    const user = await createUser();
    const past = new Date(Date.now() - 11 * 60_000);
    const { secret } = await db.$transaction((tx) =>
      issueEmailToken(tx, { userId: user.id, email: user.email, purpose: "SIGN_IN_CODE", now: past }),
    );
    await expectDomainError(signInWithCode(user.email, secret, meta), "UNAUTHORIZED", "errors.auth.codeExpired");
  });

  it("refuses a malformed code before touching the database", async () => {
    await expectDomainError(signInWithCode("a@example.kz", "12ab56", meta), "VALIDATION", "errors.auth.codeInvalid");
  });

  it("rate-limits code requests per address, without sending more mail", async () => {
    const user = await createUser();
    for (let i = 0; i < 3; i++) await requestSignInCode(user.email, "ru", null);
    await expectDomainError(requestSignInCode(user.email, "ru", null), "RATE_LIMITED", "errors.rateLimited");
    expect(await db.emailMessage.count({ where: { toAddress: user.email } })).toBe(3);
  });

  it("answers an unknown address like a known one and sends nothing", async () => {
    await requestSignInCode("ghost@example.kz", "kk", null);
    expect(await db.emailMessage.count({ where: { toAddress: "ghost@example.kz" } })).toBe(0);
  });
});

describe("sessions", () => {
  it("are revocable: a revoked or blocked user's session resolves to nobody", async () => {
    const user = await createUser();
    const a = await signInWithPassword(user.email, TEST_PASSWORD, meta);
    const b = await signInWithPassword(user.email, TEST_PASSWORD, meta);
    expect(await revokeAllSessions(user.id, "test", b)).toBe(1);
    expect(await resolveSession(a)).toBeNull();
    expect(await resolveSession(b)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { blockedAt: new Date(), blockReason: "spam" } });
    expect(await resolveSession(b)).toBeNull();
    expect(await resolveSession("not-a-uuid")).toBeNull();
  });
});
