import { describe, expect, it } from "vitest";

import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createUser } from "../../../../test/support/factories";

import { listStaff, setStaffRole } from "./staff";

const as = (userId: number) => ({ userId, ip: "127.0.0.1" });
const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof DomainError ? `${e.code} ${e.messageKey}` : String(e)),
  );
const roleOf = async (id: number) => (await db.user.findUniqueOrThrow({ where: { id }, select: { staffRole: true } })).staffRole;

describe("staff roles", () => {
  it("a superadmin gives, changes and takes away a role by email, each change audited", async () => {
    const admin = await createUser({ staffRole: "SUPERADMIN" });
    const user = await createUser();
    expect(await setStaffRole({ email: ` ${user.email.toUpperCase()} `, role: "MODERATOR" }, as(admin.id))).toMatchObject({
      changed: true,
    });
    expect(await roleOf(user.id)).toBe("MODERATOR");
    expect((await listStaff()).some((s) => s.id === user.id && s.staffRole === "MODERATOR")).toBe(true);
    expect(await setStaffRole({ email: user.email, role: "MODERATOR" }, as(admin.id))).toMatchObject({ changed: false });
    await setStaffRole({ email: user.email, role: "FINANCE" }, as(admin.id));
    await setStaffRole({ email: user.email, role: null }, as(admin.id));
    expect(await roleOf(user.id)).toBeNull();
    const log = await db.auditLog.findMany({
      where: { entityType: "user", entityId: String(user.id), action: { startsWith: "staff.role." } },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, data: true },
    });
    expect(log).toEqual([
      { action: "staff.role.grant", actorId: admin.id, data: { from: null, to: "MODERATOR" } },
      { action: "staff.role.grant", actorId: admin.id, data: { from: "MODERATOR", to: "FINANCE" } },
      { action: "staff.role.revoke", actorId: admin.id, data: { from: "FINANCE", to: null } },
    ]);
  });

  it("refuses an unknown email, one's own role, a blocked account and bad input, changing nothing", async () => {
    const admin = await createUser({ staffRole: "SUPERADMIN" });
    const blocked = await createUser();
    await db.user.update({ where: { id: blocked.id }, data: { blockedAt: new Date() } });
    const audited = () => db.auditLog.count({ where: { actorId: admin.id } });
    expect(await refused(setStaffRole({ email: "nobody-at-all@example.kz", role: "SUPPORT" }, as(admin.id)))).toBe(
      "NOT_FOUND errors.staff.userNotFound",
    );
    expect(await refused(setStaffRole({ email: admin.email, role: null }, as(admin.id)))).toBe("CONFLICT errors.staff.ownRole");
    expect(await refused(setStaffRole({ email: blocked.email, role: "SUPPORT" }, as(admin.id)))).toBe(
      "CONFLICT errors.staff.userBlocked",
    );
    for (const bad of [{ email: "not-an-email", role: "SUPPORT" }, { email: blocked.email, role: "OWNER" }, {}]) {
      expect(await refused(setStaffRole(bad, as(admin.id)))).toMatch(/ZodError|invalid/i);
    }
    expect(await roleOf(admin.id)).toBe("SUPERADMIN");
    expect(await roleOf(blocked.id)).toBeNull();
    expect(await audited()).toBe(0);
  });
});
