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

  it(
    "restarts a server that died, on the same port, with the data and the log line",
    async () => {
      const giveUps: string[] = [];
      const server = await startEmbeddedPostgres({
        dataDir,
        log: (line) => logs.push(line),
        restartOnExit: { onGiveUp: (error) => giveUps.push(error.message) },
      });
      servers.push(server);
      await withClient(server.url, (client) => client.query("insert into kept values (2, 'до сбоя')"));
      const killed = server.pid();
      expect(killed).toBeGreaterThan(0);
      process.kill(killed as number, "SIGKILL");

      const started = Date.now();
      let rows: unknown[] | undefined;
      while (Date.now() - started < 10_000) {
        try {
          rows = await withClient(server.url, async (client) => (await client.query("select id from kept order by id")).rows);
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
      // Clients may get in a moment before the supervisor has seen the server ready.
      while (!logs.some((line) => line.startsWith("restarted")) && Date.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(server.pid()).not.toBe(killed);
      expect(logs).toContainEqual(
        expect.stringMatching(new RegExp(`^the embedded PostgreSQL \\(pid ${killed}\\) exited unexpectedly \\(SIGKILL\\)`)),
      );
      expect(logs).toContainEqual(
        expect.stringMatching(new RegExp(`^restarted the embedded PostgreSQL \\(pid \\d+\\) on 127\\.0\\.0\\.1:${server.port}$`)),
      );
      expect(giveUps).toEqual([]);
      await server.stop();
      // A server stopped on purpose is not restarted.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(withClient(server.url, (client) => client.query("select 1"))).rejects.toThrow();
    },
    TIMEOUT,
  );

  it(
    "gives up, saying so, when the server cannot be started again",
    async () => {
      const giveUps: string[] = [];
      const server = await startEmbeddedPostgres({
        dataDir,
        log: (line) => logs.push(line),
        restartOnExit: { maxRestarts: 2, onGiveUp: (error) => giveUps.push(error.message) },
      });
      servers.push(server);
      // The running server keeps working in its directory (its current directory) after a
      // rename; a new one cannot start without it.
      const moved = `${dataDir}-moved`;
      await fs.rename(dataDir, moved);
      try {
        process.kill(server.pid() as number, "SIGKILL");
        const deadline = Date.now() + 20_000;
        while (giveUps.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(giveUps).toHaveLength(1);
        expect(giveUps[0]).toBe(
          `the embedded PostgreSQL exited and could not be restarted (2 attempts): ${dataDir} is gone or is no longer a database directory`,
        );
        await server.stop();
      } finally {
        await fs.rename(moved, dataDir);
      }
    },
    TIMEOUT,
  );
});
