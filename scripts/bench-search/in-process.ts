import { randomBytes } from "node:crypto";
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
