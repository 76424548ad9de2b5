/**
 * The resume database's search at 500,000 resumes: `npm run bench:resumes -- --help`.
 *
 * 1. A separate database (BENCH_RESUMES_DATABASE_URL, default jumys_bench_resumes) is created,
 *    migrated, seeded with the demo data (catalogue, verified employers) and filled with synthetic
 *    resumes once (scripts/bench-resumes/synthetic.ts); later runs reuse it.
 * 2. Every query shape is measured in-process through searchResumes (as a verified employer of the
 *    demo data), each query a different realistic input; p50/p95/p99 are printed against the
 *    target, and the slowest shape's result query is shown with EXPLAIN (ANALYZE, BUFFERS).
 *
 * Targets are printed as PASS/MISS and never fail the run; errors (a failing query) make the exit
 * status 1 after everything that could run has run.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { createPrismaClient, type Db } from "../src/server/db-client";
import { applyMigrations } from "../src/server/db/migrator";
import type { ResumeSearchInput } from "../src/lib/resume-search/params";

import { seedDemo } from "../prisma/seed/demo";

import { serverSettings } from "./bench-search/database";
import { loadServerModule } from "./bench-search/in-process";
import { REPO } from "./bench-search/processes";
import { errorText, fmtInt, fmtMs, fmtSeconds, heading, mean, note, percentile, table, verdict } from "./bench-search/report";
import { loadSyntheticResumes, SKILLS, TITLES } from "./bench-resumes/synthetic";

const P95_TARGET_MS = 30;
const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/jumys_bench_resumes";
const BATCH = 25_000;
const USAGE = `usage: npm run bench:resumes -- [--resumes N] [--queries N] [--warmup N] [--recreate] [--openings N | --skip-openings]
  --resumes N   synthetic resumes in the bench database (default 500000; loaded once, reused)
  --queries N   measured queries per shape (default 100)
  --warmup N    unmeasured queries before them (default 10)
  --recreate    drop and rebuild the bench database first
  --openings N  then open N resumes' contacts with every quota check (default 2000; see
                scripts/bench-resume-openings.ts, which runs on a database of its own)
  --skip-openings  search only
  BENCH_RESUMES_DATABASE_URL names the database (default ${DEFAULT_URL}); its name must contain "bench".`;

interface Options {
  resumes: number;
  queries: number;
  warmup: number;
  recreate: boolean;
  /** Contact openings to measure after the search; 0 to skip them. */
  openings: number;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | "help" {
  const options: Options = { resumes: 500_000, queries: 100, warmup: 10, recreate: false, openings: 2_000 };
  const limits = { resumes: [1, 20_000_000], queries: [1, 100_000], warmup: [0, 10_000], openings: [1, 8_000] } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--recreate") {
      options.recreate = true;
      continue;
    }
    if (arg === "--skip-openings") {
      options.openings = 0;
      continue;
    }
    const match = /^--(resumes|queries|warmup|openings)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"`);
    const name = match[1] as keyof typeof limits;
    const raw = match[2] ?? argv[++i];
    const value = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : NaN;
    const [min, max] = limits[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${fmtInt(min)} to ${fmtInt(max)}, got "${raw ?? ""}"`);
    }
    options[name] = value;
  }
  return options;
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

const count = async (client: pg.Client, sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);

async function prepareDatabase(url: string, target: number, recreate: boolean, db: () => Db) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/bench/i.test(name)) throw new Error(`the bench database's name must contain "bench": ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  await withClient(admin.toString(), async (client) => {
    const exists = (await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount !== 0;
    if (exists && recreate) {
      await client.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      await client.query(`DROP DATABASE ${client.escapeIdentifier(name)}`);
      note(`dropped database ${name} (--recreate)`);
    }
    if (!exists || recreate) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      note(`created database ${name}`);
    }
  });
  await applyMigrations(url, { migrationsDir: path.join(REPO, "prisma", "migrations"), log: (line) => note(`migrate: ${line}`) });

  return withClient(url, async (client) => {
    if ((await count(client, "SELECT count(*) AS n FROM regions")) === 0) {
      note("no reference data yet: running the demo seed first");
      await seedDemo(db(), { log: (line) => note(`seed: ${line}`) });
    }
    const have = await count(client, "SELECT count(*) AS n FROM users WHERE email LIKE 'bench-seeker-%'");
    if (have < target) {
      const missing = target - have;
      note(`the database holds ${fmtInt(have)} synthetic resumes: loading ${fmtInt(missing)} more`);
      const started = performance.now();
      for (let done = 0; done < missing; done += BATCH) {
        const n = Math.min(BATCH, missing - done);
        await loadSyntheticResumes(client, have + done + 1, n);
        note(`  ${fmtInt(have + done + n)} / ${fmtInt(target)} resumes (${fmtSeconds(performance.now() - started)})`);
      }
      await client.query(
        "ANALYZE users, resumes, resume_specializations, resume_experiences, resume_languages, resume_licences, verified_licences",
      );
      const rebuilt = performance.now();
      const listed = (await client.query<{ n: number }>("SELECT refresh_resume_search(NULL) AS n")).rows[0]?.n ?? 0;
      await client.query("ANALYZE resume_search, search_terms");
      note(`resume_search rebuilt: ${fmtInt(listed)} resumes in the database in ${fmtSeconds(performance.now() - rebuilt)}`);
    } else {
      note(`reusing ${fmtInt(have)} synthetic resumes`);
    }
    const listed = await count(client, "SELECT count(*) AS n FROM resume_search");
    const size = (await client.query<{ s: string }>("SELECT pg_size_pretty(pg_total_relation_size('resume_search')) AS s"))
      .rows[0]?.s;
    const org = (
      await client.query<{ id: number; display_name: string }>(
        `SELECT id, display_name FROM organizations
         WHERE verification = 'VERIFIED' AND blocked_at IS NULL AND type <> 'DRIVING_SCHOOL' ORDER BY id LIMIT 1`,
      )
    ).rows[0];
    if (!org) throw new Error("no verified employer in the bench database (the demo seed makes some)");
    const regions = (await client.query<{ slug: string }>("SELECT slug FROM regions ORDER BY id")).rows.map((r) => r.slug);
    const cities = (await client.query<{ slug: string }>("SELECT slug FROM cities ORDER BY id")).rows.map((r) => r.slug);
    const specs = (await client.query<{ slug: string }>("SELECT slug FROM specializations ORDER BY id")).rows.map((r) => r.slug);
    const server = await serverSettings(client);
    return { listed, size, org, regions, cities, specs, server };
  });
}

interface Shape {
  name: string;
  inputs: ResumeSearchInput[];
}

type SearchResumes = (
  organizationId: number,
  input: ResumeSearchInput,
  options: { db?: Db },
) => Promise<{ total: number; timings: Record<string, number> }>;
type ExplainResumeSearch = (organizationId: number, input: ResumeSearchInput, options: { db: Db }) => Promise<string>;

/** A small deterministic generator, so that runs compare. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function buildShapes(n: number, data: { regions: string[]; cities: string[]; specs: string[] }): Shape[] {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const words = [...new Set([...TITLES, ...SKILLS].flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)))].filter(
    (w) => w.length >= 4,
  );
  const many = (make: () => ResumeSearchInput) => Array.from({ length: n }, make);
  const salary = () => (10 + Math.floor(random() * 40)) * 10_000;
  return [
    { name: "words only", inputs: many(() => ({ q: pick(words) })) },
    { name: "two words", inputs: many(() => ({ q: `${pick(words)} ${pick(words)}` })) },
    { name: "words + region", inputs: many(() => ({ q: pick(words), region: pick(data.regions) })) },
    { name: "words + city + relocation", inputs: many(() => ({ q: pick(words), city: pick(data.cities), relocate: true })) },
    { name: "specialization only", inputs: many(() => ({ specializations: [pick(data.specs)] })) },
    {
      name: "salary range",
      inputs: many(() => {
        const from = salary();
        return { salaryFrom: from, salaryTo: from + 200_000, withSalary: random() < 0.5 };
      }),
    },
    { name: "licence + verified", inputs: many(() => ({ licences: [pick(["C", "CE", "D"] as const)], verified: true })) },
    { name: "languages", inputs: many(() => ({ languages: random() < 0.5 ? ["kk", "en"] : ["en"] })) },
    { name: "experience years", inputs: many(() => ({ experienceYears: pick([1, 3, 5, 10]), region: pick(data.regions) })) },
    { name: "words, sort by date", inputs: many(() => ({ q: pick(words), sort: "date" as const })) },
    { name: "updated in 7 days", inputs: many(() => ({ period: 7 as const, specializations: [pick(data.specs)] })) },
    { name: "deep page (50)", inputs: many(() => ({ page: 50 })) },
  ];
}

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 1;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.BENCH_RESUMES_DATABASE_URL ?? DEFAULT_URL;
  const holder: { client: Db | null } = { client: null };
  const db = () => (holder.client ??= createPrismaClient(url, { max: 4 }));
  const errors: string[] = [];
  try {
    heading("resume database");
    note(`machine: ${os.cpus().length} cores, ${fmtInt(os.totalmem() / 2 ** 30)} GiB`);
    const data = await prepareDatabase(url, options.resumes, options.recreate, db);
    note(
      `${data.server}; ${fmtInt(data.listed)} resumes in resume_search (${data.size}); searching as "${data.org.display_name}"`,
    );

    const service = await loadServerModule(url, path.join("src", "server", "services", "resume-database", "search-resumes.ts"));
    const searchResumes = service.searchResumes as SearchResumes;
    const explainResumeSearch = service.explainResumeSearch as ExplainResumeSearch;

    heading(`in-process search: ${fmtInt(options.queries)} queries per shape after ${fmtInt(options.warmup)} warm-up`);
    const rows: string[][] = [];
    let slowest: { shape: string; p95: number; input: ResumeSearchInput } | null = null;
    for (const shape of buildShapes(options.queries + options.warmup, data)) {
      const latencies: number[] = [];
      const totals: number[] = [];
      // The service's own split: the page of results and the count run side by side.
      const parts = { plan: [] as number[], results: [] as number[], count: [] as number[], cards: [] as number[] };
      let worst = { ms: -1, input: shape.inputs[0] as ResumeSearchInput };
      try {
        for (const [i, input] of shape.inputs.entries()) {
          const started = performance.now();
          // As the API calls it: the module's own client (loadServerModule pointed it at this
          // database) and the process's copy of the catalogue, not a reload of it per query.
          const result = await searchResumes(data.org.id, input, {});
          const ms = performance.now() - started;
          if (i < options.warmup) continue;
          latencies.push(ms);
          totals.push(result.total);
          for (const part of Object.keys(parts) as (keyof typeof parts)[]) parts[part].push(result.timings[part] ?? Number.NaN);
          if (ms > worst.ms) worst = { ms, input };
        }
      } catch (error) {
        errors.push(`${shape.name}: ${errorText(error)}`);
        rows.push([shape.name, "-", "-", "-", "-", "-", "-", "-", "-", `ERROR: ${errorText(error)}`]);
        continue;
      }
      latencies.sort((a, b) => a - b);
      const p95 = percentile(latencies, 0.95);
      rows.push([
        shape.name,
        fmtMs(percentile(latencies, 0.5)),
        fmtMs(p95),
        fmtMs(percentile(latencies, 0.99)),
        ...Object.values(parts).map((list) =>
          fmtMs(
            percentile(
              list.sort((a, b) => a - b),
              0.95,
            ),
          ),
        ),
        fmtInt(mean(totals)),
        verdict(p95 <= P95_TARGET_MS),
      ]);
      if (!slowest || p95 > slowest.p95) slowest = { shape: shape.name, p95, input: worst.input };
    }
    console.log(
      table(
        [
          "shape",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "plan p95",
          "results p95",
          "count p95",
          "cards p95",
          "mean matches",
          `p95 ≤ ${P95_TARGET_MS} ms`,
        ],
        rows,
      ),
    );

    if (slowest) {
      heading(`EXPLAIN (ANALYZE, BUFFERS) of the slowest shape: ${slowest.shape}`);
      note(`input: ${JSON.stringify(slowest.input)}`);
      console.log(await explainResumeSearch(data.org.id, slowest.input, { db: db() }));
    }
  } catch (error) {
    errors.push(errorText(error));
  } finally {
    await holder.client?.$disconnect();
  }
  if (options.openings > 0) {
    heading(`opening contacts: ${fmtInt(options.openings)} resumes, with the quota checks`);
    await runOpeningsBench(options.openings).catch((error: unknown) => errors.push(`openings: ${errorText(error)}`));
  }
  for (const error of errors) console.error(`ERROR ${error}`);
  return errors.length ? 1 : 0;
}

/** The contact-opening bench, as a child process (it loads the server modules on a database of its own). */
function runOpeningsBench(openings: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join("scripts", "bench-resume-openings.ts"), "--openings", String(openings)],
      {
        cwd: REPO,
        stdio: "inherit",
        env: process.env,
      },
    );
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`bench-resume-openings exited with ${code}`))));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench:resumes failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
