import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resetEnvForTests } from "@/env";
import { vacancyPath } from "@/lib/urls";
import { db } from "@/server/db";
import { refreshVacancySearch } from "@/server/services/search/search-index";
import type * as Expire from "@/server/services/vacancies/expire";

import { createOrganization } from "../../../../../test/support/factories";

// revalidatePath needs Next's request scope; here it only records the paths it was given.
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);
// The job itself, with a switch to make it fail.
const job = vi.hoisted(() => ({ failWith: null as Error | null }));
vi.mock("@/server/services/vacancies/expire", async (importOriginal) => {
  const actual = await importOriginal<typeof Expire>();
  return {
    ...actual,
    expireVacancies: (...args: Parameters<typeof actual.expireVacancies>) =>
      job.failWith ? Promise.reject(job.failWith) : actual.expireVacancies(...args),
  };
});

const { GET, POST, dynamic } = await import("./route");

const SECRET = "cron-secret-for-tests-0123456789abcdef";
const JOB_URL = "http://localhost:3000/api/cron/vacancies";
const DAY = 86_400_000;

let orgId = 0;
let cityId = 0;

beforeAll(async () => {
  const region = await db.region.create({ data: { slug: "astana-region", nameRu: "Астана", nameKk: "Астана" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: "astana", nameRu: "Астана", nameKk: "Астана" } })).id;
  orgId = (await createOrganization("EMPLOYER")).id;
});

beforeEach(async () => {
  await db.vacancy.deleteMany();
  cache.revalidatePath.mockClear();
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

async function expiredVacancy() {
  const row = await db.vacancy.create({
    data: {
      organizationId: orgId,
      cityId,
      title: "Кассир",
      slug: "kassir",
      description: "<p>Работа в супермаркете.</p>",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 31 * DAY),
      expiresAt: new Date(Date.now() - 60_000),
    },
    select: { id: true, slug: true },
  });
  await refreshVacancySearch(db, [row.id]);
  return row;
}

const status = async (id: number) => (await db.vacancy.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("/api/cron/vacancies", () => {
  it("is rendered on every request", () => {
    expect(dynamic).toBe("force-dynamic");
  });

  it("answers 401 without an Authorization header and does nothing", async () => {
    const vacancy = await expiredVacancy();
    for (const handler of [GET, POST]) {
      const response = await handler(request(handler === GET ? "GET" : "POST"));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false });
    }
    expect(await status(vacancy.id)).toBe("PUBLISHED");
  });

  it("answers 401 to another scheme and 403 to a wrong secret", async () => {
    const vacancy = await expiredVacancy();
    expect((await GET(request("GET", `Basic ${SECRET}`))).status).toBe(401);
    expect((await GET(request("GET", "Bearer wrong"))).status).toBe(403);
    expect((await POST(request("POST", `Bearer ${SECRET}x`))).status).toBe(403);
    expect(await status(vacancy.id)).toBe("PUBLISHED");
  });

  it("answers 503 while CRON_SECRET is not set", async () => {
    withSecret(undefined);
    const vacancy = await expiredVacancy();
    const response = await GET(request("GET", `Bearer ${SECRET}`));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false });
    expect(await status(vacancy.id)).toBe("PUBLISHED");
  });

  it("runs the job for the right secret, by GET or POST", async () => {
    const vacancy = await expiredVacancy();

    const response = await POST(request("POST", `Bearer ${SECRET}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ ok: true, archived: 1, premiumEnded: 0, ms: expect.any(Number) as number });
    expect(await status(vacancy.id)).toBe("ARCHIVED");
    const paths = cache.revalidatePath.mock.calls.map(([path]) => path as string);
    expect(paths).toEqual(expect.arrayContaining([`/ru${vacancyPath(vacancy.id, vacancy.slug)}`, "/kk/jobs/astana"]));

    const again = await GET(request("GET", `Bearer ${SECRET}`));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ ok: true, archived: 0, premiumEnded: 0 });
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
