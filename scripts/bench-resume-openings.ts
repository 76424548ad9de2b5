/**
 * Opening resumes' contacts with every quota check, as fast as the database allows:
 *
 *   npm run bench:resume-openings [-- --openings 2000 --concurrency 8]
 *
 * Creates a fresh database (on BENCH_ADMIN_URL, default the server on 127.0.0.1:5432) with a
 * verified employer, a running resume access with enough contact views, members enough to stay
 * under the per-member rate limit and daily cap, and `openings` resumes visible to all. Then it
 * opens each resume's contacts once (the paid path: covering entitlements locked, re-open check,
 * daily counters per organisation and member, one unit taken, the opening recorded) and once
 * more (the free re-open), `concurrency` at a time, through `openResumeContacts` itself. Prints
 * ops/s and latency percentiles per phase, then checks that the units used, the openings and the
 * day's counters match the number of paid openings exactly (exit status 1 otherwise). The
 * database is dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import pg from "pg";

import { fmtInt, fmtMs, percentile, table } from "./bench-search/report";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Openings per member: under the rate limit (100 per 15 minutes) and the daily cap (500). */
const PER_MEMBER = 90;

function options(): { openings: number; concurrency: number } {
  const { values } = parseArgs({
    options: { openings: { type: "string", default: "2000" }, concurrency: { type: "string", default: "8" } },
  });
  const openings = Number(values.openings);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(openings) || openings < 1 || openings > 8_000)
    throw new Error("--openings must be a whole number from 1 to 8000 (the organisation's daily cap)");
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new Error("--concurrency must be a whole number from 1 to 64");
  return { openings, concurrency };
}

async function main(): Promise<number> {
  const opts = options();
  const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `jumys_bench_openings_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  // Server code imports the `server-only` marker: resolve it to its empty build, as Next does.
  const empty = pathToFileURL(path.join(REPO, "node_modules", "server-only", "empty.js")).href;
  register(
    `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : n(s, c); }`)}`,
  );
  Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: randomBytes(36).toString("base64url") });

  try {
    const { applyMigrations } = await import("../src/server/db/migrator");
    await applyMigrations(databaseUrl, { migrationsDir: path.join(REPO, "prisma", "migrations") });
    return await run(opts);
  } finally {
    const { db } = await import("../src/server/db");
    await db.$disconnect().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Runs `count` calls of `work`, `concurrency` at a time: each call's latency and the wall time. */
async function phase(count: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        await work(i).catch((error: unknown) => {
          failures += 1;
          if (failures <= 3) console.error(error);
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - began;
  latencies.sort((a, b) => a - b);
  return { latencies, wallMs, failures };
}

async function run({ openings, concurrency }: { openings: number; concurrency: number }): Promise<number> {
  const { db } = await import("../src/server/db");
  const { createBillingProduct, createBuyer, createUser, grantEntitlement } = await import("../test/support/factories");
  const { openResumeContacts } = await import("../src/server/services/resume-database/open-resume-contacts");

  const region = await db.region.create({ data: { slug: "bench-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = await db.city.create({ data: { regionId: region.id, slug: "bench-city", nameRu: "Город", nameKk: "Қала" } });
  const spec = await db.specialization.create({ data: { slug: "bench-driver", nameRu: "Водитель", nameKk: "Жүргізуші" } });
  const buyer = await createBuyer();
  const members = [buyer.owner, buyer.manager];
  while (members.length * PER_MEMBER < openings) {
    const user = await createUser({ isSeeker: false });
    await db.membership.create({ data: { userId: user.id, organizationId: buyer.organizationId, role: "MANAGER" } });
    members.push({ userId: user.id, ip: "203.0.113.7" });
  }
  const product = await createBillingProduct({ kind: "RESUME_ACCESS", priceTiyn: 100_000n, accessDays: 30, units: openings });
  const now = new Date();
  const access = await grantEntitlement({
    organizationId: buyer.organizationId,
    productCode: product.code,
    unitsTotal: openings,
    validFrom: new Date(now.getTime() - 60_000),
    validUntil: new Date(now.getTime() + 30 * 86_400_000),
    regionId: region.id,
  });
  const seeker = await createUser({ isSeeker: true });
  await db.resume.createMany({
    data: Array.from({ length: openings }, (_, i) => ({
      userId: seeker.id,
      title: `Водитель ${i}`,
      cityId: city.id,
      visibility: "ALL" as const,
      employmentTypes: [],
      schedules: [],
    })),
  });
  const resumes = await db.resume.findMany({
    where: { userId: seeker.id },
    select: { id: true, publicId: true },
    orderBy: { id: "asc" },
  });
  await db.resumeSpecialization.createMany({ data: resumes.map((r) => ({ resumeId: r.id, specializationId: spec.id })) });

  console.log(`${fmtInt(openings)} resumes, ${members.length} members, concurrency ${concurrency}`);
  const open = (i: number) => openResumeContacts(members[i % members.length]!, buyer.organizationId, resumes[i]!.publicId);
  const paid = await phase(openings, concurrency, open);
  // The rate limit counts every call: the re-opens start from fresh windows.
  await db.rateLimit.deleteMany({});
  const reopen = await phase(openings, concurrency, open);

  const row = (label: string, r: Awaited<ReturnType<typeof phase>>) => [
    label,
    fmtInt(r.latencies.length),
    fmtInt((r.latencies.length / r.wallMs) * 1000),
    fmtMs(percentile(r.latencies, 0.5)),
    fmtMs(percentile(r.latencies, 0.95)),
    fmtMs(percentile(r.latencies, 0.99)),
    fmtInt(r.failures),
  ];
  console.log(
    table(
      ["phase", "openings", "ops/s", "p50 ms", "p95 ms", "p99 ms", "failed"],
      [row("first opening (paid)", paid), row("re-opening (free)", reopen)],
    ),
  );

  const [entitlement, paidRows, reopenRows, day] = await Promise.all([
    db.entitlement.findUniqueOrThrow({ where: { id: access.id }, select: { unitsUsed: true } }),
    db.resumeOpening.count({ where: { organizationId: buyer.organizationId, kind: "PAID" } }),
    db.resumeOpening.count({ where: { organizationId: buyer.organizationId, kind: "REOPEN" } }),
    db.resumeOpeningDay.aggregate({ where: { organizationId: buyer.organizationId }, _sum: { openings: true } }),
  ]);
  const exact =
    paid.failures === 0 &&
    reopen.failures === 0 &&
    entitlement.unitsUsed === openings &&
    paidRows === openings &&
    reopenRows === openings &&
    (day._sum.openings ?? 0) === openings;
  console.log(
    `units used ${fmtInt(entitlement.unitsUsed)}, paid openings ${fmtInt(paidRows)}, re-openings ${fmtInt(reopenRows)}, ` +
      `day counter ${fmtInt(day._sum.openings ?? 0)}: ${exact ? "EXACT" : "MISMATCH"}`,
  );
  return exact ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
