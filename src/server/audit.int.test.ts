import { describe, expect, it } from "vitest";

import { db } from "@/server/db";

import { createUser } from "../../test/support/factories";

import { audit, AUDIT_ACTIONS, auditMany, SYSTEM_ACTOR } from "./audit";

describe("the audit log", () => {
  it("has one vocabulary without repeats", () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
  });

  it("records who did what to which entity, with the reason and data", async () => {
    const user = await createUser();
    await db.$transaction((tx) =>
      audit(
        tx,
        { userId: user.id, ip: "198.51.100.3" },
        "organization.verify.reject",
        { type: "organization", id: 42 },
        {
          reason: "БИН не совпадает",
          data: { attempt: 2 },
        },
      ),
    );
    const row = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({
      action: "organization.verify.reject",
      entityType: "organization",
      entityId: "42",
      ip: "198.51.100.3",
      reason: "БИН не совпадает",
      data: { attempt: 2 },
    });
  });

  it("records a job's action on many entities at once, without an actor", async () => {
    await auditMany(db, SYSTEM_ACTOR, "vacancy.expire", [
      { type: "vacancy", id: 9_000_001 },
      { type: "vacancy", id: 9_000_002 },
    ]);
    const rows = await db.auditLog.findMany({ where: { entityId: { in: ["9000001", "9000002"] } } });
    expect(rows.map((r) => [r.action, r.actorId, r.ip])).toEqual([
      ["vacancy.expire", null, null],
      ["vacancy.expire", null, null],
    ]);
  });
});
