import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { GET as CronVacancies } from "@/app/api/cron/vacancies/route";
import type { appRouter as AppRouterValue } from "@/server/api/root";
import type { createContext as CreateContext, responseMeta as ResponseMeta } from "@/server/api/trpc";
import type { getDb as GetDb } from "@/server/db";
import type { resolveSession as ResolveSession } from "@/server/services/auth/sessions";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/embedded-postgres";
import { isAlive } from "../../scripts/embedded-postgres/running-server";
import { applyMigrations } from "../../src/server/db/migrator";

// The application against a PostgreSQL server that dies (kill -9 of the postmaster) and comes
// back: while it is down, tRPC calls and route handlers answer 503 with Retry-After instead of
// 500; once it is back, the same process serves again without a restart; and every write that
// was acknowledged before the crash is still there.

const CRON_SECRET = "outage-test-cron-secret-outage-test-cron-secret";
const migrationsDir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

let root: string;
let dataDir: string;
const servers: EmbeddedPostgres[] = [];
let app: {
  appRouter: typeof AppRouterValue;
  createContext: typeof CreateContext;
  responseMeta: typeof ResponseMeta;
  resolveSession: typeof ResolveSession;
  cronVacancies: typeof CronVacancies;
  getDb: typeof GetDb;
};

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "jumys-outage-"));
  dataDir = path.join(root, "postgres");
  const server = await startEmbeddedPostgres({ dataDir, handleSignals: false });
  servers.push(server);
  await applyMigrations(server.url, { migrationsDir });

  // Point the application's one client at this server before any of it is loaded.
  process.env.DATABASE_URL = server.url;
  process.env.CRON_SECRET = CRON_SECRET;
  (await import("@/env")).resetEnvForTests();
  delete (globalThis as { jumysDb?: unknown }).jumysDb;
  app = {
    appRouter: (await import("@/server/api/root")).appRouter,
    ...(await import("@/server/api/trpc")),
    resolveSession: (await import("@/server/services/auth/sessions")).resolveSession,
    cronVacancies: (await import("@/app/api/cron/vacancies/route")).GET,
    getDb: (await import("@/server/db")).getDb,
  };
}, 60_000);

afterAll(async () => {
  await app?.getDb().$disconnect();
  for (const server of servers) await server.stop().catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
}, 60_000);

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { result?: { data: { json: unknown } }; error?: { json: { message: string; data: Record<string, unknown> } } };
}

/** A request through tRPC's fetch handler, set up as the app's route handler sets it up. */
async function trpc(
  procedure: string,
  input: unknown,
  options: { method?: "GET" | "POST"; sessionId?: string } = {},
): Promise<Answer> {
  const url = new URL(`http://localhost/api/trpc/${procedure}`);
  const payload = JSON.stringify(superjson.serialize(input));
  let req: Request;
  if (options.method === "POST") {
    req = new Request(url, { method: "POST", body: payload, headers: { "content-type": "application/json" } });
  } else {
    url.searchParams.set("input", payload);
    req = new Request(url);
  }
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: app.appRouter,
    // Like the app's context with a session cookie: the session is read from the database.
    createContext: async () =>
      app.createContext({ user: options.sessionId ? await app.resolveSession(options.sessionId) : null, locale: "ru" }),
    responseMeta: app.responseMeta,
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Answer["body"] };
}

let feedbackCount = 0;
function sendFeedback() {
  feedbackCount++;
  return trpc(
    "public.sendFeedback",
    { name: "Проверка", email: `outage-${feedbackCount}@example.kz`, message: `Сообщение номер ${feedbackCount}.` },
    { method: "POST" },
  );
}

const ticketId = (answer: Answer) => (answer.body.result?.data.json as { id: number }).id;

describe("a database that dies and comes back", () => {
  it("answers 503 with Retry-After while it is down, serves again within 10 s, and loses no acknowledged write", async () => {
    const acknowledged: number[] = [];
    for (let i = 0; i < 10; i++) {
      const answer = await sendFeedback();
      expect(answer.status).toBe(200);
      acknowledged.push(ticketId(answer));
    }
    expect((await trpc("public.vacancies.cards", { ids: [1, 2] })).status).toBe(200);

    // Writes keep arriving while the server is killed.
    const statuses: number[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const answer = await sendFeedback();
        statuses.push(answer.status);
        if (answer.status === 200) acknowledged.push(ticketId(answer));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const crashed = servers[0]!;
    const pid = crashed.pid() as number;
    process.kill(pid, "SIGKILL");
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));

    // Down: a read, a write, a request whose session lookup fails before any procedure runs,
    // and a route handler.
    const read = await trpc("public.vacancies.cards", { ids: [1, 2] });
    expect(read).toMatchObject({
      status: 503,
      retryAfter: "5",
      body: {
        error: {
          json: {
            message: "Сервис временно недоступен. Попробуйте ещё раз через минуту.",
            data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, messageKey: "errors.databaseUnavailable" },
          },
        },
      },
    });
    expect(await sendFeedback()).toMatchObject({ status: 503, retryAfter: "5" });
    expect(await trpc("public.viewer", undefined, { sessionId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      status: 503,
      retryAfter: "5",
    });
    const cron = await app.cronVacancies(
      new Request("http://localhost/api/cron/vacancies", { headers: { Authorization: `Bearer ${CRON_SECRET}` } }),
    );
    expect({ status: cron.status, retryAfter: cron.headers.get("retry-after") }).toEqual({ status: 503, retryAfter: "5" });

    writing = false;
    await writer;
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses).toContain(503);

    // Back: the same server directory on the same port (what the launcher's restart does).
    await crashed.stop();
    const restartedAt = Date.now();
    servers.push(await startEmbeddedPostgres({ dataDir, port: crashed.port, handleSignals: false }));
    let answer = await trpc("public.vacancies.cards", { ids: [1, 2] });
    while (answer.status !== 200 && Date.now() - restartedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await trpc("public.vacancies.cards", { ids: [1, 2] });
    }
    expect(answer.status).toBe(200);
    expect(Date.now() - restartedAt).toBeLessThan(10_000);

    const after = await sendFeedback();
    expect(after.status).toBe(200);
    acknowledged.push(ticketId(after));
    const stored = await app.getDb().ticket.findMany({ where: { id: { in: acknowledged } }, select: { id: true } });
    expect(stored.map((row) => row.id).sort((a, b) => a - b)).toEqual([...acknowledged].sort((a, b) => a - b));
  }, 90_000);
});
