import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "./index";

// The server a person gets from the README's run command: real binaries from npm, a cluster
// kept between runs, and the search features the app's migrations rely on.

const TIMEOUT = 60_000;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  let root: string;
  let dataDir: string;
  const servers: EmbeddedPostgres[] = [];
  const logs: string[] = [];

  async function start() {
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => logs.push(line) });
    servers.push(server);
    return server;
  }

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "jumys-embedded-pg-"));
    dataDir = path.join(root, "postgres");
  });

  afterAll(async () => {
    // Whatever a failed assertion left running must not outlive the test run.
    for (const server of servers) await server.stop().catch(() => undefined);
    await fs.rm(root, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    "initialises a cluster with the jumys database, pg_trgm and Russian text search",
    async () => {
      const server = await start();
      expect(server.owned).toBe(true);
      expect(server.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/jumys$/);

      await withClient(server.url, async (client) => {
        const { rows } = await client.query<{ version: string; db: string }>("select version(), current_database() as db");
        expect(rows[0]?.version).toMatch(/^PostgreSQL 18\./);
        expect(rows[0]?.db).toBe("jumys");

        await client.query("create extension if not exists pg_trgm");
        const trgm = await client.query<{ ru: number; kk: number }>(
          "select similarity('Водитель', 'водители') as ru, similarity('жүргізуші', 'жүргізушілер') as kk",
        );
        // Zero would mean Cyrillic letters are not letters to the cluster (LC_CTYPE=C).
        expect(trgm.rows[0]?.ru).toBeGreaterThan(0.3);
        expect(trgm.rows[0]?.kk).toBeGreaterThan(0.3);

        const ts = await client.query<{ v: string; hit: boolean }>(
          "select to_tsvector('russian', 'водители')::text as v, to_tsvector('russian', 'Водители грузовиков') @@ plainto_tsquery('russian', 'водитель') as hit",
        );
        expect(ts.rows[0]?.v).toBe("'водител':1");
        expect(ts.rows[0]?.hit).toBe(true);

        await client.query("create table kept (id int primary key, title text not null)");
        await client.query("insert into kept values (1, 'Жүргізуші')");
      });

      await server.stop();
      await expect(fs.access(path.join(dataDir, "postmaster.pid"))).rejects.toThrow();
    },
    TIMEOUT,
  );

  it(
    "starts again on the same directory with the data still there",
    async () => {
      const server = await start();
      expect(logs.filter((line) => line.startsWith("initialising"))).toHaveLength(1);
      const rows = await withClient(server.url, async (client) => (await client.query("select title from kept")).rows);
      expect(rows).toEqual([{ title: "Жүргізуші" }]);
      await server.stop();
    },
    TIMEOUT,
  );

  it(
    "recovers from a crash that left postmaster.pid behind",
    async () => {
      const server = await start();
      const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      // Wait until the killed server is gone: its lock file stays behind, as after a power cut.
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
          await new Promise((resolve) => setTimeout(resolve, 50));
        } catch {
          break;
        }
      }
      await server.stop();
      await expect(fs.access(path.join(dataDir, "postmaster.pid"))).resolves.toBeUndefined();

      const again = await start();
      const rows = await withClient(
        again.url,
        async (client) => (await client.query("select count(*)::int as n from kept")).rows,
      );
      expect(rows).toEqual([{ n: 1 }]);
      await again.stop();
    },
    TIMEOUT,
  );
});
