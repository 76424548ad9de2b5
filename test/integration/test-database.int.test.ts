import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { freePort } from "../../scripts/embedded-postgres/network";

import { answers, describeTestDatabase, resolveTestDatabase, type TestDatabase } from "./test-database";

// How `npm test` picks its server on a machine with or without PostgreSQL. The "nothing listens"
// case is the fresh laptop of the README: a port where no server runs stands for 127.0.0.1:5432.

const started: TestDatabase[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const database of started) await database.stop().catch(() => undefined);
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

describe("resolveTestDatabase", () => {
  it("takes TEST_DATABASE_ADMIN_URL as it is", async () => {
    const url = "postgresql://someone:secret@db.example:6543/postgres";
    const database = await resolveTestDatabase({
      env: { TEST_DATABASE_ADMIN_URL: url },
      probeUrl: "postgresql://x@127.0.0.1:1/x",
    });
    expect(database).toMatchObject({ adminUrl: url, source: "TEST_DATABASE_ADMIN_URL" });
    expect(describeTestDatabase(database)).toBe(
      "tests use PostgreSQL at postgresql://someone:****@db.example:6543/postgres (TEST_DATABASE_ADMIN_URL)",
    );
  });

  it("uses the server that answers at the default address", async () => {
    const running = inject("integrationDatabase").adminUrl;
    const database = await resolveTestDatabase({ env: {}, probeUrl: running, dataDir: "/nonexistent/never-created" });
    expect(database).toMatchObject({ adminUrl: running, source: "system" });
  });

  it("starts the embedded PostgreSQL when nothing answers, and stops it at the end", async () => {
    const port = await freePort();
    const probeUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    expect(await answers(probeUrl)).toBe(false);
    const root = await fs.mkdtemp(path.join(os.tmpdir(), "jumys-test-db-"));
    dirs.push(root);
    const logs: string[] = [];

    const database = await resolveTestDatabase({
      env: {},
      probeUrl,
      dataDir: path.join(root, "test-postgres"),
      log: (line) => logs.push(line),
    });
    started.push(database);
    expect(database.source).toBe("embedded");
    expect(database.adminUrl).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(describeTestDatabase(database)).toMatch(
      /^tests use PostgreSQL at postgresql:\/\/postgres:\*{4}@127\.0\.0\.1:\d+\/postgres \(embedded\)$/,
    );
    expect(logs[0]).toBe(`no PostgreSQL answers at ${probeUrl}: starting the embedded one`);

    // The tests' own use of it: a superuser that creates and drops databases.
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>("select version()");
      expect(rows[0]?.version).toMatch(/^PostgreSQL 18\./);
      await client.query("create database probe_copy");
      await client.query("drop database probe_copy");
    } finally {
      await client.end();
    }

    await database.stop();
    expect(await answers(database.adminUrl)).toBe(false);
  }, 60_000);
});
