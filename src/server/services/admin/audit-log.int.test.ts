import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import type { SessionUser } from "@/server/services/auth/sessions";

import { createUser, signedIn, signedInStaff } from "../../../../test/support/factories";

import { AUDIT_PAGE_SIZE, listAuditLog } from "./audit-log";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
const { GET } = await import("@/app/api/admin/audit.csv/route");

let admin: { id: number; email: string };
let actor: { id: number; email: string };
let target: number;

/** Entries at given instants (Almaty is UTC+5). */
async function entry(at: string, action: string, reason: string | null = null, actorId: number | null = actor.id) {
  await db.auditLog.create({
    data: { actorId, action, entityType: "user", entityId: String(target), reason, ip: "203.0.113.5", createdAt: new Date(at) },
  });
}

beforeAll(async () => {
  admin = await createUser({ isSeeker: false, staffRole: "SUPERADMIN" });
  actor = await createUser({ isSeeker: false, staffRole: "SUPPORT", email: "auditor@example.kz" });
  target = (await createUser()).id;
  // 2026-03-01 23:30 in Almaty is still 18:30 UTC the same day; 2026-03-02 00:30 Almaty is 19:30 UTC on 03-01.
  await entry("2026-03-01T18:30:00Z", "staff.role.grant", '=HYPERLINK("http://evil")');
  await entry("2026-03-01T19:30:00Z", "staff.role.revoke");
  await entry("2026-03-03T08:00:00Z", "staff.role.grant", "+1 plus", null);
  for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) await entry("2026-04-01T08:00:00Z", "user.sessions_revoked");
});

beforeEach(() => {
  session.user = null;
});

describe("audit log viewer", () => {
  it("filters by actor email (any case), action, entity and Almaty days", async () => {
    const byActor = await listAuditLog({ actor: "AUDITOR@example.kz", action: "staff.role.grant" });
    expect(byActor.rows.map((r) => [r.action, r.actorEmail, r.reason])).toEqual([
      ["staff.role.grant", actor.email, '=HYPERLINK("http://evil")'],
    ]);
    const day1 = await listAuditLog({ entityType: "user", entityId: String(target), from: "2026-03-01", to: "2026-03-01" });
    expect(day1.rows.map((r) => r.action)).toEqual(["staff.role.grant"]);
    const day2 = await listAuditLog({ entityId: String(target), from: "2026-03-02", to: "2026-03-03" });
    expect(day2.rows.map((r) => r.action)).toEqual(["staff.role.grant", "staff.role.revoke"]);
    expect(day2.rows[0]?.actorEmail).toBeNull();
    // Empty fields of the GET form are no filter.
    expect((await listAuditLog({ actor: "", action: "", entityId: String(target), from: "", to: "", page: "" })).total).toBe(
      AUDIT_PAGE_SIZE + 8,
    );
  });

  it("pages by 50, newest first", async () => {
    const first = await listAuditLog({ entityId: String(target) });
    expect(first).toMatchObject({ total: AUDIT_PAGE_SIZE + 8, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditLog({ entityId: String(target), page: "2" });
    // Newest recorded first: the 5 last session entries, then the three role changes.
    expect(second.rows.map((r) => r.action)).toEqual([
      ...Array<string>(5).fill("user.sessions_revoked"),
      "staff.role.grant",
      "staff.role.revoke",
      "staff.role.grant",
    ]);
    expect(second.rows.at(-1)?.reason).toBe('=HYPERLINK("http://evil")');
    expect(Math.max(...second.rows.map((r) => r.id))).toBeLessThan(Math.min(...first.rows.map((r) => r.id)));
  });

  it("refuses unknown actions, malformed days and a range that ends before it starts", async () => {
    await expect(listAuditLog({ action: "drop.table" })).rejects.toBeInstanceOf(ZodError);
    await expect(listAuditLog({ from: "01.03.2026" })).rejects.toBeInstanceOf(ZodError);
    await expect(listAuditLog({ from: "2026-03-05", to: "2026-03-01" })).rejects.toBeInstanceOf(DomainError);
  });

  it("exports the filtered rows as CSV with formula-like text made inert", async () => {
    session.user = await signedInStaff(admin.id);
    const response = await GET(
      new Request(`http://localhost/api/admin/audit.csv?entityId=${target}&action=staff.role.grant&lang=kk`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("№;Күні мен уақыты (Алматы);Кім;Әрекет;Нысан;Нысан ID;Себебі;Деректер;IP");
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines[1]).toContain(";2026-03-03 13:00:00;;staff.role.grant;user;");
    expect(lines[1]).toContain(";'+1 plus;");
    expect(lines[2]).toContain(
      `;2026-03-01 23:30:00;${actor.email};staff.role.grant;user;${target};"'=HYPERLINK(""http://evil"")";;203.0.113.5`,
    );
  });

  it("the CSV is for superadmins after the second factor; bad filters are a 400", async () => {
    const status = async (user: SessionUser | null, query = "") => {
      session.user = user;
      const response = await GET(new Request(`http://localhost/api/admin/audit.csv${query}`));
      await response.body?.cancel();
      return response.status;
    };
    expect(await status(null)).toBe(401);
    expect(await status(await signedIn(admin.id))).toBe(403);
    expect(await status(await signedInStaff(actor.id))).toBe(403);
    expect(await status(await signedInStaff(admin.id), "?from=2026-03-05&to=2026-03-01")).toBe(400);
    expect(await status(await signedInStaff(admin.id), "?action=nope")).toBe(400);
  });
});
