/**
 * The driving-school registry's import at its limit:
 *
 *   npm run bench:import [-- --rows 5000]
 *
 * Creates a fresh database (on BENCH_ADMIN_URL, default the server on 127.0.0.1:5432) with a
 * verified school, builds a CSV (Windows-1251, as Excel in Russian saves it) and an XLSX of
 * `rows` valid trainees, and for each file times the preview (read + parse + validate) and the
 * commit (read + parse + validate again + write every row and its status history in one
 * transaction), sampling the process's resident memory meanwhile. PASS when each commit of each
 * file takes less than 5 s and every row is in the registry (exit status 1 otherwise). The
 * database is dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import pg from "pg";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_MS = 5_000;

function rowsOption(): number {
  const { values } = parseArgs({ options: { rows: { type: "string", default: "5000" } } });
  const n = Number(values.rows);
  if (!Number.isInteger(n) || n < 1 || n > 5_000) throw new Error("--rows must be a whole number from 1 to 5000");
  return n;
}

/** Runs `work`, sampling resident memory every 10 ms: its time and the peak above the start. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const began = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - began, peakMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<number> {
  const rows = rowsOption();
  const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `jumys_bench_import_${Date.now()}`;
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
    return await run(rows);
  } finally {
    const { db } = await import("../src/server/db");
    await db.$disconnect().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function run(rowCount: number): Promise<number> {
  const ExcelJS = (await import("exceljs")).default;
  const iconv = (await import("iconv-lite")).default;
  const { db } = await import("../src/server/db");
  const { makeIin } = await import("../src/lib/kz-identifiers");
  const { createSchool } = await import("../test/support/school-factories");
  const { previewTraineeImport, commitTraineeImport } = await import("../src/server/services/schools/import-trainees");

  const header = ["ФИО", "ИИН", "Дата рождения", "Пол", "Телефон", "Email", "Категория", "Статус"];
  const data = Array.from({ length: rowCount }, (_, i) => {
    const year = 1970 + (i % 30);
    const month = 1 + (i % 12);
    const day = 1 + (i % 28);
    const female = i % 2 === 1;
    const iin = makeIin({ year, month, day }, female ? "female" : "male", Math.floor(i / 2) % 9000);
    const dd = String(day).padStart(2, "0");
    const mm = String(month).padStart(2, "0");
    return [
      `Обучающийся Тестовый ${i}`,
      iin,
      `${dd}.${mm}.${year}`,
      female ? "Ж" : "М",
      `+7 701 ${String(i)
        .padStart(7, "0")
        .replace(/^(\d{3})(\d{2})(\d{2})$/, "$1 $2 $3")}`,
      `trainee${i}@example.kz`,
      "B",
      "Зачислен",
    ];
  });
  const csv = new Uint8Array(iconv.encode([header, ...data].map((r) => r.join(";")).join("\r\n"), "win1251"));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Обучающиеся");
  for (const row of [header, ...data]) sheet.addRow(row);
  const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());

  let pass = true;
  console.log(`${rowCount} rows; target: commit under ${TARGET_MS} ms`);
  for (const [format, file] of [
    ["CSV (Windows-1251)", csv],
    ["XLSX", xlsx],
  ] as const) {
    const school = await createSchool();
    const preview = await measure(() => previewTraineeImport(school.owner, school.organizationId, file));
    const commit = await measure(() => commitTraineeImport(school.owner, school.organizationId, file));
    const stored = await db.trainee.count({ where: { organizationId: school.organizationId } });
    const ok =
      preview.result.issues.length === 0 && commit.result.imported === rowCount && stored === rowCount && commit.ms < TARGET_MS;
    pass &&= ok;
    console.log(
      `${format.padEnd(20)} ${(file.byteLength / 1024).toFixed(0).padStart(5)} KB  ` +
        `preview ${preview.ms.toFixed(0).padStart(5)} ms (+${preview.peakMb.toFixed(0)} MB)  ` +
        `commit ${commit.ms.toFixed(0).padStart(5)} ms (+${commit.peakMb.toFixed(0)} MB)  ` +
        `stored ${stored}  ${ok ? "ok" : "FAIL"}`,
    );
    if (preview.result.issues.length > 0) console.log("first issues:", preview.result.issues.slice(0, 5));
  }
  console.log(pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
