/**
 * The one test command (`npm test`): typecheck, lint, unit, integration (real PostgreSQL), then
 * Playwright against a production build in Chromium. Every stage runs even if an earlier one
 * failed, so one run shows everything; the exit code is non-zero if any stage failed.
 *
 * The PostgreSQL server is TEST_DATABASE_ADMIN_URL, or the one on 127.0.0.1:5432, or else the
 * embedded one, started for the run and stopped at the end (test/integration/test-database.ts).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

import pg from "pg";

import { describeTestDatabase, resolveTestDatabase, type TestDatabase } from "../test/integration/test-database";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
interface StageResult {
  name: string;
  ok: boolean;
  seconds: number;
  counts?: Counts;
}

const REPORTS = ".reports";

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

async function stage(name: string, body: () => Promise<{ ok: boolean; counts?: Counts }>): Promise<StageResult> {
  console.log(`\n━━━ ${name} ━━━`);
  const started = Date.now();
  const result = await body().catch((e: unknown) => {
    console.error(e);
    return { ok: false };
  });
  return { name, seconds: (Date.now() - started) / 1000, ...result };
}

function vitestCounts(file: string): Counts | undefined {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return undefined;
  }
}

function playwrightCounts(file: string): Counts | undefined {
  try {
    const r = JSON.parse(readFileSync(file, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped };
  } catch {
    return undefined;
  }
}

async function vitestStage(project: "unit" | "integration") {
  const file = `${REPORTS}/${project}.json`;
  const code = await run("npx", [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const counts = vitestCounts(file);
  return { ok: code === 0 && counts !== undefined && counts.failed === 0 && counts.passed > 0, counts };
}

/** Playwright gets a fresh database of its own on the test server; the launcher migrates and seeds it. */
async function e2eStage(adminUrl: string) {
  const build = await run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
  if (build !== 0) return { ok: false };
  const name = `jumys_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const code = await run("npx", ["playwright", "test"], { DATABASE_URL: url.toString() });
    const counts = playwrightCounts(`${REPORTS}/e2e.json`);
    return { ok: code === 0 && counts !== undefined && counts.failed === 0 && counts.passed > 0, counts };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  const results: StageResult[] = [];

  let database: TestDatabase | undefined;
  if (want("integration") || want("e2e")) {
    try {
      database = await resolveTestDatabase({ log: (line) => console.log(`test database: ${line}`) });
      console.log(describeTestDatabase(database));
      // The stages (and the launcher under Playwright) inherit it.
      process.env.TEST_DATABASE_ADMIN_URL = database.adminUrl;
    } catch (error) {
      console.error(`No PostgreSQL server for the tests: ${error instanceof Error ? error.message : String(error)}`);
      console.error("Set TEST_DATABASE_ADMIN_URL to a server on which the tests may create databases.");
    }
  }
  const withDatabase = (name: string, body: (adminUrl: string) => Promise<{ ok: boolean; counts?: Counts }>) =>
    stage(name, async () => (database ? body(database.adminUrl) : { ok: false }));

  if (want("typecheck"))
    results.push(await stage("typecheck", async () => ({ ok: (await run("npx", ["tsc", "--noEmit", "-p", "."])) === 0 })));
  if (want("lint"))
    results.push(
      await stage("lint", async () => {
        const eslint = await run("npx", ["eslint", ".", "--max-warnings=0"]);
        const prettier = await run("npx", ["prettier", "--check", "--log-level=warn", "."]);
        return { ok: eslint === 0 && prettier === 0 };
      }),
    );
  if (want("unit")) results.push(await stage("unit", () => vitestStage("unit")));
  if (want("integration")) results.push(await withDatabase("integration", () => vitestStage("integration")));
  if (want("e2e")) results.push(await withDatabase("e2e", e2eStage));
  await database?.stop().catch((error: unknown) => console.error("Stopping the embedded PostgreSQL failed:", error));

  const total = results.reduce<Counts>(
    (sum, r) => ({
      passed: sum.passed + (r.counts?.passed ?? (r.ok ? 1 : 0)),
      failed: sum.failed + (r.counts?.failed ?? (r.ok ? 0 : 1)) + (r.counts && !r.ok && r.counts.failed === 0 ? 1 : 0),
      skipped: sum.skipped + (r.counts?.skipped ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );

  console.log("\n━━━ summary ━━━");
  for (const r of results) {
    const counts = r.counts
      ? `${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped`
      : r.ok
        ? "passed"
        : "FAILED";
    console.log(`${r.ok ? "✓" : "✗"} ${r.name.padEnd(12)} ${counts.padEnd(40)} ${r.seconds.toFixed(1)} s`);
  }
  // Checks without a test count (typecheck, lint) count as one test each.
  console.log(`Total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

void main();
