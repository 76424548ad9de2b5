/**
 * Search and page benchmark on a million vacancies: `npm run bench:search -- --help`.
 *
 * 1. A separate database (BENCH_DATABASE_URL, default jumys_bench) is created, migrated and filled
 *    with synthetic vacancies once; later runs reuse it.
 * 2. Search shapes are measured in-process through the search service, each query a different
 *    realistic input, and the slowest shape's result query is shown with EXPLAIN (ANALYZE, BUFFERS).
 * 3. `next start` on that database is loaded with autocannon: the vacancy page, the search page
 *    (every measured search, each asked about once in a run: the uncached worst case; then the 16
 *    most frequent searches asked over and over, as popular searches are) and a static page of the
 *    same server as the baseline; then one vacancies sitemap file is timed.
 *
 * Targets are printed as PASS/MISS and never fail the run; errors (a page that does not answer 2xx,
 * a failing query) make the exit status 1 after everything that could run has run.
 */
import os from "node:os";

import pg from "pg";

import { parseArgs, UsageError, USAGE, type BenchOptions } from "./bench-search/args";
import { DEFAULT_BENCH_URL, hidePassword, prepareDatabase, type DatabaseState } from "./bench-search/database";
import {
  buildApp,
  checkUrl,
  describeServer,
  hasBuild,
  loadTest,
  measureSitemap,
  sitemapMedian,
  startServer,
  warmUp,
  type LoadResult,
  type Server,
  type SitemapResult,
} from "./bench-search/http";
import { buildShapes, buildUrlSets, distinctSearchInputs, loadBenchData, type UrlSets } from "./bench-search/inputs";
import { loadSearchService, measureSearchCpu, measureShape, type SearchCpu, type ShapeResult } from "./bench-search/in-process";
import { stopAll } from "./bench-search/processes";
import { committedTransactions, startReplica, type Replica } from "./bench-search/replica";
import { errorText, fmtInt, fmtMs, fmtSeconds, heading, note, percentile, table, verdict } from "./bench-search/report";
import { createPrismaClient } from "../src/server/db-client";
import { parseSearchParams, searchParamsToQuery } from "../src/lib/search/params";

const SEARCH_P95_TARGET_MS = 30;
const VACANCY_RATIO_TARGET = 0.6;
const SEARCH_RATIO_TARGET = 0.25;
const SEARCH_P99_TARGET_MS = 500;
const SITEMAP_TARGET_MS = 1_000;
const SITEMAP_TARGET_URLS = 50_000;

type PageKind = keyof UrlSets;
const PAGE_LABEL: Record<PageKind, string> = {
  static: "static page (baseline)",
  vacancy: "vacancy page",
  search: "search page, distinct",
  popular: "search page, popular",
};

/** The target of a page's load run, with its verdict; "" for the baseline. */
function pageTarget(kind: PageKind, ratio: number, p99: number): string {
  if (kind === "static") return "";
  if (Number.isNaN(ratio)) return "no baseline";
  if (kind === "vacancy") return `${verdict(ratio >= VACANCY_RATIO_TARGET)} ≥ ${VACANCY_RATIO_TARGET * 100}% of static`;
  return (
    `${verdict(ratio >= SEARCH_RATIO_TARGET && p99 <= SEARCH_P99_TARGET_MS)} ` +
    `≥ ${SEARCH_RATIO_TARGET * 100}% of static, p99 ≤ ${SEARCH_P99_TARGET_MS} ms`
  );
}

interface PageRun {
  kind: PageKind;
  urls: number;
  result: LoadResult | null;
  error: string | null;
}

const errors: string[] = [];

function fail(part: string, message: string) {
  errors.push(`${part}: ${message}`);
  note(`ERROR ${part}: ${message}`);
}

// ---------------------------------------------------------------------------------------------

function printSearchTable(results: readonly ShapeResult[]) {
  const rows = results.map((r) => {
    if (r.error && r.latencies.length === 0)
      return [r.shape.name, r.shape.locale, "-", "-", "-", "-", "-", "-", `ERROR: ${r.error}`];
    const p95 = percentile(r.latencies, 0.95);
    return [
      r.shape.name,
      r.shape.locale,
      fmtMs(percentile(r.latencies, 0.5)),
      fmtMs(p95),
      fmtMs(percentile(r.latencies, 0.99)),
      fmtMs(r.latencies[r.latencies.length - 1] ?? Number.NaN),
      fmtInt(r.meanTotal),
      `${r.emptyResults}/${r.latencies.length}`,
      r.error ? `ERROR: ${r.error}` : verdict(p95 <= SEARCH_P95_TARGET_MS),
    ];
  });
  console.log(
    table(
      ["shape", "locale", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean found", "empty", `p95 ≤ ${SEARCH_P95_TARGET_MS} ms`],
      rows,
      ["left", "left", "right", "right", "right", "right", "right", "right", "left"],
    ),
  );
  note("found = the service's total (it stops counting at its COUNT_LIMIT); empty = queries that found nothing");
}

function printTimingsTable(results: readonly ShapeResult[]) {
  const keys: string[] = [];
  for (const r of results) for (const key of r.timings.keys()) if (!keys.includes(key)) keys.push(key);
  if (keys.length === 0) {
    note("the search result exposes no timings");
    return;
  }
  // The service's steps in the order it takes them; `total`, its own measure of the call, last.
  const order = ["plan", "results", "count", "priority", "cards", "relaxations"];
  const rank = (key: string) => (key === "total" ? 1e9 : order.includes(key) ? order.indexOf(key) : order.length);
  keys.sort((a, b) => rank(a) - rank(b));
  const cell = (list: number[] | undefined) =>
    list && list.length > 0 ? `${fmtMs(percentile(list, 0.5))} / ${fmtMs(percentile(list, 0.95))}` : "-";
  console.log(
    table(
      ["shape", ...keys.map((k) => `${k} p50/p95`)],
      results.map((r) => [r.shape.name, ...keys.map((k) => cell(r.timings.get(k)))]),
      ["left", ...keys.map(() => "right" as const)],
    ),
  );
  note("the service's own timings (ms); steps run in parallel, so they do not add up to total");
}

async function runSearch(url: string, db: ReturnType<typeof createPrismaClient>, state: DatabaseState, options: BenchOptions) {
  heading("Search, in-process");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let urlSets: UrlSets | null = null;
  let searchCpu: SearchCpu | null = null;
  const results: ShapeResult[] = [];
  try {
    const data = await loadBenchData(client, state.searchable);
    const shapes = buildShapes(data, options.warmup + options.iterations);
    urlSets = buildUrlSets(data, shapes);
    note(
      `inputs from the data: ${fmtInt(data.sample.length)} sampled vacancies (their titles, cities, specializations, ` +
        `salaries), ${data.topTerms.length} words of search_terms by documents, ${data.deepTerms.length} title words ` +
        `and ${data.bigCities.length} cities with enough matches for page 50; seeded, so every run asks the same questions`,
    );
    note(
      `${options.iterations} measured queries per shape after ${options.warmup} warm-up ones, one at a time, wall time of searchVacancies()`,
    );
    const service = await loadSearchService(url);
    for (const shape of shapes) results.push(await measureShape(service, shape, options.warmup, (line) => note(`… ${line}`)));
    console.log("");
    printSearchTable(results);
    console.log("");
    printTimingsTable(results);
    for (const r of results) if (r.error) fail(`search shape "${r.shape.name}"`, r.error);

    const measured = results.filter((r) => r.latencies.length > 0 && r.slowestInput);
    const slowest = measured.sort((a, b) => percentile(b.latencies, 0.95) - percentile(a.latencies, 0.95))[0];
    if (slowest?.slowestInput) {
      heading(`EXPLAIN (ANALYZE, BUFFERS): "${slowest.shape.name}", its slowest input`);
      const query = decodeURIComponent(searchParamsToQuery(slowest.slowestInput).replace(/\+/g, " "));
      note(`params: ${query || "(none)"}  locale ${slowest.shape.locale}`);
      try {
        const plan = await service.explainSearch(slowest.slowestInput, { locale: slowest.shape.locale, db });
        console.log(plan.replace(/^/gm, "    "));
      } catch (error) {
        fail("EXPLAIN", errorText(error));
      }
    }

    heading("CPU per search");
    const distinct = distinctSearchInputs(shapes).map((input) => ({
      params: parseSearchParams(input).params,
      locale: "ru" as const,
    }));
    searchCpu = await measureSearchCpu(service, distinct);
    if (searchCpu) {
      note(
        `the ${fmtInt(searchCpu.searches)} searches of "search page, distinct", one after another: ` +
          `${fmtMs(searchCpu.postgresMs + searchCpu.nodeMs)} ms of CPU each (PostgreSQL ${fmtMs(searchCpu.postgresMs)}, ` +
          `this process ${fmtMs(searchCpu.nodeMs)}), so ${os.cpus().length} cores answer at most ` +
          `${searchCpu.ceilingPerSecond.toFixed(0)} of them a second before any page is rendered`,
      );
    } else note("not measured: PostgreSQL's processes are not readable on this machine (another host?)");
  } finally {
    await client.end().catch(() => undefined);
  }
  return { results, urlSets, searchCpu };
}

// ---------------------------------------------------------------------------------------------

async function runHttp(url: string, urlSets: UrlSets, options: BenchOptions, replica: Replica | null) {
  heading("HTTP: next start");
  const runs: PageRun[] = [];
  let sitemap: SitemapResult | null = null;
  let server: Server | null = null;
  try {
    if (options.skipBuild) {
      if (!hasBuild()) throw new Error("--skip-build given but there is no .next production build: run without it");
      note("using the existing .next build (--skip-build)");
    } else {
      note("next build (the working tree's .next is replaced)");
      const ms = await buildApp();
      note(`built in ${fmtSeconds(ms)}`);
    }
    server = await startServer(url, replica?.url);
    describeServer(server);
    if (replica) note(`public reads go to the replica (DATABASE_REPLICA_URL ${hidePassword(replica.url)})`);
    note(
      `every URL of every page kind is fetched once first (16 at a time), so that the runs measure the steady state ` +
        `(compiled code, cached renders, warm database buffers), not cold renders; then autocannon, 16 connections, ` +
        `${options.duration} s per run, rotating through the same URLs. The static baseline runs first and last, ` +
        `and the ratio uses the mean of the two, so that drift on a shared machine shows. ` +
        `"search page, distinct" rotates through every measured search (each asked about once per run, so no ` +
        `cache helps); "search page, popular" through the ${urlSets.popular.length} most frequent ones.`,
    );
    const urlsOf = (kind: PageKind) =>
      kind === "static" ? Array.from({ length: 500 }, () => urlSets.static[0] as string) : urlSets[kind];
    const ready = new Map<PageKind, boolean>();
    for (const kind of ["static", "vacancy", "search", "popular"] as const) {
      const urls = urlsOf(kind);
      const check = await checkUrl(server.base, urls[0] as string);
      if (!check.ok) {
        ready.set(kind, false);
        fail(PAGE_LABEL[kind], check.detail);
        continue;
      }
      ready.set(kind, true);
      const warm = await warmUp(server.base, urls);
      note(
        `${PAGE_LABEL[kind]}: warmed with ${fmtInt(urls.length)} requests (${fmtInt(new Set(urls).size)} distinct URLs) ` +
          `in ${fmtSeconds(warm.ms)}${warm.failed > 0 ? `, ${warm.failed} not 2xx` : ""}`,
      );
    }
    note(`load average before measuring: ${loadAverage()} (the machine may be shared)`);
    for (const kind of ["static", "vacancy", "search", "popular", "static"] as const) {
      const urls = urlsOf(kind);
      const before = replica ? await servedBy(url, replica) : null;
      const run: PageRun = { kind, urls: new Set(urls).size, result: null, error: null };
      runs.push(run);
      if (!ready.get(kind)) {
        run.error = "not measured: its first URL did not answer 2xx (see above)";
        continue;
      }
      run.result = await loadTest(server.base, urls, options.duration);
      note(`${PAGE_LABEL[kind]}: ${run.result.requestsPerSecond.toFixed(1)} req/s`);
      if (replica && before) {
        const after = await servedBy(url, replica);
        note(
          `${PAGE_LABEL[kind]}: transactions committed during the run: primary ${fmtInt(after.primary - before.primary)}, ` +
            `replica ${fmtInt(after.replica - before.replica)}`,
        );
      }
      if (run.result.non2xx > 0 || run.result.errors > 0) {
        note(
          `${PAGE_LABEL[kind]}: ${fmtInt(run.result.non2xx)} non-2xx answers, ${fmtInt(run.result.errors)} errors during the run`,
        );
      }
    }
    printHttpTable(runs);

    heading("Sitemap");
    sitemap = await measureSitemap(server.base);
    printSitemap(sitemap);
    if (sitemap.error) fail("sitemap", sitemap.error);
  } catch (error) {
    fail("HTTP", errorText(error));
    if (server && server.tail.length > 0) note(`last server output:\n    ${server.tail.slice(-15).join("\n    ")}`);
  } finally {
    if (server) {
      await server.stop();
      note("server stopped");
    }
  }
  return { runs, sitemap };
}

/** Transactions each server has committed in the bench database so far (each count is a query of its own). */
async function servedBy(url: string, replica: Replica) {
  const [primary, onReplica] = await Promise.all([committedTransactions(url), committedTransactions(replica.url)]);
  return { primary, replica: onReplica };
}

/** Mean of the static page's runs (before and after the others). */
function baselineOf(runs: readonly PageRun[]): number | undefined {
  const values = runs.flatMap((r) => (r.kind === "static" && r.result ? [r.result.requestsPerSecond] : []));
  return values.length > 0 ? values.reduce((sum, v) => sum + v, 0) / values.length : undefined;
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

function runLabel(runs: readonly PageRun[], run: PageRun): string {
  if (run.kind !== "static") return PAGE_LABEL[run.kind];
  return `${PAGE_LABEL.static}, ${runs.find((r) => r.kind === "static") === run ? "first" : "last"}`;
}

function printHttpTable(runs: readonly PageRun[]) {
  const baseline = baselineOf(runs);
  console.log("");
  console.log(
    table(
      ["page", "URLs", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "errors", "vs static", "target"],
      runs.map((run) => {
        const r = run.result;
        if (!r) return [runLabel(runs, run), fmtInt(run.urls), "-", "-", "-", "-", "-", "-", "-", `ERROR: ${run.error}`];
        const ratio = baseline ? r.requestsPerSecond / baseline : Number.NaN;
        return [
          runLabel(runs, run),
          fmtInt(run.urls),
          r.requestsPerSecond.toFixed(1),
          fmtMs(r.latencyP50),
          fmtMs(r.latencyP99),
          fmtInt(r.requests),
          fmtInt(r.non2xx),
          fmtInt(r.errors),
          Number.isNaN(ratio) ? "-" : `${(ratio * 100).toFixed(0)}%`,
          pageTarget(run.kind, ratio, r.latencyP99),
        ];
      }),
      ["left", "right", "right", "right", "right", "right", "right", "right", "right", "left"],
    ),
  );
  note("req/s is autocannon's mean over the run; autocannon runs in this process, on the same cores as the server");
}

function sitemapVerdict(s: SitemapResult): { perFiftyThousand: number; pass: boolean } | null {
  if (s.error || s.runsMs.length === 0 || s.urls === 0) return null;
  const perFiftyThousand = (sitemapMedian(s) * SITEMAP_TARGET_URLS) / s.urls;
  return { perFiftyThousand, pass: perFiftyThousand < SITEMAP_TARGET_MS };
}

function printSitemap(s: SitemapResult) {
  if (s.error) return;
  const v = sitemapVerdict(s);
  note(`file ${s.file}: ${fmtInt(s.urls)} <loc> entries`);
  note(
    `whole body, 3 runs: ${s.runsMs.map((ms) => `${fmtMs(ms)} ms`).join(", ")} (x-nextjs-cache: ${s.cache.join(", ")}); ` +
      `min ${fmtMs(Math.min(...s.runsMs))} ms, median ${fmtMs(sitemapMedian(s))} ms`,
  );
  if (v) {
    note(
      `median scaled to ${fmtInt(SITEMAP_TARGET_URLS)} URLs: ${fmtMs(v.perFiftyThousand)} ms → ${verdict(v.pass)} (< ${SITEMAP_TARGET_MS} ms)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------

function printSummary(
  url: string,
  state: DatabaseState | null,
  search: readonly ShapeResult[],
  http: { runs: PageRun[]; sitemap: SitemapResult | null } | null,
  options: BenchOptions,
  startedAt: number,
  searchCpu: SearchCpu | null = null,
) {
  heading("Summary");
  const rows: string[][] = [];
  if (state) {
    rows.push([
      "database",
      `${hidePassword(url)}: ${fmtInt(state.vacancies)} vacancies, ${fmtInt(state.searchable)} searchable, ${state.size}`,
      "",
    ]);
  }
  if (options.replica)
    rows.push(["served by", "a streaming replica started for the run (--replica): search and public reads", ""]);
  for (const r of search) {
    if (r.latencies.length === 0) {
      rows.push([`search: ${r.shape.name}`, `ERROR: ${r.error ?? "not measured"}`, ""]);
      continue;
    }
    const p95 = percentile(r.latencies, 0.95);
    rows.push([
      `search: ${r.shape.name}`,
      `p50 ${fmtMs(percentile(r.latencies, 0.5))} / p95 ${fmtMs(p95)} / p99 ${fmtMs(percentile(r.latencies, 0.99))} ms`,
      `${verdict(p95 <= SEARCH_P95_TARGET_MS)} p95 ≤ ${SEARCH_P95_TARGET_MS} ms`,
    ]);
  }
  if (!http && searchCpu) {
    rows.push([
      "search: CPU per search",
      `${fmtMs(searchCpu.postgresMs + searchCpu.nodeMs)} ms → at most ${searchCpu.ceilingPerSecond.toFixed(0)} searches/s`,
      "(no page rendered)",
    ]);
  }
  if (!http) rows.push(["HTTP", options.skipHttp ? "skipped (--skip-http)" : "not run", ""]);
  else {
    const baseline = baselineOf(http.runs);
    for (const run of http.runs) {
      if (!run.result) {
        rows.push([`http: ${runLabel(http.runs, run)}`, `ERROR: ${run.error}`, run.kind === "static" ? "" : "not measured"]);
        continue;
      }
      const ratio = baseline ? run.result.requestsPerSecond / baseline : Number.NaN;
      rows.push([
        `http: ${runLabel(http.runs, run)}`,
        `${run.result.requestsPerSecond.toFixed(1)} req/s, p99 ${fmtMs(run.result.latencyP99)} ms` +
          (Number.isNaN(ratio) ? "" : `, ${(ratio * 100).toFixed(0)}% of static`),
        pageTarget(run.kind, ratio, run.result.latencyP99),
      ]);
      if (run.kind === "search" && searchCpu) {
        const bound = baseline ? searchCpu.ceilingPerSecond / baseline : Number.NaN;
        rows.push([
          "  its ceiling: the search alone",
          `${fmtMs(searchCpu.postgresMs + searchCpu.nodeMs)} ms CPU per search → at most ` +
            `${searchCpu.ceilingPerSecond.toFixed(0)} req/s` +
            (Number.isNaN(bound) ? "" : `, ${(bound * 100).toFixed(0)}% of static`),
          '(no page rendered; see "CPU per search")',
        ]);
      }
    }
    const s = http.sitemap;
    if (s) {
      const v = sitemapVerdict(s);
      rows.push([
        "sitemap file",
        s.error ? `ERROR: ${s.error}` : `${fmtInt(s.urls)} URLs, median ${fmtMs(sitemapMedian(s))} ms`,
        v ? `${verdict(v.pass)} ${fmtMs(v.perFiftyThousand)} ms per 50,000 < ${SITEMAP_TARGET_MS} ms` : "not measured",
      ]);
    }
  }
  console.log(table(["measure", "result", "target"], rows, ["left", "left", "left"]));
  const misses = rows.filter((row) => row[2]?.startsWith("MISS")).length;
  const passes = rows.filter((row) => row[2]?.startsWith("PASS")).length;
  console.log(
    `\n  ${passes} PASS, ${misses} MISS, ${errors.length} error(s); ${fmtSeconds(performance.now() - startedAt)} in all` +
      (errors.length > 0 ? `\n  errors:\n${errors.map((e) => `    - ${e}`).join("\n")}` : ""),
  );
}

// ---------------------------------------------------------------------------------------------

function installSignalHandlers() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\nbench:search: ${signal}: stopping the server and child processes`);
      void stopAll().finally(() => process.exit(128 + (os.constants.signals[signal] ?? 0)));
    });
  }
}

async function main(): Promise<number> {
  let options: BenchOptions | "help";
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench:search: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  installSignalHandlers();
  const startedAt = performance.now();
  const url = process.env.BENCH_DATABASE_URL?.trim() || DEFAULT_BENCH_URL;

  console.log(
    `bench:search  ${new Date().toISOString()}  ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${loadAverage()}`,
  );
  console.log(
    `  database ${hidePassword(url)}; target ${fmtInt(options.vacancies)} vacancies; ${options.iterations} iterations per shape; ` +
      (options.skipHttp ? "HTTP skipped" : `HTTP ${options.duration} s per page${options.skipBuild ? ", existing build" : ""}`),
  );

  heading("Database");
  let state: DatabaseState;
  try {
    state = await prepareDatabase(url, options.vacancies, options.recreate);
  } catch (error) {
    console.error(`bench:search: preparing ${hidePassword(url)} failed: ${errorText(error)}`);
    return 1;
  }
  note(
    `${state.prepared}: ${fmtInt(state.vacancies)} vacancies, ${fmtInt(state.searchable)} in vacancy_search, ` +
      `${fmtInt(state.searchTerms)} search_terms, database ${state.size}`,
  );
  note(`server: ${state.server}`);

  let replica: Replica | null = null;
  if (options.replica) {
    heading("Streaming replica");
    try {
      replica = await startReplica(url, note);
    } catch (error) {
      fail("replica", errorText(error));
      printSummary(url, state, [], null, options, startedAt);
      return 1;
    }
    note(`in-process search below runs on the replica (${hidePassword(replica.url)}), the pages' public reads too`);
  }
  const searchUrl = replica?.url ?? url;
  const db = createPrismaClient(searchUrl, { max: 10 });
  let search: ShapeResult[] = [];
  let urlSets: UrlSets | null = null;
  let searchCpu: SearchCpu | null = null;
  let http: Awaited<ReturnType<typeof runHttp>> | null = null;
  try {
    try {
      ({ results: search, urlSets, searchCpu } = await runSearch(searchUrl, db, state, options));
    } catch (error) {
      fail("search", errorText(error));
    }
    if (!options.skipHttp) {
      if (urlSets) http = await runHttp(url, urlSets, options, replica);
      else fail("HTTP", "not run: the URL lists come from the search part, which failed");
    }
  } finally {
    await db.$disconnect().catch(() => undefined);
    if (replica) {
      await replica.stop();
      note(`replica stopped and ${replica.dir} removed`);
    }
  }
  printSummary(url, state, search, http, options, startedAt, searchCpu);
  return errors.length > 0 ? 1 : 0;
}

main().then(
  async (code) => {
    await stopAll();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error("bench:search failed:", error instanceof Error ? (error.stack ?? error.message) : error);
    await stopAll();
    process.exit(1);
  },
);
