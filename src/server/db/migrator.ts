import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

// Applies prisma/migrations/*/migration.sql without the Prisma CLI, whose native schema engine
// cannot be installed everywhere. It keeps Prisma's own bookkeeping (`_prisma_migrations`, same
// columns, same checksums, same advisory lock) so that `prisma migrate deploy` run elsewhere
// treats everything applied here as applied, and the two never run at the same time.

export type MigrationErrorCode = "CHECKSUM_MISMATCH" | "MISSING_FILE" | "FAILED_MIGRATION" | "SQL_ERROR";

export class MigrationError extends Error {
  readonly code: MigrationErrorCode;
  /** The migration folder the problem is about, when there is one. */
  readonly migration: string | undefined;

  constructor(code: MigrationErrorCode, migration: string | undefined, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
    this.code = code;
    this.migration = migration;
  }
}

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface ApplyMigrationsResult {
  applied: string[];
  alreadyApplied: number;
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

interface MigrationRecord {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

/** The key Prisma Migrate locks on PostgreSQL; sharing it keeps this runner and Prisma exclusive. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's own DDL for its history table (schema engine, PostgreSQL flavour), so that Prisma
// finds the table exactly as it would have created it.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

// Prisma accepts a script whose line endings were converted by git on another OS, and checksums
// written by old engine versions that dropped the leading zero of each byte.
export function checksumMatches(script: string, recorded: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    if (recorded.length === 64) return digest.toString("hex") === recorded;
    return [...digest].map((byte) => byte.toString(16)).join("") === recorded;
  });
}

export async function readMigrations(migrationsDir: string): Promise<LocalMigration[]> {
  let entries;
  try {
    entries = await readdir(migrationsDir, { withFileTypes: true });
  } catch (error) {
    throw new MigrationError("MISSING_FILE", undefined, `Cannot read the migrations directory ${migrationsDir}.`, {
      cause: error,
    });
  }
  // Plain code-point order, as Prisma sorts folder names (locale order could put `_` elsewhere).
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const migrations: LocalMigration[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new MigrationError("MISSING_FILE", name, `Migration ${name} has no readable migration.sql (${file}).`, {
        cause: error,
      });
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) });
  }
  return migrations;
}

/**
 * Decides what to apply. Throws, before anything runs, when the recorded history and the
 * folder disagree. Rows marked rolled back are ignored, as Prisma ignores them: such a
 * migration counts as not applied and runs again.
 */
export function planMigrations(local: LocalMigration[], records: MigrationRecord[]): LocalMigration[] {
  const live = records.filter((record) => record.rolled_back_at === null);

  const failed = live.find((record) => record.finished_at === null);
  if (failed) {
    const logs = failed.logs ? ` Its log: ${failed.logs.trim().split("\n")[0]}` : "";
    throw new MigrationError(
      "FAILED_MIGRATION",
      failed.migration_name,
      `Migration ${failed.migration_name} started at ${failed.started_at.toISOString()} but never finished.${logs} ` +
        "Repair the database by hand, then mark it with `prisma migrate resolve --rolled-back` or `--applied` " +
        `${failed.migration_name}. Nothing was applied.`,
    );
  }

  const byName = new Map(local.map((migration) => [migration.name, migration]));
  for (const record of [...live].sort((a, b) => (a.migration_name < b.migration_name ? -1 : 1))) {
    const migration = byName.get(record.migration_name);
    if (!migration) {
      throw new MigrationError(
        "MISSING_FILE",
        record.migration_name,
        `Migration ${record.migration_name} is recorded as applied, but its folder is missing from the ` +
          "migrations directory. Restore it; applied migrations are never deleted. Nothing was applied.",
      );
    }
    if (!checksumMatches(migration.sql, record.checksum)) {
      throw new MigrationError(
        "CHECKSUM_MISMATCH",
        migration.name,
        `Migration ${migration.name} was changed after it was applied (checksum ${migration.checksum}, ` +
          `applied ${record.checksum}). Restore the applied file and put the change in a new migration. ` +
          "Nothing was applied.",
      );
    }
  }

  const applied = new Set(live.map((record) => record.migration_name));
  return local.filter((migration) => !applied.has(migration.name));
}

function describeSqlError(migration: LocalMigration, error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const position = Number((error as Error & { position?: string }).position);
  if (!Number.isInteger(position) || position < 1) return error.message;
  // pg reports a 1-based character offset into the script; a line number is what people open.
  const line = migration.sql.slice(0, position - 1).split("\n").length;
  return `${error.message} (migration.sql line ${line})`;
}

async function applyOne(client: pg.Client, migration: LocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    // clock_timestamp(): now() is frozen at the start of the transaction, and the two times
    // should show how long the script took.
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())",
      [id, migration.checksum, migration.name],
    );
    // No parameters: pg then uses the simple query protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      "UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1 WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError(
      "SQL_ERROR",
      migration.name,
      `Migration ${migration.name} failed and was rolled back: ${describeSqlError(migration, error)}`,
      { cause: error },
    );
  }
}

export async function applyMigrations(
  connectionString: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrationsDir = options.migrationsDir ?? path.resolve(process.cwd(), "prisma/migrations");
  const log = options.log ?? (() => undefined);
  const local = await readMigrations(migrationsDir);

  const client = new pg.Client({ connectionString });
  // A dropped connection is reported by the failing query; without a listener it would crash the process.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      const { rows: exists } = await client.query<{ found: boolean }>(
        "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS found",
      );
      if (!exists[0]?.found) await client.query(CREATE_MIGRATIONS_TABLE);

      const { rows: records } = await client.query<MigrationRecord>(
        "SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs FROM _prisma_migrations ORDER BY started_at",
      );
      const pending = planMigrations(local, records);

      const applied: string[] = [];
      for (const migration of pending) {
        const started = performance.now();
        await applyOne(client, migration);
        applied.push(migration.name);
        log(`Applied ${migration.name} (${Math.round(performance.now() - started)} ms)`);
      }
      return { applied, alreadyApplied: local.length - pending.length };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
