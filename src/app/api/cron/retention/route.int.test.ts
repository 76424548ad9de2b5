import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";
import { db } from "@/server/db";

import { createUser } from "../../../../../test/support/factories";

const { GET, POST, dynamic } = await import("./route");

const SECRET = "cron-secret-for-tests-0123456789abcdef";
const JOB_URL = "http://localhost:3000/api/cron/retention";
const DAY = 86_400_000;

beforeEach(() => {
  vi.stubEnv("CRON_SECRET", SECRET);
  resetEnvForTests();
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function request(method: "GET" | "POST", authorization?: string) {
  return new Request(JOB_URL, { method, headers: authorization === undefined ? {} : { Authorization: authorization } });
}

/** An account unused for more than three years whose owner was warned 40 days ago. */
async function dueForDeletion() {
  const user = await createUser();
  await db.user.update({
    where: { id: user.id },
    data: { lastActiveAt: new Date(Date.now() - 1200 * DAY), inactivityRemindedAt: new Date(Date.now() - 40 * DAY) },
  });
  return user;
}

const exists = async (id: number) => (await db.user.count({ where: { id } })) === 1;

describe("/api/cron/retention", () => {
  it("is rendered on every request", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("refuses without the secret and deletes nothing", async () => {
    const user = await dueForDeletion();
    expect((await GET(request("GET"))).status).toBe(401);
    expect((await POST(request("POST", "Bearer wrong"))).status).toBe(403);
    expect(await exists(user.id)).toBe(true);
  });

  it("runs the job for the right secret and answers its counts", async () => {
    const user = await dueForDeletion();
    const response = await POST(request("POST", `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ ok: true, reminded: expect.any(Number) as number, keptAsLastOwner: 0 });
    expect(body.deleted).toBeGreaterThanOrEqual(1);
    expect(body.purged).toMatchObject({ emails: expect.any(Number) as number, sessions: expect.any(Number) as number });
    expect(typeof body.ms).toBe("number");
    expect(await exists(user.id)).toBe(false);

    // Called again by GET: nothing left to do.
    const again = (await (await GET(request("GET", `Bearer ${SECRET}`))).json()) as Record<string, unknown>;
    expect(again).toMatchObject({ ok: true, deleted: 0 });
  });
});
