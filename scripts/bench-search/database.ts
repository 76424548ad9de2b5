import { readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

import { applyMigrations, MigrationError } from "../../src/server/db/migrator";

import { REPO, runStreaming, tsxBin } from "./processes";
import { fmtInt, fmtSeconds, note } from "./report";

export const DEFAULT_BENCH_URL = "postgresql://postgres@127.0.0.1:5432/jumys_bench";

export interface DatabaseState {
  vacancies: number;
  searchable: number;
  searchTerms: number;
  /** What this run did to get there: "reused" or what it loaded and rebuilt. */
  prepared: string;
  size: string;
  /** Server version and the settings that decide query plans and caching. */
  server: string;
}

export function hidePassword(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new Error(`the bench database URL names no database: ${hidePassword(url)}`);
  return name;
}

function adminUrl(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withClient(adminUrl(url), async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

/** Drops the bench database; refuses any database whose name does not say it is one. */
async function dropDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  if (!/bench/i.test(name)) {
    throw new Error(`--recreate drops only a database whose name contains "bench"; ${hidePassword(url)} does not`);
  }
  return withClient(adminUrl(url), async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) return false;
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
      name,
    ]);
    await client.query(`DROP DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

async function migrate(url: string) {
  try {
    const { applied } = await applyMigrations(url, {
      migrationsDir: path.join(REPO, "prisma", "migrations"),
      log: (line) => note(`migrate: ${line}`),
    });
    if (applied.length === 0) note("migrate: schema up to date");
  } catch (error) {
    if (error instanceof MigrationError && error.code === "CHECKSUM_MISMATCH") {
      throw new Error(
        `${error.message}\n  The bench database was built with an earlier version of that migration: ` +
          "run again with --recreate to rebuild it (a million vacancies take several minutes).",
      );
    }
    throw error;
  }
}

/**
 * Makes the server end a statement whose client has gone (PostgreSQL 14+), so that Ctrl-C during
 * a minutes-long load or rebuild does not leave it running, holding its locks. Empty when the
 * server is older.
 */
async function abandonedQueryCheck(client: pg.Client): Promise<string> {
  const version = Number((await client.query<{ v: string }>("SHOW server_version_num")).rows[0]?.v ?? 0);
  return version >= 140_000 ? "-c client_connection_check_interval=1000" : "";
}

const count = async (client: pg.Client, sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);

// The rows refresh_vacancy_search() keeps: the vacancies guests may find.
const SEARCHABLE_SQL = `
  SELECT count(*) AS n FROM vacancies v JOIN organizations o ON o.id = v.organization_id
   WHERE vacancy_is_listed(v.status, v.publication_type, v.published_at, o.blocked_at)`;

/**
 * Creates, migrates and fills the bench database up to `target` vacancies. A database that already
 * holds them is reused as it is: loading a million rows and building the search index takes minutes.
 */
export async function prepareDatabase(url: string, target: number, recreate: boolean): Promise<DatabaseState> {
  if (recreate && (await dropDatabase(url))) note(`dropped database ${hidePassword(url)} (--recreate)`);
  const created = await ensureDatabase(url);
  note(created ? `created database ${hidePassword(url)}` : `database ${hidePassword(url)} exists`);
  await migrate(url);

  const steps: string[] = [];
  const { vacancies, pgOptions } = await withClient(url, async (client) => ({
    vacancies: await count(client, "SELECT count(*) AS n FROM vacancies"),
    pgOptions: await abandonedQueryCheck(client),
  }));
  if (vacancies < target) {
    const missing = target - vacancies;
    note(`the database holds ${fmtInt(vacancies)} vacancies: loading ${fmtInt(missing)} more (a million takes a few minutes)`);
    const started = performance.now();
    await runStreaming("db-synthetic", [tsxBin(), "scripts/db-synthetic.ts", "--vacancies", String(missing)], {
      ...process.env,
      DATABASE_URL: url,
      PGOPTIONS: [process.env.PGOPTIONS, pgOptions].filter(Boolean).join(" "),
    });
    steps.push(`loaded ${fmtInt(missing)} vacancies in ${fmtSeconds(performance.now() - started)}`);
  }

  return withClient(url, async (client) => {
    const searchable = await count(client, SEARCHABLE_SQL);
    let inSearch = await count(client, "SELECT count(*) AS n FROM vacancy_search");
    const terms = await count(client, "SELECT count(*) AS n FROM search_terms");
    // An empty or stale search table: a load that did not rebuild it. The margin keeps a small
    // difference in what counts as searchable from triggering a rebuild of many minutes every run.
    if (inSearch === 0 || inSearch < searchable * 0.9 || terms === 0) {
      note(`vacancy_search has ${fmtInt(inSearch)} rows for ${fmtInt(searchable)} searchable vacancies: rebuilding it`);
      if (pgOptions) await client.query("SET client_connection_check_interval = 1000");
      // Without statistics on freshly loaded tables the rebuild's per-vacancy join is planned for
      // a handful of rows and runs several times slower.
      await client.query("ANALYZE vacancies, vacancy_specializations, specializations, organizations, cities");
      const started = performance.now();
      // Building the GIN index once with room to sort is far faster than the 64 MB default allows.
      await client.query("SET maintenance_work_mem = '512MB'");
      inSearch = Number((await client.query<{ n: number }>("SELECT refresh_vacancy_search(NULL) AS n")).rows[0]?.n ?? 0);
      const rebuildMs = performance.now() - started;
      note(`refresh_vacancy_search(NULL): ${fmtInt(inSearch)} rows in ${fmtSeconds(rebuildMs)}`);
      steps.push(`rebuilt vacancy_search in ${fmtSeconds(rebuildMs)}`);
    }
    // What autovacuum does to a live server's search tables after a load (the triggers of a load
    // fill them too, without a rebuild): statistics, and the visibility map, which lets the
    // newest-first and salary walks read their indexes alone (index-only). Checked every run, so
    // that a run right after a load is not measured against tables autovacuum has not reached yet.
    for (const table of ["vacancy_search", "vacancy_salary_order"]) {
      const visible = (
        await client.query<{ pages: number; visible: number }>(
          "SELECT relpages AS pages, relallvisible AS visible FROM pg_class WHERE oid = $1::regclass",
          [table],
        )
      ).rows[0];
      if (!visible || visible.visible < visible.pages * 0.95) {
        const analyzeStarted = performance.now();
        await client.query(`VACUUM (ANALYZE) ${table}`);
        await client.query("ANALYZE");
        steps.push(`VACUUM and ANALYZE ${table} ${fmtSeconds(performance.now() - analyzeStarted)}`);
      }
    }
    const searchTerms = await count(client, "SELECT count(*) AS n FROM search_terms");
    const size = (await client.query<{ size: string }>("SELECT pg_size_pretty(pg_database_size(current_database())) AS size"))
      .rows[0]?.size;
    return {
      server: await serverSettings(client),
      vacancies: await count(client, "SELECT count(*) AS n FROM vacancies"),
      searchable: inSearch,
      searchTerms,
      prepared: steps.length > 0 ? steps.join("; ") : "reused as it was",
      size: size ?? "?",
    };
  });
}

/** The server's version and the settings that decide search speed, as one line for the report. */
export async function serverSettings(client: pg.Client): Promise<string> {
  const settings = await client.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings
      WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
                     'max_parallel_workers_per_gather', 'huge_pages')
      ORDER BY name = 'server_version' DESC, name`,
  );
  return settings.rows
    .map((r) => (r.name === "server_version" ? `PostgreSQL ${r.setting}` : `${r.name} ${r.setting}`))
    .concat(await serverMalloc(client))
    .join(", ");
}

/**
 * The server's malloc settings (README, Deploying): read from the environment of the backend's
 * parent, the postmaster (a backend writes its process title over its own), when the server runs
 * on this machine and the bench may read it; otherwise said to be unknown.
 */
async function serverMalloc(client: pg.Client): Promise<string> {
  const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so count from its ")".
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const parent = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
    const environ = await readFile(`/proc/${parent}/environ`, "utf8");
    const malloc = environ.split("\0").filter((v) => v.startsWith("MALLOC_"));
    return `malloc ${malloc.length > 0 ? malloc.join(" ") : "glibc defaults"}`;
  } catch {
    return "malloc unknown (the server's environment is not readable here)";
  }
}
