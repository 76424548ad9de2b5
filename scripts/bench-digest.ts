/**
 * Subscription digest benchmark: `npm run bench:digest -- --help`.
 *
 * 1. The 1,000,000-vacancy database of bench:search (BENCH_DATABASE_URL, default jumys_bench) is
 *    created and filled once by the same code (scripts/bench-search/database.ts), then reused.
 * 2. 100,000 verified seekers with 1–3 daily subscriptions each are added once
 *    (scripts/bench-digest/seekers.ts).
 * 3. The digest state is reset (no deliveries, no digest emails, every subscription made a day
 *    ago and never sent), then the digest job runs in-process for the day after the newest
 *    vacancy, with the outbox transport: each email is stored in email_messages, as handed over.
 *    With --monday it runs as on a Monday at 07:00 Almaty, the last one in the data, with every
 *    fifth subscription weekly (made eight days before, so its window reaches back seven days).
 *
 * The target is printed as PASS/MISS and never fails the run; an error makes the exit status 1.
 */
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import pg from "pg";

import type * as RunDigest from "../src/server/services/digest/run-digest";

import { ensureSeekers, resetDigestState } from "./bench-digest/seekers";
import { DEFAULT_BENCH_URL, hidePassword, prepareDatabase } from "./bench-search/database";
import { REPO } from "./bench-search/processes";
import { errorText, fmtInt, fmtSeconds, heading, note, table, verdict } from "./bench-search/report";

const TARGET_MS = 60_000;

const USAGE = `usage: npm run bench:digest -- [options]

Runs the subscription digest job for many seekers on the bench database of bench:search (created
and filled on first use: a million vacancies take several minutes), with the outbox transport.

  --seekers N      bench seekers with 1–3 daily subscriptions each (default 100,000; added once)
  --vacancies N    vacancies the bench database should hold (default 1,000,000)
  --batch N        seekers per claim-and-send batch of the job (default: the job's own)
  --monday         the Monday run: every fifth subscription weekly (20%), its window reaching back
                   7 days, on the last Monday 07:00 Asia/Almaty before the newest vacancy
  --recreate       drop the bench database first and build it again (only a database named *bench*)
  --help           this text

The database is BENCH_DATABASE_URL, or postgresql://postgres@127.0.0.1:5432/jumys_bench.`;

interface Options {
  seekers: number;
  vacancies: number;
  batch: number | undefined;
  recreate: boolean;
  monday: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | "help" {
  const options: Options = { seekers: 100_000, vacancies: 1_000_000, batch: undefined, recreate: false, monday: false };
  const limits = { seekers: [1, 5_000_000], vacancies: [1_000, 20_000_000], batch: [1, 10_000] } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--recreate") {
      options.recreate = true;
      continue;
    }
    if (arg === "--monday") {
      options.monday = true;
      continue;
    }
    const match = /^--(seekers|vacancies|batch)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"`);
    const name = match[1] as keyof typeof limits;
    const raw = match[2] ?? argv[++i];
    if (raw === undefined || raw.startsWith("--")) throw new UsageError(`--${name} needs a value`);
    const cleaned = raw.replace(/[_,]/g, "");
    const value = /^\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
    const [min, max] = limits[name];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${fmtInt(min)} to ${fmtInt(max)}, got "${raw}"`);
    }
    options[name] = value;
  }
  return options;
}

/**
 * The job is server code: its modules import the `server-only` marker, which throws outside
 * Next's react-server condition. Resolve that package to its empty build, as Next and the test
 * config do, and give the configuration what it requires, before the first import.
 */
async function loadDigestJob(databaseUrl: string): Promise<typeof RunDigest> {
  const empty = pathToFileURL(path.join(REPO, "node_modules", "server-only", "empty.js")).href;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === "server-only") return { url: ${JSON.stringify(empty)}, shortCircuit: true };
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= randomBytes(36).toString("base64url");
  process.env.APP_URL ??= "https://jumys.kz";
  // The outbox, whatever the shell has configured: nothing may leave this machine.
  delete process.env.RESEND_API_KEY;
  return (await import(
    pathToFileURL(path.join(REPO, "src", "server", "services", "digest", "run-digest.ts")).href
  )) as typeof RunDigest;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const mib = (bytes: number) => `${fmtInt(bytes / 2 ** 20)} MiB`;

/** Share of the bench subscriptions made weekly for --monday. */
const WEEKLY_SHARE = 0.2;

/**
 * The last Monday 07:00 in Almaty (02:00 UTC; Kazakhstan keeps UTC+5 all year) at or before
 * `at`: the weekly subscriptions' run, inside the data's time span.
 */
function lastMondayMorning(at: Date): Date {
  const run = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 2));
  if (run > at) run.setUTCDate(run.getUTCDate() - 1);
  while (run.getUTCDay() !== 1) run.setUTCDate(run.getUTCDate() - 1);
  return run;
}

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench:digest: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const url = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL;
  console.log(
    `bench:digest  ${new Date().toISOString()}  ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${loadAverage()}`,
  );

  heading("Database");
  const state = await prepareDatabase(url, options.vacancies, options.recreate);
  note(
    `${state.prepared}: ${fmtInt(state.vacancies)} vacancies, ${fmtInt(state.searchable)} in vacancy_search, database ${state.size}`,
  );
  note(`server: ${state.server}`);
  const seekers = await ensureSeekers(url, options.seekers);
  note(`seekers: ${seekers.prepared}: ${fmtInt(seekers.seekers)} bench seekers, ${fmtInt(seekers.subscriptions)} subscriptions`);

  // The day after the newest vacancy: the window is the data set's last 24 hours, whenever it was
  // made. The Monday run takes the last Monday morning in the data instead.
  const newest = (await query<{ at: Date }>(url, "SELECT max(published_at) AS at FROM vacancy_search"))[0]?.at;
  if (!newest) throw new Error("vacancy_search is empty");
  const now = options.monday ? lastMondayMorning(new Date(newest.getTime() + 60_000)) : new Date(newest.getTime() + 60_000);
  const resetStarted = performance.now();
  await resetDigestState(url, now, options.monday ? WEEKLY_SHARE : 0);
  note(`digest state reset in ${fmtSeconds(performance.now() - resetStarted)}; the run's now: ${now.toISOString()}`);

  heading("Digest run");
  const { runDigest } = await loadDigestJob(url);
  const { createPrismaClient } = await import("../src/server/db-client");
  const { createMailer } = await import("../src/server/email/mailer");
  const { outboxTransport } = await import("../src/server/email/transport");
  const db = createPrismaClient(url, { max: 10 });
  const mailer = createMailer(db, outboxTransport, "Jumys <no-reply@jumys.kz>");
  note(`load average before the run: ${loadAverage()} (the machine may be shared)`);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let result: Awaited<ReturnType<typeof runDigest>>;
  try {
    result = await runDigest({ now, db, databaseUrl: url, mailer, batchSize: options.batch });
  } finally {
    await db.$disconnect().catch(() => undefined);
  }
  const wallMs = performance.now() - started;
  if (options.monday && !result.weekly) throw new Error(`the run at ${now.toISOString()} did not serve weekly subscriptions`);
  const cpu = process.cpuUsage(cpuBefore);
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const [stored] = await query<{ emails: string; bytes: string }>(
    url,
    `SELECT count(*) AS emails, coalesce(sum(octet_length(html) + octet_length(text)), 0) AS bytes
     FROM email_messages WHERE template = 'subscription-digest'`,
  );
  const emails = Number(stored?.emails ?? 0);
  const pass = wallMs < TARGET_MS;
  console.log(
    table(
      ["measure", "value"],
      [
        ["run", result.weekly ? `Monday (daily and weekly subscriptions, ${WEEKLY_SHARE * 100}% weekly)` : "daily subscriptions"],
        ["seekers (due, considered)", fmtInt(result.seekers)],
        ["subscriptions matched", fmtInt(result.subscriptions)],
        [`window vacancies (last ${result.weekly ? "7 days" : "24 h"}, live)`, fmtInt(result.windowVacancies)],
        ["emails handed to the outbox", fmtInt(emails)],
        ["sent / empty / failed", `${fmtInt(result.sent)} / ${fmtInt(result.empty)} / ${fmtInt(result.failed)}`],
        ["mean email size (HTML + text)", `${fmtInt(emails ? Number(stored?.bytes ?? 0) / emails / 1024 : 0)} KiB`],
        ["time", fmtSeconds(wallMs)],
        ["emails/s", fmtInt(emails / (wallMs / 1000))],
        ["node CPU (user + system)", fmtSeconds((cpu.user + cpu.system) / 1000)],
        ["peak RSS (resourceUsage maxRSS)", mib(maxRss)],
        ["RSS at the end (memoryUsage)", mib(process.memoryUsage().rss)],
      ],
      ["left", "right"],
    ),
  );
  note(
    `the job's steps (ms, summed over its batches): ${Object.entries(result.timings)
      .map(([step, ms]) => `${step} ${fmtInt(ms)}`)
      .join(", ")}`,
  );
  console.log(
    `\n  ${verdict(pass)}  digest for ${fmtInt(result.seekers)} seekers in ${fmtSeconds(wallMs)} (target < ${fmtSeconds(TARGET_MS)})`,
  );
  note(`database ${hidePassword(url)}; load average after the run: ${loadAverage()}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench:digest failed:", errorText(error));
    if (error instanceof Error && error.stack) console.error(error.stack);
    process.exit(1);
  },
);
