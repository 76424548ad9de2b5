import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { getEnv } from "@/env";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createUser, signedIn } from "../../../../test/support/factories";

import { resolveSession, revokeSession } from "./sessions";
import { confirmStaffTotpEnrolment, startStaffTotpEnrolment, useStaffRecoveryCode, verifyStaffTotp } from "./staff-totp";
import { decryptTotpSecret, totpCodeAt, totpStep } from "./totp-secret";

const IP = "203.0.113.9";
const callerOf = async (userId: number) => {
  const user = await signedIn(userId);
  return { user, trpc: createCaller(createContext({ user, ip: IP })) };
};
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e: unknown) => {
      if (e instanceof TRPCError) return `${e.code} ${e.message}`;
      if (e instanceof DomainError) return `${e.code} ${e.messageKey}`;
      return String(e);
    },
  );
const auditOf = (userId: number) =>
  db.auditLog.findMany({
    where: { entityType: "user", entityId: String(userId), action: { startsWith: "staff.totp." } },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, data: true },
  });
const codeNow = (secret: string, offset = 0) => totpCodeAt(secret, totpStep(new Date()) + offset);

/** A staff member who enrolled (through the procedures) and the session that did it. */
async function enrolled(staffRole: "SUPPORT" | "SUPERADMIN" = "SUPPORT") {
  const user = await createUser({ isSeeker: false, staffRole });
  const { user: session, trpc } = await callerOf(user.id);
  const { secret } = await trpc.staffAuth.startEnrolment();
  const { recoveryCodes } = await trpc.staffAuth.confirmEnrolment({ code: await codeNow(secret) });
  return { ...user, secret, recoveryCodes, session };
}

describe("staff second factor: enrolment", () => {
  it("a staff member enrols with a QR code and a first code, gets ten recovery codes once, and the session passes", async () => {
    const user = await createUser({ isSeeker: false, staffRole: "MODERATOR" });
    const { user: session, trpc } = await callerOf(user.id);
    expect(await trpc.staffAuth.status()).toEqual({ state: "none", passed: false });
    expect(await outcome(trpc.admin.moderation.queue())).toBe("FORBIDDEN errors.staffTotp.secondFactorRequired");

    const first = await trpc.staffAuth.startEnrolment();
    // Asking again before confirming replaces the secret (a scan that went wrong).
    const { secret, qrSvg } = await trpc.staffAuth.startEnrolment();
    expect(secret).not.toBe(first.secret);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(await trpc.staffAuth.status()).toEqual({ state: "pending", passed: false });

    const row = await db.staffTotp.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secretEnc).not.toContain(secret);
    expect(decryptTotpSecret(row.secretEnc, getEnv().AUTH_SECRET)).toBe(secret);

    expect(await outcome(trpc.staffAuth.confirmEnrolment({ code: await codeNow(first.secret) }))).toBe(
      "BAD_REQUEST errors.staffTotp.invalidCode",
    );
    expect((await db.staffTotp.findUniqueOrThrow({ where: { userId: user.id } })).confirmedAt).toBeNull();

    const { recoveryCodes } = await trpc.staffAuth.confirmEnrolment({ code: await codeNow(secret) });
    expect(recoveryCodes).toHaveLength(10);
    const stored = await db.staffRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code.replace("-", "")))).toBe(false);

    const passed = await resolveSession(session.sessionId);
    expect(passed?.secondFactorPassed).toBe(true);
    const console = createCaller(createContext({ user: passed, ip: IP }));
    expect(await outcome(console.admin.moderation.queue())).toBe("ok");
    expect(await console.staffAuth.status()).toEqual({ state: "enrolled", passed: true });

    expect(await outcome(console.staffAuth.startEnrolment())).toBe("CONFLICT errors.staffTotp.alreadyEnrolled");
    expect(await auditOf(user.id)).toEqual([
      { action: "staff.totp.verify.fail", actorId: user.id, data: { kind: "totp" } },
      { action: "staff.totp.enrol", actorId: user.id, data: null },
    ]);
  });

  it("is for staff only", async () => {
    const seeker = await createUser();
    const { trpc } = await callerOf(seeker.id);
    expect(await outcome(trpc.staffAuth.startEnrolment())).toBe("FORBIDDEN errors.forbidden");
    expect(await outcome(trpc.staffAuth.verify({ code: "123456" }))).toBe("FORBIDDEN errors.forbidden");
    expect(await db.staffTotp.count({ where: { userId: seeker.id } })).toBe(0);
  });
});

describe("staff second factor: the code of each session", () => {
  it("a new session must pass the code; the window is one step each way and a code works once", async () => {
    const staff = await enrolled();
    const { user: second } = await callerOf(staff.id);
    expect(second.secondFactorPassed).toBe(false);
    const actor = { userId: staff.id, ip: IP };
    // Steps counted from the one the enrolment used, in the middle of the next step: no clock edge.
    const step = (await db.staffTotp.findUniqueOrThrow({ where: { userId: staff.id } })).lastUsedStep!;
    const now = new Date(step * 30_000 + 15_000);

    // The enrolment's code (this step) was used: neither it nor the previous step's code works.
    expect(await outcome(verifyStaffTotp(actor, second.sessionId, await totpCodeAt(staff.secret, step), now))).toBe(
      "VALIDATION errors.staffTotp.invalidCode",
    );
    expect(await outcome(verifyStaffTotp(actor, second.sessionId, await totpCodeAt(staff.secret, step - 1), now))).toBe(
      "VALIDATION errors.staffTotp.invalidCode",
    );
    // Two steps ahead is outside the window.
    expect(await outcome(verifyStaffTotp(actor, second.sessionId, await totpCodeAt(staff.secret, step + 2), now))).toBe(
      "VALIDATION errors.staffTotp.invalidCode",
    );
    expect((await resolveSession(second.sessionId))?.secondFactorPassed).toBe(false);

    // The next step's code (a phone slightly ahead) is accepted, once.
    const next = await totpCodeAt(staff.secret, step + 1);
    await verifyStaffTotp(actor, second.sessionId, next, now);
    expect((await resolveSession(second.sessionId))?.secondFactorPassed).toBe(true);
    const { user: third } = await callerOf(staff.id);
    expect(await outcome(verifyStaffTotp(actor, third.sessionId, next, now))).toBe("VALIDATION errors.staffTotp.invalidCode");
    // A later step works for the other session.
    await verifyStaffTotp(actor, third.sessionId, await totpCodeAt(staff.secret, step + 2), new Date(now.getTime() + 30_000));
    expect((await db.staffTotp.findUniqueOrThrow({ where: { userId: staff.id } })).lastUsedStep).toBe(step + 2);

    const failures = (await auditOf(staff.id)).filter((a) => a.action === "staff.totp.verify.fail");
    expect(failures).toHaveLength(4);

    // Signing out ends the session and with it the passed factor; a new sign-in asks again.
    await revokeSession(second.sessionId, "sign_out");
    expect(await resolveSession(second.sessionId)).toBeNull();
    expect((await callerOf(staff.id)).user.secondFactorPassed).toBe(false);
  });

  it("stops guessing after ten attempts, even with the right code", async () => {
    const staff = await enrolled();
    const { user: session, trpc } = await callerOf(staff.id);
    const wrong = (await codeNow(staff.secret, 1)) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 10; i++) {
      expect(await outcome(trpc.staffAuth.verify({ code: wrong }))).toBe("BAD_REQUEST errors.staffTotp.invalidCode");
    }
    expect(await outcome(trpc.staffAuth.verify({ code: await codeNow(staff.secret, 1) }))).toBe(
      "TOO_MANY_REQUESTS errors.rateLimited",
    );
    expect((await resolveSession(session.sessionId))?.secondFactorPassed).toBe(false);
  });

  it("a recovery code passes the session once and is audited", async () => {
    const staff = await enrolled();
    const { user: session, trpc } = await callerOf(staff.id);
    expect(await trpc.staffAuth.useRecoveryCode({ code: ` ${staff.recoveryCodes[3]!.toUpperCase()} ` })).toEqual({
      remaining: 9,
    });
    expect((await resolveSession(session.sessionId))?.secondFactorPassed).toBe(true);

    const { user: other } = await callerOf(staff.id);
    const actor = { userId: staff.id, ip: IP };
    expect(await outcome(useStaffRecoveryCode(actor, other.sessionId, staff.recoveryCodes[3]!))).toBe(
      "VALIDATION errors.staffTotp.invalidRecoveryCode",
    );
    expect(await outcome(useStaffRecoveryCode(actor, other.sessionId, "zzzz-zzzz"))).toBe(
      "VALIDATION errors.staffTotp.invalidRecoveryCode",
    );
    expect((await resolveSession(other.sessionId))?.secondFactorPassed).toBe(false);
    const log = await auditOf(staff.id);
    expect(log.filter((a) => a.action === "staff.totp.recovery_used")).toEqual([
      { action: "staff.totp.recovery_used", actorId: staff.id, data: { remaining: 9 } },
    ]);
    expect(log.filter((a) => a.action === "staff.totp.verify.fail")).toHaveLength(2);
  });

  it("a code before enrolment, or for another account's session, changes nothing", async () => {
    const user = await createUser({ isSeeker: false, staffRole: "FINANCE" });
    const { user: session } = await callerOf(user.id);
    const actor = { userId: user.id, ip: IP };
    expect(await outcome(verifyStaffTotp(actor, session.sessionId, "123456"))).toBe("NOT_FOUND errors.staffTotp.notEnrolled");
    const { secret } = await startStaffTotpEnrolment(actor);
    const stranger = await enrolled();
    expect(await outcome(confirmStaffTotpEnrolment(actor, stranger.session.sessionId, await codeNow(secret)))).toBe(
      "UNAUTHORIZED errors.unauthorized",
    );
    expect((await db.staffTotp.findUniqueOrThrow({ where: { userId: user.id } })).confirmedAt).toBeNull();
    expect(await db.staffRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("staff second factor: reset by a superadmin", () => {
  it("removes the factor and its codes, ends the passed sessions' access, and is audited", async () => {
    const admin = await enrolled("SUPERADMIN");
    const staff = await enrolled();
    const adminCaller = createCaller(createContext({ user: await resolveSession(admin.session.sessionId), ip: IP }));
    const staffCaller = createCaller(createContext({ user: await resolveSession(staff.session.sessionId), ip: IP }));
    expect(await outcome(staffCaller.admin.emails.list({}))).toBe("ok");

    await adminCaller.admin.staff.resetTotp({ email: staff.email.toUpperCase() });
    expect(await db.staffTotp.count({ where: { userId: staff.id } })).toBe(0);
    expect(await db.staffRecoveryCode.count({ where: { userId: staff.id } })).toBe(0);
    const after = await resolveSession(staff.session.sessionId);
    expect(after?.secondFactorPassed).toBe(false);
    const refused = createCaller(createContext({ user: after, ip: IP }));
    expect(await outcome(refused.admin.emails.list({}))).toBe("FORBIDDEN errors.staffTotp.secondFactorRequired");
    expect(await refused.staffAuth.status()).toEqual({ state: "none", passed: false });
    expect(await auditOf(staff.id)).toContainEqual({ action: "staff.totp.reset", actorId: admin.id, data: null });

    expect(await outcome(adminCaller.admin.staff.resetTotp({ email: staff.email }))).toBe(
      "CONFLICT errors.staffTotp.notEnrolled",
    );
    const seeker = await createUser();
    expect(await outcome(adminCaller.admin.staff.resetTotp({ email: seeker.email }))).toBe(
      "NOT_FOUND errors.staffTotp.staffNotFound",
    );
    // Only a superadmin resets.
    const other = await enrolled();
    const supportCaller = createCaller(createContext({ user: await resolveSession(other.session.sessionId), ip: IP }));
    expect(await outcome(supportCaller.admin.staff.resetTotp({ email: admin.email }))).toBe("FORBIDDEN errors.forbidden");
    expect(await db.staffTotp.count({ where: { userId: admin.id } })).toBe(1);
  });
});
