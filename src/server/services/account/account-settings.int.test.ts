import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import type { SessionUser } from "@/server/services/auth/sessions";

import { createUser, ensureLegalDocuments, signedIn, TEST_PASSWORD } from "../../../../test/support/factories";
import { hashSecret } from "../auth/email-tokens";
import { verifyPassword } from "../auth/password";
import { resolveSession } from "../auth/sessions";
import { getAccountProfile, updatePreferences, updateProfile } from "../users/profile";

import { changePassword, sendReauthCode } from "./change-password";
import { confirmEmailChange, requestEmailChange } from "./change-email";
import { reportCompromise } from "./report-compromise";

const IP = "10.20.30.40";

/** The domain error key (or zod messages) a call ends with, or "resolved". */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) =>
      e instanceof DomainError ? e.messageKey : e instanceof ZodError ? e.issues.map((i) => i.message).join(",") : String(e),
  );

const actorOf = (user: SessionUser) => ({ userId: user.id, ip: IP, sessionId: user.sessionId });

async function seeker(patch: { name?: string } = {}) {
  const user = await createUser({ isSeeker: true, ...patch });
  return { ...user, session: await signedIn(user.id) };
}

async function lastEmail(to: string, template: string) {
  return db.emailMessage.findFirst({ where: { toAddress: to, template }, orderBy: { id: "desc" } });
}

const linkToken = (text: string) => /confirm-email\?token=([\w-]+)/.exec(text)?.[1] ?? "";

let cityId = 0;

beforeAll(async () => {
  await ensureLegalDocuments();
  const region = await db.region.create({ data: { slug: "settings-region", nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "settings-city", nameRu: "Город", nameKk: "Қала" } })).id;
});

describe("profile", () => {
  it("saves name, phone in E.164, city and language", async () => {
    const user = await seeker();
    const saved = await updateProfile(user.id, { name: "  Айгерим Сапарова ", phone: "8 (705) 111-22-33", cityId, locale: "kk" });
    expect(saved).toMatchObject({ name: "Айгерим Сапарова", phone: "+77051112233", locale: "kk", city: { id: cityId } });
    await updateProfile(user.id, { name: "Айгерим Сапарова", phone: "", cityId: null, locale: "ru" });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ phone: null, cityId: null });
  });

  it("refuses a non-Kazakh or malformed phone, an unknown city and a short name, changing nothing", async () => {
    const user = await seeker();
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const base = { name: "Айгерим Сапарова", phone: "", cityId: null, locale: "ru" as const };
    expect(await outcome(updateProfile(user.id, { ...base, phone: "+7 912 345 67 89" }))).toBe("validation.phoneKz");
    expect(await outcome(updateProfile(user.id, { ...base, phone: "call me" }))).toBe("validation.phoneKz");
    expect(await outcome(updateProfile(user.id, { ...base, cityId: 999_999 }))).toBe("errors.cityUnknown");
    expect(await outcome(updateProfile(user.id, { ...base, name: "А" }))).toBe("validation.nameTooShort");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  it("records every change of the marketing consent with time and IP, and nothing when it stays", async () => {
    const user = await seeker();
    const prefs = { notifyApplicationUpdates: true, notifyDigests: true };
    expect(await updatePreferences(user.id, { ...prefs, marketing: false }, { ip: IP })).toMatchObject({
      marketingChanged: false,
    });
    expect(await db.consent.count({ where: { userId: user.id } })).toBe(0);

    await updatePreferences(user.id, { ...prefs, marketing: true }, { ip: IP });
    await updatePreferences(user.id, { ...prefs, marketing: true }, { ip: "10.0.0.9" });
    await updatePreferences(
      user.id,
      { notifyApplicationUpdates: false, notifyDigests: false, marketing: false },
      { ip: "10.0.0.7" },
    );
    const rows = await db.consent.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.purpose, r.granted, r.ip])).toEqual([
      ["MARKETING", true, IP],
      ["MARKETING", false, "10.0.0.7"],
    ]);
    expect(rows.every((r) => r.documentId !== null && r.createdAt instanceof Date)).toBe(true);
    const profile = await getAccountProfile(user.id);
    expect(profile).toMatchObject({ notifyApplicationUpdates: false, notifyDigests: false, marketing: { granted: false } });
  });

  it("shows the accepted terms version and when", async () => {
    const user = await seeker();
    const terms = await db.legalDocument.findFirstOrThrow({ where: { kind: "TERMS" }, orderBy: { version: "desc" } });
    const acceptedAt = new Date("2026-03-01T08:00:00Z");
    // Only the terms, accepted on a known day (the factory accepted both versions in force).
    await db.legalAcceptance.deleteMany({ where: { userId: user.id } });
    await db.legalAcceptance.create({ data: { userId: user.id, documentId: terms.id, acceptedAt, ip: IP } });
    const profile = await getAccountProfile(user.id);
    expect(profile.terms).toEqual({ version: terms.version, acceptedAt });
    expect(profile.privacy).toBeNull();
  });
});

describe("changing the email address", () => {
  it("sends a single-use link to the NEW address and changes nothing until it is followed", async () => {
    const user = await seeker();
    const newEmail = `new-${user.id}@example.kz`;
    const result = await requestEmailChange(actorOf(user.session), {
      newEmail: ` ${newEmail.toUpperCase()} `,
      currentPassword: TEST_PASSWORD,
    });
    expect(result.email).toBe(newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const mail = await lastEmail(newEmail, "change-email");
    expect(mail?.userId).toBe(user.id);
    const secret = linkToken(mail!.text);
    const token = await db.emailToken.findFirstOrThrow({ where: { userId: user.id, purpose: "CHANGE_EMAIL" } });
    expect(token.email).toBe(newEmail);
    expect(token.secretHash).toBe(hashSecret("CHANGE_EMAIL", user.id, secret));
    expect(token.secretHash).not.toContain(secret);
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: "user.email_change_requested" } });
    expect(JSON.stringify(audit)).not.toContain(newEmail);

    // Someone else signed in cannot use it.
    const other = await seeker();
    expect(await outcome(confirmEmailChange({ userId: other.id, ip: IP }, secret))).toBe("errors.account.otherAccount");

    expect(await confirmEmailChange({ userId: user.id, ip: IP }, secret)).toEqual({ email: newEmail, alreadyChanged: false });
    const changed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.email).toBe(newEmail);
    expect(changed.emailVerifiedAt).not.toBeNull();
    const notice = await lastEmail(user.email, "email-changed");
    expect(notice?.text).toContain("n***@example.kz");
    expect(notice?.text).not.toContain(newEmail);

    // Following it again shows the same result; nothing more is sent.
    expect(await confirmEmailChange({ userId: user.id, ip: IP }, secret)).toEqual({ email: newEmail, alreadyChanged: true });
    expect(await db.emailMessage.count({ where: { toAddress: user.email, template: "email-changed" } })).toBe(1);
  });

  it("refuses a wrong password, the same address and a taken one, sending nothing", async () => {
    const user = await seeker();
    const taken = await createUser();
    const actor = actorOf(user.session);
    expect(
      await outcome(requestEmailChange(actor, { newEmail: `x-${user.id}@example.kz`, currentPassword: "wrong-password" })),
    ).toBe("errors.account.wrongPassword");
    expect(await outcome(requestEmailChange(actor, { newEmail: user.email.toUpperCase(), currentPassword: TEST_PASSWORD }))).toBe(
      "errors.account.emailSame",
    );
    expect(await outcome(requestEmailChange(actor, { newEmail: taken.email, currentPassword: TEST_PASSWORD }))).toBe(
      "errors.account.emailTaken",
    );
    expect(await outcome(requestEmailChange(actor, { newEmail: "not-an-email", currentPassword: TEST_PASSWORD }))).toBe(
      "validation.email",
    );
    expect(await db.emailToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.emailMessage.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses forged, expired and used links, changing nothing", async () => {
    const user = await seeker();
    const actor = { userId: user.id, ip: IP };
    expect(await outcome(confirmEmailChange(actor, "f".repeat(43)))).toBe("errors.auth.linkInvalid");
    expect(await outcome(confirmEmailChange(actor, "short"))).toBe("errors.auth.linkInvalid");

    const newEmail = `later-${user.id}@example.kz`;
    await requestEmailChange(actorOf(user.session), { newEmail, currentPassword: TEST_PASSWORD });
    const secret = linkToken((await lastEmail(newEmail, "change-email"))!.text);
    const later = new Date(Date.now() + 49 * 3_600_000);
    expect(await outcome(confirmEmailChange(actor, secret, later))).toBe("errors.auth.linkExpired");

    // A link that was used, while the account no longer has that address.
    await db.emailToken.updateMany({ where: { userId: user.id, purpose: "CHANGE_EMAIL" }, data: { usedAt: new Date() } });
    expect(await outcome(confirmEmailChange(actor, secret))).toBe("errors.account.linkUsed");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("refuses when the address was taken after the link was sent, and lets one of two racing changes win", async () => {
    const a = await seeker();
    const b = await seeker();
    const contested = `contested-${a.id}@example.kz`;
    await requestEmailChange(actorOf(a.session), { newEmail: contested, currentPassword: TEST_PASSWORD });
    const secretA = linkToken((await lastEmail(contested, "change-email"))!.text);
    await requestEmailChange(actorOf(b.session), { newEmail: contested, currentPassword: TEST_PASSWORD });
    const secretB = linkToken((await lastEmail(contested, "change-email"))!.text);

    const results = await Promise.allSettled([
      confirmEmailChange({ userId: a.id, ip: IP }, secretA),
      confirmEmailChange({ userId: b.id, ip: IP }, secretB),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.status === "rejected" && lost.reason).toMatchObject({ messageKey: "errors.account.emailTaken" });
    expect(await db.user.count({ where: { email: contested } })).toBe(1);

    const c = await seeker();
    const later = `later-taken-${c.id}@example.kz`;
    await requestEmailChange(actorOf(c.session), { newEmail: later, currentPassword: TEST_PASSWORD });
    const secretC = linkToken((await lastEmail(later, "change-email"))!.text);
    await createUser({ email: later });
    expect(await outcome(confirmEmailChange({ userId: c.id, ip: IP }, secretC))).toBe("errors.account.emailTaken");
    expect((await db.user.findUniqueOrThrow({ where: { id: c.id } })).email).toBe(c.email);
  });

  it("is rate limited like the verification emails", async () => {
    const user = await seeker();
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await outcome(
          requestEmailChange(actorOf(user.session), {
            newEmail: `rate-${i}-${user.id}@example.kz`,
            currentPassword: TEST_PASSWORD,
          }),
        ),
      );
    }
    expect(results).toEqual(["resolved", "resolved", "resolved", "errors.rateLimited"]);
    expect(await db.emailMessage.count({ where: { userId: user.id, template: "change-email" } })).toBe(3);
  });
});

describe("changing the password", () => {
  it("needs the current password, ends every other session and tells the owner", async () => {
    const user = await seeker();
    const other = await signedIn(user.id);
    const result = await changePassword(actorOf(user.session), {
      currentPassword: TEST_PASSWORD,
      newPassword: "brand-new-secret",
    });
    expect(result.revokedSessions).toBe(1);
    const credential = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(credential.passwordHash, "brand-new-secret")).toBe(true);
    expect(credential.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await resolveSession(other.sessionId)).toBeNull();
    expect(await resolveSession(user.session.sessionId)).not.toBeNull();
    expect(await lastEmail(user.email, "password-changed")).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: "user.password_changed" } });
    expect(audit.data).toEqual({ method: "password", revokedSessions: 1 });
  });

  it("refuses a wrong current password, a short new one and the same one, changing nothing", async () => {
    const user = await seeker();
    const other = await signedIn(user.id);
    const before = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    const actor = actorOf(user.session);
    expect(await outcome(changePassword(actor, { currentPassword: "wrong-password", newPassword: "brand-new-secret" }))).toBe(
      "errors.account.wrongPassword",
    );
    expect(await outcome(changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "short" }))).toBe(
      "validation.passwordTooShort",
    );
    expect(await outcome(changePassword(actor, { newPassword: "brand-new-secret" }))).toBe("validation.required");
    expect(await outcome(changePassword(actor, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }))).toBe(
      "errors.account.passwordSame",
    );
    expect(await db.credential.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(before);
    expect(await resolveSession(other.sessionId)).not.toBeNull();
    expect(await db.emailMessage.count({ where: { userId: user.id } })).toBe(0);
  });

  it("accepts a one-time code from the account's email instead of a forgotten password", async () => {
    const user = await seeker();
    const actor = actorOf(user.session);
    await sendReauthCode(actor, "kk");
    const code = /\b(\d{6})\b/.exec((await lastEmail(user.email, "sign-in-code"))!.text)?.[1] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await outcome(changePassword(actor, { code: wrong, newPassword: "via-code-secret" }))).toBe("errors.auth.codeInvalid");
    await changePassword(actor, { code, newPassword: "via-code-secret" });
    const credential = await db.credential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(await verifyPassword(credential.passwordHash, "via-code-secret")).toBe(true);
    // Single use.
    expect(await outcome(changePassword(actor, { code, newPassword: "another-secret" }))).toBe("errors.auth.codeInvalid");
  });
});

describe("my account was used by someone else", () => {
  it("ends every session at once, this one too, cancels codes and links, logs it and emails the owner", async () => {
    const user = await seeker({ name: "Берик Оспанов" });
    const second = await signedIn(user.id);
    await requestEmailChange(actorOf(user.session), {
      newEmail: `intruder-${user.id}@example.kz`,
      currentPassword: TEST_PASSWORD,
    });

    const result = await reportCompromise({ userId: user.id, ip: IP });
    expect(result.revokedSessions).toBe(2);
    expect(await resolveSession(user.session.sessionId)).toBeNull();
    expect(await resolveSession(second.sessionId)).toBeNull();
    expect(await db.emailToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "security.compromise_reported", entityId: String(user.id) },
    });
    expect(audit).toMatchObject({ actorId: user.id, ip: IP, data: { revokedSessions: 2, cancelledTokens: 1 } });
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${user.email}|Берик`));

    const mail = await lastEmail(user.email, "account-compromised");
    expect(mail?.text).toContain("/ru/auth/code");
    expect(mail?.text).toContain("/ru/feedback");
  });
});

interface ErrorBody {
  error: {
    json: { message: string; data: { code: string; messageKey: string | null; fieldErrors: Record<string, string[]> | null } };
  };
}

/** A procedure over HTTP as the browser calls it, signed in, in the given language. */
async function call(user: SessionUser, path: string, input: unknown, locale: "ru" | "kk") {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: () => createContext({ user, ip: IP, locale }),
  });
  return { status: res.status, body: (await res.json()) as ErrorBody };
}

describe("over HTTP", () => {
  it("answers a wrong password as a translated field error (400), not as signed out", async () => {
    const user = await seeker();
    const ru = await call(
      user.session,
      "account.changePassword",
      { currentPassword: "nope-nope", newPassword: "brand-new-secret" },
      "ru",
    );
    expect(ru.status).toBe(400);
    expect(ru.body.error.json.message).toBe("Неверный текущий пароль.");
    expect(ru.body.error.json.data.fieldErrors).toEqual({ currentPassword: ["Неверный текущий пароль."] });
    const kk = await call(
      user.session,
      "account.requestEmailChange",
      { newEmail: "a@example.kz", currentPassword: "nope-nope" },
      "kk",
    );
    expect(kk.body.error.json.message).toBe("Ағымдағы құпиясөз қате.");
  });

  it("answers a bad phone with a translated field error", async () => {
    const user = await seeker();
    const res = await call(
      user.session,
      "account.updateProfile",
      { name: "Асель", phone: "12345", cityId: null, locale: "kk" },
      "kk",
    );
    expect(res.status).toBe(400);
    expect(res.body.error.json.data.fieldErrors).toEqual({ phone: ["Қазақстандық ұялы нөмірді көрсетіңіз: +7 7XX XXX XX XX."] });
  });

  it("refuses the compromise report without its confirmation, ending nothing", async () => {
    const user = await seeker();
    const res = await call(user.session, "account.reportCompromise", { confirm: false }, "ru");
    expect(res.status).toBe(400);
    expect(await resolveSession(user.session.sessionId)).not.toBeNull();
  });
});
