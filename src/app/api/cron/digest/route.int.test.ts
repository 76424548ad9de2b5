import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";
import { db } from "@/server/db";
import type * as Digest from "@/server/services/digest/run-digest";
import { refreshVacancySearch } from "@/server/services/search/search-index";

import { createOrganization, createUser } from "../../../../../test/support/factories";

// The job itself, with a switch to make it fail.
const job = vi.hoisted(() => ({ failWith: null as Error | null }));
vi.mock("@/server/services/digest/run-digest", async (importOriginal) => {
  const actual = await importOriginal<typeof Digest>();
  return {
    ...actual,
    runDigest: (...args: Parameters<typeof actual.runDigest>) =>
      job.failWith ? Promise.reject(job.failWith) : actual.runDigest(...args),
  };
});

const { GET, POST, dynamic } = await import("./route");

const SECRET = "cron-secret-for-tests-0123456789abcdef";
const JOB_URL = "http://localhost:3000/api/cron/digest";
const HOUR = 3_600_000;

let userId = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "astana-region", nameRu: "Астана", nameKk: "Астана" } });
  const cityId = (await db.city.create({ data: { regionId: region.id, slug: "astana", nameRu: "Астана", nameKk: "Астана" } })).id;
  const orgId = (await createOrganization("EMPLOYER")).id;
  const vacancy = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      title: "Водитель автобуса",
      slug: "voditel",
      description: "<p>Городские маршруты.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - HOUR),
      expiresAt: new Date(Date.now() + 30 * 24 * HOUR),
    },
  });
  await refreshVacancySearch(db, [vacancy.id]);
  userId = (await createUser()).id;
  await db.subscription.create({
    data: { userId, name: "Водители", criteria: { query: "q=водитель" }, createdAt: new Date(Date.now() - 2 * HOUR) },
  });
});

beforeEach(() => {
  job.failWith = null;
  withSecret(SECRET);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  resetEnvForTests();
});

function withSecret(secret: string | undefined) {
  vi.stubEnv("CRON_SECRET", secret);
  resetEnvForTests();
}

function request(method: "GET" | "POST", authorization?: string) {
  return new Request(JOB_URL, { method, headers: authorization === undefined ? {} : { Authorization: authorization } });
}

const deliveries = () => db.digestDelivery.count();

describe("/api/cron/digest", () => {
  it("is rendered on every request", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("answers 401 without a Bearer header, 403 to a wrong secret, and does nothing", async () => {
    for (const handler of [GET, POST]) {
      const response = await handler(request(handler === GET ? "GET" : "POST"));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false });
    }
    expect((await GET(request("GET", `Basic ${SECRET}`))).status).toBe(401);
    expect((await GET(request("GET", "Bearer wrong"))).status).toBe(403);
    expect((await POST(request("POST", `Bearer ${SECRET}x`))).status).toBe(403);
    expect(await deliveries()).toBe(0);
  });

  it("answers 503 while CRON_SECRET is not set", async () => {
    withSecret(undefined);
    const response = await GET(request("GET", `Bearer ${SECRET}`));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false });
    expect(await deliveries()).toBe(0);
  });

  it("runs the digest for the right secret and answers its counts; a second call sends nothing", async () => {
    const response = await POST(request("POST", `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({
      ok: true,
      periodDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string,
      weekly: expect.any(Boolean) as boolean,
      seekers: 1,
      claimed: 1,
      sent: 1,
      empty: 0,
      failed: 0,
      subscriptions: 1,
      windowVacancies: 1,
      timings: expect.any(Object) as object,
      ms: expect.any(Number) as number,
    });
    expect(await db.emailMessage.count({ where: { userId, template: "subscription-digest" } })).toBe(1);

    const again = await GET(request("GET", `Bearer ${SECRET}`));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, seekers: 0, sent: 0 });
    expect(await db.emailMessage.count({ where: { userId } })).toBe(1);
  });

  it("answers 500 and logs the error when the job fails", async () => {
    const error = new Error("database is gone");
    job.failWith = error;
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const response = await GET(request("GET", `Bearer ${SECRET}`));

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ ok: false });
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });
});
