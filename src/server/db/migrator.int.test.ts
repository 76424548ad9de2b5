import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";

import { createDatabase, databaseUrl, dropDatabases, uniqueDatabaseName } from "../../../test/integration/global-setup";
import { applyMigrations, MigrationError } from "./migrator";

const { adminUrl, template } = inject("integrationDatabase");
const databases: string[] = [];
const directories: string[] = [];

afterEach(async () => {
  await dropDatabases(adminUrl, databases.splice(0));
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An empty database of its own; the run's prefix lets the global teardown catch leftovers. */
async function emptyDatabase(): Promise<string> {
  const name = uniqueDatabaseName(template);
  await createDatabase(adminUrl, name);
  databases.push(name);
  return databaseUrl(adminUrl, name);
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "jumys-migrations-"));
  directories.push(dir);
  await writeMigrations(dir, migrations);
  return dir;
}

async function writeMigrations(dir: string, migrations: Record<string, string>): Promise<void> {
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
}

async function query<R extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

async function records(url: string): Promise<Row[]> {
  return query<Row>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name, started_at");
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

const A = "20240101000000_create_a";
const B = "20240102000000_create_b";
const C = "20240103000000_create_c";
const sqlA = "-- CreateTable\nCREATE TABLE a (id SERIAL PRIMARY KEY);\n";
const sqlB = "CREATE TABLE b (id SERIAL PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id));\n";
const sqlC = "CREATE TABLE c (id SERIAL PRIMARY KEY);\n";

describe("applyMigrations", () => {
  it("applies every migration of an empty database in name order and records them as Prisma does", async () => {
    const url = await emptyDatabase();
    // Written out of order: only the folder names decide the order.
    const dir = await migrationsDir({ [C]: sqlC, [B]: sqlB, [A]: sqlA });
    const lines: string[] = [];

    const result = await applyMigrations(url, { migrationsDir: dir, log: (line) => lines.push(line) });

    expect(result).toEqual({ applied: [A, B, C], alreadyApplied: 0 });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(A);
    expect(await tables(url)).toEqual(["a", "b", "c"]);
    const rows = await records(url);
    expect(rows.map((row) => row.migration_name)).toEqual([A, B, C]);
    for (const row of rows) {
      const bytes = await readFile(path.join(dir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ rolled_back_at: null, logs: null, applied_steps_count: 1 });
    }
  });

  it("applies the project's own migrations from prisma/migrations by default", async () => {
    const url = await emptyDatabase();
    const result = await applyMigrations(url);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(await tables(url)).toContain("vacancies");
  });

  it("applies nothing on a second run", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA, [B]: sqlB });
    await applyMigrations(url, { migrationsDir: dir });

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [], alreadyApplied: 2 });
    expect(await records(url)).toHaveLength(2);
  });

  it("applies only the new migrations when some are already applied", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA });
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigrations(dir, { [B]: sqlB });

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [B], alreadyApplied: 1 });
  });

  it("refuses an applied migration whose file changed, and applies nothing else", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA, [B]: sqlB });
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigrations(dir, { [A]: sqlA.replace("SERIAL", "BIGSERIAL"), [C]: sqlC });

    const error = await rejection(applyMigrations(url, { migrationsDir: dir }));

    expect(error.code).toBe("CHECKSUM_MISMATCH");
    expect(error.migration).toBe(A);
    expect(error.message).toContain(`Migration ${A} was changed after it was applied`);
    expect(await tables(url)).toEqual(["a", "b"]);
    expect((await records(url)).map((row) => row.migration_name)).toEqual([A, B]);
  });

  it("accepts an applied file whose line endings were converted, as Prisma does", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA });
    await applyMigrations(url, { migrationsDir: dir });
    await writeMigrations(dir, { [A]: sqlA.replace(/\n/g, "\r\n") });

    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [], alreadyApplied: 1 });
  });

  it("refuses when an applied migration's folder is missing", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA, [B]: sqlB });
    await applyMigrations(url, { migrationsDir: dir });
    await rm(path.join(dir, B), { recursive: true });
    await writeMigrations(dir, { [C]: sqlC });

    const error = await rejection(applyMigrations(url, { migrationsDir: dir }));

    expect(error.code).toBe("MISSING_FILE");
    expect(error.migration).toBe(B);
    expect(error.message).toContain(`Migration ${B} is recorded as applied, but its folder is missing`);
    expect(await tables(url)).toEqual(["a", "b"]);
  });

  it("refuses to continue after a migration that failed without being rolled back", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ [A]: sqlA });
    await applyMigrations(url, { migrationsDir: dir });
    // What Prisma Migrate leaves behind when a script fails half-way.
    await query(
      url,
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES (gen_random_uuid()::text, $1, $2, $3)",
      ["0".repeat(64), B, 'ERROR: relation "a" already exists'],
    );
    await writeMigrations(dir, { [B]: sqlB, [C]: sqlC });

    const error = await rejection(applyMigrations(url, { migrationsDir: dir }));

    expect(error.code).toBe("FAILED_MIGRATION");
    expect(error.migration).toBe(B);
    expect(error.message).toContain(`Migration ${B} started at`);
    expect(await tables(url)).toEqual(["a"]);

    // `prisma migrate resolve --rolled-back` marks the row; the migration then runs again.
    await query(url, "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1", [B]);
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [B, C], alreadyApplied: 1 });
  });

  it("rolls back a migration with an SQL error completely and reports it", async () => {
    const url = await emptyDatabase();
    const broken = "CREATE TABLE b (id INTEGER);\nCREATE TABLE b_extra (id INTEGER);\nSELECT * FROM no_such_table;\n";
    const dir = await migrationsDir({ [A]: sqlA, [B]: broken, [C]: sqlC });

    const error = await rejection(applyMigrations(url, { migrationsDir: dir }));

    expect(error.code).toBe("SQL_ERROR");
    expect(error.migration).toBe(B);
    expect(error.message).toBe(
      `Migration ${B} failed and was rolled back: relation "no_such_table" does not exist (migration.sql line 3)`,
    );
    // A committed on its own; nothing of B and nothing after it.
    expect(await tables(url)).toEqual(["a"]);
    expect((await records(url)).map((row) => row.migration_name)).toEqual([A]);

    await writeMigrations(dir, { [B]: sqlB });
    expect(await applyMigrations(url, { migrationsDir: dir })).toEqual({ applied: [B, C], alreadyApplied: 1 });
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const url = await emptyDatabase();
    // The sleep keeps the first runner busy while the second one is already waiting.
    const dir = await migrationsDir({
      [A]: "CREATE TABLE runs (migration TEXT NOT NULL);\nINSERT INTO runs VALUES ('a');\nSELECT pg_sleep(0.3);\n",
      [B]: "INSERT INTO runs VALUES ('b');\nCREATE TABLE b (id INTEGER);\n",
      [C]: "INSERT INTO runs VALUES ('c');\nCREATE TABLE c (id INTEGER);\n",
    });

    const results = await Promise.all([
      applyMigrations(url, { migrationsDir: dir }),
      applyMigrations(url, { migrationsDir: dir }),
    ]);

    expect(results.flatMap((result) => result.applied).sort()).toEqual([A, B, C]);
    expect(results.map((result) => result.alreadyApplied).sort()).toEqual([0, 3]);
    const runs = await query<{ migration: string }>(url, "SELECT migration FROM runs ORDER BY migration");
    expect(runs.map((row) => row.migration)).toEqual(["a", "b", "c"]);
    expect(await records(url)).toHaveLength(3);
  });
});
