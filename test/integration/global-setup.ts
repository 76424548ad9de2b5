import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import pg from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "../../src/server/db/migrator";

import { describeTestDatabase, resolveTestDatabase } from "./test-database";

// Runs once per integration run: migrates one template database, which each test file then
// copies (CREATE DATABASE ... TEMPLATE is a file copy, far faster than migrating per file).
// Everything created in the run shares the template's name as a prefix, so teardown can find
// and drop the per-file copies without being told about them.

declare module "vitest" {
  export interface ProvidedContext {
    integrationDatabase: { adminUrl: string; template: string };
  }
}

/** The admin URL with its database replaced by `database`. */
export function databaseUrl(admin: string, database: string): string {
  const url = new URL(admin);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** A name unique to this run, inside PostgreSQL's 63-byte identifier limit. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdmin<T>(admin: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: admin });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const OBJECT_IN_USE = "55006";

/**
 * Creates a database, optionally as a copy of `template`. PostgreSQL refuses to copy a database
 * someone is connected to, and a closed connection's backend can outlive the client by a moment:
 * retry that case for a few seconds.
 */
export async function createDatabase(admin: string, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`;
  await withAdmin(admin, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== OBJECT_IN_USE || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
}

/** Drops databases even if connections are still open (tests that leaked a pool included). */
export async function dropDatabases(admin: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await withAdmin(admin, async (client) => {
    for (const name of names) {
      await client.query(`ALTER DATABASE ${quoteIdent(name)} WITH IS_TEMPLATE false`).catch(() => undefined);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  });
}

async function databasesWithPrefix(admin: string, prefix: string): Promise<string[]> {
  return withAdmin(admin, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database");
    return rows.map((row) => row.datname).filter((name) => name === prefix || name.startsWith(`${prefix}_`));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // `npm test` has already chosen (and passes TEST_DATABASE_ADMIN_URL); run on its own, this
  // finds the system server or starts the embedded one for the run.
  const server = await resolveTestDatabase({ log: (line) => console.log(`test database: ${line}`) });
  if (server.source !== "TEST_DATABASE_ADMIN_URL") console.log(describeTestDatabase(server));
  const admin = server.adminUrl;
  const template = `jumys_it_${Date.now()}_${randomBytes(3).toString("hex")}`;

  try {
    await createDatabase(admin, template);
  } catch (error) {
    await server.stop();
    throw error;
  }
  try {
    await applyMigrations(databaseUrl(admin, template), {
      migrationsDir: fileURLToPath(new URL("../../prisma/migrations", import.meta.url)),
    });
    // No one may connect to the template any more: a stray connection would make every
    // per-file copy fail. The migrator's own connection is closed by now.
    await withAdmin(admin, (client) =>
      client.query(`ALTER DATABASE ${quoteIdent(template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
    );
  } catch (error) {
    await dropDatabases(admin, [template]);
    await server.stop();
    throw error;
  }

  project.provide("integrationDatabase", { adminUrl: admin, template });

  return async () => {
    try {
      await dropDatabases(admin, await databasesWithPrefix(admin, template));
    } finally {
      await server.stop();
    }
  };
}
