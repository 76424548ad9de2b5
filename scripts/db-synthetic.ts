// Benchmark data: `tsx scripts/db-synthetic.ts --vacancies 1000000 [--batch 50000] [--seed 42]`
// loads synthetic vacancies into DATABASE_URL with COPY, on top of the demo data set.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { createPrismaClient } from "@/server/db-client";

import { seedDemo } from "../prisma/seed/demo";
import { createRng, type Rng } from "../prisma/seed/random";
import { generateRow, loadSyntheticContext, VACANCY_COLUMNS, type SyntheticContext } from "../prisma/seed/synthetic-rows";

const USAGE = "usage: tsx scripts/db-synthetic.ts --vacancies N [--batch N] [--seed N]   (DATABASE_URL names the database)";
// Rows per chunk handed to the COPY stream: large enough to amortise stream overhead,
// small enough that generating the next one overlaps with PostgreSQL parsing this one.
const CHUNK_ROWS = 2_000;

interface Options {
  vacancies: number;
  batch: number;
  seed: number;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | "help" {
  const limits: Record<keyof Options, { min: number; max: number }> = {
    vacancies: { min: 1, max: 100_000_000 },
    batch: { min: 1, max: 1_000_000 },
    seed: { min: 0, max: 2 ** 32 - 1 },
  };
  const options: Partial<Options> = { batch: 50_000, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    const match = /^--(vacancies|batch|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"`);
    const name = match[1] as keyof Options;
    const raw = match[2] ?? argv[++i];
    if (raw === undefined) throw new UsageError(`--${name} needs a value`);
    const { min, max } = limits[name];
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(
        `--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}, got "${raw}"`,
      );
    }
    options[name] = value;
  }
  if (options.vacancies === undefined) throw new UsageError("--vacancies is required");
  return options as Options;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");

/** Takes a block of ids from the table's own sequence; the lock keeps inserts from taking ids inside it. */
async function reserveIds(client: pg.Client, sequence: string, count: number): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query("LOCK TABLE vacancies IN EXCLUSIVE MODE");
    const { rows } = await client.query<{ first: string }>("SELECT nextval($1::regclass) AS first", [sequence]);
    const first = Number(rows[0]?.first);
    await client.query("SELECT setval($1::regclass, $2::bigint)", [sequence, first + count - 1]);
    await client.query("COMMIT");
    return first;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function loadBatch(
  client: pg.Client,
  ctx: SyntheticContext,
  rng: Rng,
  firstId: number,
  count: number,
  now: Date,
): Promise<number> {
  let links = "";
  let linkCount = 0;
  function* vacancyChunks(): Generator<string> {
    for (let start = 0; start < count; start += CHUNK_ROWS) {
      let chunk = "";
      for (let i = start; i < Math.min(count, start + CHUNK_ROWS); i++) {
        const row = generateRow(ctx, rng, firstId + i, now);
        chunk += row.vacancy;
        links += row.links;
        linkCount += row.linkCount;
      }
      yield chunk;
    }
  }
  await client.query("BEGIN");
  try {
    await pipeline(
      Readable.from(vacancyChunks()),
      client.query(copyFrom(`COPY vacancies (${VACANCY_COLUMNS.join(", ")}) FROM STDIN`)),
    );
    await pipeline(
      Readable.from([links]),
      client.query(copyFrom("COPY vacancy_specializations (vacancy_id, specialization_id) FROM STDIN")),
    );
    await client.query("COMMIT");
    return linkCount;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
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
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`DATABASE_URL is not set\n${USAGE}`);
    return 1;
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: regionRows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM regions");
    if ((regionRows[0]?.n ?? 0) === 0) {
      console.log("no reference data yet: running the demo seed first");
      const db = createPrismaClient(url, { max: 2 });
      try {
        await seedDemo(db, { log: (line) => console.log(`  ${line}`) });
      } finally {
        await db.$disconnect();
      }
    }

    const ctx = await loadSyntheticContext(client);
    const { rows: seqRows } = await client.query<{ seq: string }>("SELECT pg_get_serial_sequence('vacancies', 'id') AS seq");
    const sequence = seqRows[0]?.seq;
    if (!sequence) throw new Error("vacancies.id has no sequence");

    const rng = createRng(options.seed);
    const now = new Date();
    const started = performance.now();
    let done = 0;
    let links = 0;
    console.log(
      `loading ${fmt(options.vacancies)} vacancies in batches of ${fmt(options.batch)} (seed ${options.seed}, ${ctx.orgs.length} organizations)`,
    );
    while (done < options.vacancies) {
      const count = Math.min(options.batch, options.vacancies - done);
      const batchStarted = performance.now();
      const firstId = await reserveIds(client, sequence, count);
      links += await loadBatch(client, ctx, rng, firstId, count, now);
      done += count;
      const elapsed = (performance.now() - started) / 1000;
      const batchRate = count / ((performance.now() - batchStarted) / 1000);
      console.log(
        `  ${fmt(done).padStart(11)} / ${fmt(options.vacancies)} rows (${((done / options.vacancies) * 100).toFixed(1).padStart(5)}%)` +
          `  ${fmt(done / elapsed).padStart(7)} rows/s overall, ${fmt(batchRate)} rows/s this batch`,
      );
    }
    const loadSeconds = (performance.now() - started) / 1000;

    // The search table is rebuilt in one set-based pass (indexes dropped and rebuilt around it):
    // maintaining it row by row during COPY would slow the load by two orders of magnitude.
    // Statistics first: without them the rebuild's per-vacancy joins get a plan several times slower.
    await client.query("ANALYZE vacancies, vacancy_specializations, organizations, cities, specializations");
    const searchStarted = performance.now();
    const { rows: searchRows } = await client.query<{ n: number }>("SELECT refresh_vacancy_search(NULL) AS n");
    const searchSeconds = (performance.now() - searchStarted) / 1000;
    console.log(`search table rebuilt: ${fmt(searchRows[0]?.n ?? 0)} searchable vacancies in ${searchSeconds.toFixed(1)} s`);

    const analyzeStarted = performance.now();
    await client.query("ANALYZE vacancy_search, search_terms");
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const { rows: sizeRows } = await client.query<{ total: string; size: string }>(
      "SELECT count(*)::text AS total, pg_size_pretty(pg_total_relation_size('vacancies')) AS size FROM vacancies",
    );
    console.log(
      `done: ${fmt(done)} vacancies and ${fmt(links)} specialization links in ${loadSeconds.toFixed(1)} s ` +
        `(${fmt(done / loadSeconds)} rows/s); ANALYZE ${analyzeSeconds.toFixed(1)} s; ` +
        `table now has ${fmt(Number(sizeRows[0]?.total))} vacancies, ${sizeRows[0]?.size} with indexes`,
    );
    return 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("synthetic load failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
