import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";
import { db } from "@/server/db";
import { addCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";

import { createBuyer, grantEntitlement } from "../../../../../test/support/factories";

import { dynamic, GET, POST } from "./route";

const SECRET = "cron-secret-for-tests-0123456789abcdef";
const JOB_URL = "http://localhost:3000/api/cron/billing";
const HOUR = 3_600_000;

beforeEach(() => {
  vi.stubEnv("CRON_SECRET", SECRET);
  resetEnvForTests();
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

const call = (method: "GET" | "POST", authorization?: string) =>
  (method === "GET" ? GET : POST)(
    new Request(JOB_URL, { method, headers: authorization === undefined ? {} : { Authorization: authorization } }),
  );

describe("/api/cron/billing", () => {
  it("is rendered on every request and refuses callers without the secret, doing nothing", async () => {
    expect(dynamic).toBe("force-dynamic");
    const buyer = await createBuyer();
    await grantEntitlement({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      unitsTotal: 2,
      validFrom: new Date(Date.now() - 40 * 24 * HOUR),
      validUntil: new Date(Date.now() - HOUR),
    });
    expect((await call("GET")).status).toBe(401);
    expect((await call("POST", "Bearer wrong")).status).toBe(403);
    vi.stubEnv("CRON_SECRET", undefined);
    resetEnvForTests();
    expect((await call("GET", `Bearer ${SECRET}`)).status).toBe(503);
    expect(await db.entitlement.count({ where: { organizationId: buyer.organizationId, forfeitedAt: { not: null } } })).toBe(0);
  });

  it("expires unpaid orders and ends lapsed credits with their units forfeited; a second call does nothing", async () => {
    const buyer = await createBuyer();
    const lapsed = await grantEntitlement({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      unitsTotal: 3,
      validFrom: new Date(Date.now() - 40 * 24 * HOUR),
      validUntil: new Date(Date.now() - HOUR),
    });
    await addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.premium", quantity: 1, actor: buyer.owner });
    const stale = await checkout({
      organizationId: buyer.organizationId,
      method: "CARD",
      actor: buyer.owner,
      now: new Date(Date.now() - 25 * HOUR),
    });

    const response = await call("POST", `Bearer ${SECRET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({
      ok: true,
      ordersExpired: 1,
      // This one and the one the first test left lapsed (2 units).
      entitlementsExpired: 2,
      unitsForfeited: 5,
      ms: expect.any(Number) as number,
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: stale.orderId } })).status).toBe("EXPIRED");
    const ended = await db.entitlement.findUniqueOrThrow({
      where: { id: lapsed.id },
      select: { forfeitedAt: true, unitsForfeited: true },
    });
    expect(ended).toEqual({ forfeitedAt: expect.any(Date) as Date, unitsForfeited: 3 });
    expect(
      await db.ledgerEntry.count({ where: { organizationId: buyer.organizationId, kind: "FORFEIT", entitlementId: lapsed.id } }),
    ).toBe(1);

    expect(await (await call("GET", `Bearer ${SECRET}`)).json()).toMatchObject({
      ok: true,
      ordersExpired: 0,
      entitlementsExpired: 0,
      unitsForfeited: 0,
    });
  });
});
