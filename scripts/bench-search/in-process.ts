import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { Db } from "../../src/server/db-client";
import { parseSearchParams, type SearchParams } from "../../src/lib/search/params";

import type { Shape } from "./inputs";
import { REPO } from "./processes";
import { errorText, mean, percentile } from "./report";

interface SearchResultLike {
  total: number;
  items: readonly { id: number }[];
  timings?: Record<string, number>;
}

interface SearchService {
  searchVacancies(params: SearchParams, options: { locale: "ru" | "kk"; db?: Db }): Promise<SearchResultLike>;
  explainSearch(params: SearchParams, options: { locale: "ru" | "kk"; db?: Db }): Promise<string>;
}

export interface ShapeResult {
  shape: Shape;
  /** Wall time of each measured call, ascending. */
  latencies: number[];
  meanTotal: number;
  emptyResults: number;
  /** Each key of the service's own `timings`, ascending per key. */
  timings: Map<string, number[]>;
  slowestInput: SearchParams | null;
  error: string | null;
}

/**
 * Services are server code: they import the `server-only` marker, which throws outside Next's
 * react-server condition. Resolve that one package to its empty build, as Next (and the test
 * config) do, and give the env schema what it requires, before the first import of `modulePath`
 * (relative to the repository).
 */
export async function loadServerModule(databaseUrl: string, modulePath: string): Promise<Record<string, unknown>> {
  const empty = pathToFileURL(path.join(REPO, "node_modules", "server-only", "empty.js")).href;
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier === "server-only") return { url: ${JSON.stringify(empty)}, shortCircuit: true };
    return next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= randomBytes(36).toString("base64url");
  process.env.APP_URL ??= "http://127.0.0.1:3000";
  return (await import(pathToFileURL(path.join(REPO, modulePath)).href)) as Record<string, unknown>;
}

export async function loadSearchService(databaseUrl: string): Promise<SearchService> {
  const service = (await loadServerModule(
    databaseUrl,
    path.join("src", "server", "services", "search", "search-vacancies.ts"),
  )) as Partial<SearchService>;
  if (typeof service.searchVacancies !== "function" || typeof service.explainSearch !== "function") {
    throw new Error("src/server/services/search/search-vacancies.ts does not export searchVacancies and explainSearch");
  }
  return service as SearchService;
}

export async function measureShape(
  service: SearchService,
  shape: Shape,
  warmup: number,
  onProgress: (line: string) => void,
): Promise<ShapeResult> {
  const result: ShapeResult = {
    shape,
    latencies: [],
    meanTotal: Number.NaN,
    emptyResults: 0,
    timings: new Map(),
    slowestInput: null,
    error: null,
  };
  if (shape.inputs.length <= warmup) {
    result.error = "no inputs for this shape in the data";
    return result;
  }
  const totals: number[] = [];
  let slowest = -1;
  try {
    for (let i = 0; i < shape.inputs.length; i++) {
      const params = parseSearchParams(shape.inputs[i] as Record<string, string>).params;
      const started = performance.now();
      // As the search page calls it: the module's own client (loadServerModule pointed it at this
      // database) and the process's copy of the catalogue, not a reload of it per query.
      const found = await service.searchVacancies(params, { locale: shape.locale });
      const elapsed = performance.now() - started;
      if (i < warmup) continue;
      result.latencies.push(elapsed);
      totals.push(found.total);
      if (found.total === 0) result.emptyResults++;
      for (const [key, value] of Object.entries(found.timings ?? {})) {
        const list = result.timings.get(key) ?? [];
        list.push(value);
        result.timings.set(key, list);
      }
      if (elapsed > slowest) {
        slowest = elapsed;
        result.slowestInput = params;
      }
    }
  } catch (error) {
    result.error = errorText(error);
    onProgress(`${shape.name}: failed: ${result.error}`);
  }
  result.latencies.sort((a, b) => a - b);
  for (const list of result.timings.values()) list.sort((a, b) => a - b);
  result.meanTotal = mean(totals);
  if (!result.error) {
    onProgress(`${shape.name}: ${result.latencies.length} queries, p95 ${percentile(result.latencies, 0.95).toFixed(1)} ms`);
  }
  return result;
}

export interface SearchCpu {
  searches: number;
  /** CPU time per search, in ms: this process (the service, Prisma, pg) and PostgreSQL's processes. */
  nodeMs: number;
  postgresMs: number;
  /** The most searches per second the machine's cores could serve were they doing nothing else. */
  ceilingPerSecond: number;
}

/** Linux's clock ticks per second in /proc/PID/stat (USER_HZ, 100 on every current architecture). */
const USER_HZ = 100;

/** CPU ticks (user + system) of every PostgreSQL process on this machine; null when none is readable. */
async function postgresTicks(): Promise<number | null> {
  let ticks = 0;
  let found = false;
  for (const pid of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
    if (!stat) continue;
    // "pid (comm) state …": comm may hold spaces, so count from its ")"; utime and stime are fields 14 and 15.
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    if (!comm.startsWith("postgres")) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
  }
  return found ? ticks : null;
}

/**
 * What the searches of a set cost in CPU, one after another: this process's time and, when the
 * database server runs on this machine, its processes' time; and so the most searches a second
 * this machine's cores could answer with nothing else to do (no page to render, no load generator).
 * Null when PostgreSQL's processes cannot be read here.
 */
export async function measureSearchCpu(
  service: SearchService,
  inputs: readonly { params: SearchParams; locale: "ru" | "kk" }[],
): Promise<SearchCpu | null> {
  const before = await postgresTicks();
  if (before === null || inputs.length === 0) return null;
  const cpu = process.cpuUsage();
  for (const input of inputs) await service.searchVacancies(input.params, { locale: input.locale });
  const used = process.cpuUsage(cpu);
  const after = await postgresTicks();
  if (after === null) return null;
  const nodeMs = (used.user + used.system) / 1000 / inputs.length;
  const postgresMs = (((after - before) / USER_HZ) * 1000) / inputs.length;
  return {
    searches: inputs.length,
    nodeMs,
    postgresMs,
    ceilingPerSecond: (os.cpus().length * 1000) / (nodeMs + postgresMs),
  };
}
