import { TRPCError } from "@trpc/server";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { createSession, resolveSession, type SessionUser } from "@/server/services/auth/sessions";

import {
  createOrganization,
  createUser,
  ensureLegalDocuments,
  signedIn,
  TEST_PASSWORD,
} from "../../../../test/support/factories";

import { hasPendingLegalDocuments } from "./legal-acceptance";
import { createLegalDraft, publishLegalVersion, updateLegalDraft } from "./legal-versions";

// The page guard reads the signed-in user and the requested path from the request.
const request = vi.hoisted(() => ({ user: null as SessionUser | null, path: null as string | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => request.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.path ? { "x-jumys-path": request.path } : {}) }));
const { requireUser } = await import("@/server/auth/require-user");
const { POST: uploadLogo } = await import("@/app/api/organizations/[id]/logo/route");
const { POST: importTrainees } = await import("@/app/api/schools/[orgId]/trainees/import/route");

const IP = "203.0.113.7";
const callerOf = (user: SessionUser) => createCaller(createContext({ user, ip: IP, userAgent: "Firefox/140", locale: "kk" }));
/** Where a page guard sends the request (Next's redirect is an error carrying the target), or "stays". */
const guardOutcome = (run: () => Promise<unknown>) =>
  run().then(
    () => "stays",
    (e: unknown) => {
      const digest = (e as { digest?: string }).digest ?? "";
      if (!digest.startsWith("NEXT_REDIRECT")) throw e;
      return digest.split(";")[2];
    },
  );

let admin: { id: number };
async function publishNewTerms(bodyRu: string) {
  const draft = await createLegalDraft({ kind: "TERMS" }, { userId: admin.id, ip: null });
  await updateLegalDraft(
    { id: draft.id, titleRu: "Соглашение", titleKk: "Келісім", bodyRu, bodyKk: "<p>Жаңа мәтін.</p>" },
    { userId: admin.id, ip: null },
  );
  return publishLegalVersion({ id: draft.id }, { userId: admin.id, ip: null });
}

beforeAll(async () => {
  await ensureLegalDocuments();
  admin = await createUser({ isSeeker: false, staffRole: "SUPERADMIN" });
});
beforeEach(() => {
  request.user = null;
  request.path = null;
});

describe("accepting a new version of the terms", () => {
  it("asks everyone signed in, staff too, to accept it before anything else, and records the acceptance", async () => {
    const seeker = await createUser();
    const staff = await createUser({ isSeeker: false, staffRole: "MODERATOR" });
    expect((await signedIn(seeker.id)).legalPending).toBe(false);

    const v2 = await publishNewTerms("<p>Новая редакция соглашения.</p>");
    const user = await signedIn(seeker.id);
    expect(user.legalPending).toBe(true);
    expect((await signedIn(staff.id)).legalPending).toBe(true);

    // Pages: every signed-in page goes to the acceptance page and comes back to where it was going;
    // the acceptance page itself stays.
    request.user = user;
    request.path = "/seeker/resumes?page=2";
    expect(await guardOutcome(() => requireUser("ru"))).toBe("/ru/legal/accept?next=%2Fseeker%2Fresumes%3Fpage%3D2");
    request.path = "https://evil.example/x";
    expect(await guardOutcome(() => requireUser("kk"))).toBe("/kk/legal/accept?next=%2F");
    expect(await guardOutcome(() => requireUser("ru", { beforeLegalAcceptance: true }))).toBe("stays");

    // tRPC: reading works, any mutation but accepting is refused with a translated code.
    const trpc = callerOf(user);
    const pending = await trpc.account.pendingLegal();
    expect(pending.map((d) => [d.kind, d.version, d.acceptedVersion])).toEqual([["TERMS", 2, 1]]);
    const other = await createSession(seeker.id, { ip: IP, userAgent: "other" });
    const refusal = await trpc.account.revokeOtherSessions().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect(refusal).toMatchObject({ code: "FORBIDDEN", message: "errors.legal.acceptanceRequired" });
    expect(await resolveSession(other)).not.toBeNull();

    // A version other than the one in force is not accepted (nor is "accepting" nothing).
    const v1 = await db.legalDocument.findFirstOrThrow({ where: { kind: "TERMS", version: 1 }, select: { id: true } });
    await expect(trpc.account.acceptLegal({ documentIds: [v1.id] })).rejects.toMatchObject({
      cause: expect.objectContaining({ messageKey: "errors.legal.outdated" }) as unknown,
    });
    await expect(trpc.account.acceptLegal({ documentIds: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    expect(await trpc.account.acceptLegal({ documentIds: [v2.id] })).toEqual({ accepted: 1 });
    const acceptance = await db.legalAcceptance.findUniqueOrThrow({
      where: { userId_documentId: { userId: seeker.id, documentId: v2.id } },
      select: { ip: true, userAgent: true, acceptedAt: true },
    });
    expect(acceptance).toMatchObject({ ip: IP, userAgent: "Firefox/140" });
    expect(Date.now() - acceptance.acceptedAt.getTime()).toBeLessThan(60_000);

    const after = await resolveSession(user.sessionId);
    expect(after?.legalPending).toBe(false);
    request.user = after;
    request.path = "/seeker/resumes";
    expect(await guardOutcome(() => requireUser("ru"))).toBe("stays");
    await callerOf(after!).account.revokeOtherSessions();
    expect(await resolveSession(other)).toBeNull();
    // The staff member still has to.
    expect(await hasPendingLegalDocuments(staff.id)).toBe(true);
  });

  it("lets someone who does not accept leave (their data page, deleting the account) but refuses uploads", async () => {
    const owner = await createUser();
    const employer = await createOrganization("EMPLOYER", [{ userId: owner.id, role: "OWNER" }]);
    const school = await createOrganization("DRIVING_SCHOOL", [{ userId: owner.id, role: "OWNER" }]);
    const seeker = await createUser();
    await publishNewTerms("<p>Ещё одна редакция соглашения.</p>");
    const user = await signedIn(owner.id);
    expect(user.legalPending).toBe(true);
    request.user = user;

    // Route handlers that change something on the cookie's authority refuse before reading a byte.
    const post = (url: string) => new Request(url, { method: "POST", headers: { origin: "http://localhost:3000" } });
    const logo = await uploadLogo(post(`http://localhost:3000/api/organizations/${employer.id}/logo?locale=kk`), {
      params: Promise.resolve({ id: String(employer.id) }),
    });
    expect(logo.status).toBe(403);
    const imported = await importTrainees(post(`http://localhost:3000/api/schools/${school.id}/trainees/import?mode=preview`), {
      params: Promise.resolve({ orgId: String(school.id) }),
    });
    expect(imported.status).toBe(403);
    for (const response of [logo, imported]) {
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/редакц/i);
    }

    // The data page stays open and the account can be deleted without accepting.
    request.path = "/account/data";
    expect(await guardOutcome(() => requireUser("ru", { beforeLegalAcceptance: true }))).toBe("stays");
    const leaving = await signedIn(seeker.id);
    expect(leaving.legalPending).toBe(true);
    await callerOf(leaving).account.deleteAccount({ currentPassword: TEST_PASSWORD, confirmation: seeker.email });
    expect(await db.user.findUnique({ where: { id: seeker.id }, select: { id: true } })).toBeNull();
  });

  it("asks an account that never accepted anything; a draft asks nobody", async () => {
    const never = await createUser();
    await db.legalAcceptance.deleteMany({ where: { userId: never.id } });
    expect(await hasPendingLegalDocuments(never.id)).toBe(true);

    const done = await createUser();
    await createLegalDraft({ kind: "PRIVACY" }, { userId: admin.id, ip: null });
    expect(await hasPendingLegalDocuments(done.id)).toBe(false);
  });

  it("refuses an acceptance once a newer version appeared after the page was shown", async () => {
    const user = await createUser();
    const v3 = await publishNewTerms("<p>Третья редакция.</p>");
    const shown = await signedIn(user.id);
    await publishNewTerms("<p>Четвёртая редакция.</p>");
    const trpc = callerOf((await resolveSession(shown.sessionId))!);
    await expect(trpc.account.acceptLegal({ documentIds: [v3.id] })).rejects.toMatchObject({
      cause: expect.any(DomainError) as unknown,
    });
    expect(await db.legalAcceptance.count({ where: { userId: user.id, documentId: v3.id } })).toBe(0);
  });

  it("a fresh session of an account that accepted has nothing pending; a guest has nothing to read", async () => {
    const user = await createUser();
    const sessionId = await createSession(user.id, { ip: IP, userAgent: "x" });
    expect((await resolveSession(sessionId))?.legalPending).toBe(false);
    const guest = createCaller(createContext({ user: null, ip: IP }));
    await expect(guest.account.pendingLegal()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
