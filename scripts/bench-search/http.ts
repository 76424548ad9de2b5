import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

import { DEFAULT_PAGE_CACHE_MB } from "../../src/env";
import { freePort } from "../embedded-postgres/network";

import { nextBin, pipeLines, REPO, runStreaming, stopGroup, track } from "./processes";
import { errorText, median, note } from "./report";

const START_TIMEOUT_MS = 90_000;
const WARMUP_CONCURRENCY = 16;
const CONNECTIONS = 16;

export async function buildApp(): Promise<number> {
  const started = performance.now();
  // Next writes a production build only with NODE_ENV=production (its default for `build`).
  await runStreaming("next build", [nextBin(), "build"], { ...process.env, NODE_ENV: "production" });
  return performance.now() - started;
}

export function hasBuild(): boolean {
  return existsSync(path.join(REPO, ".next", "BUILD_ID"));
}

export interface Server {
  base: string;
  child: ChildProcess;
  /** The last lines the server printed, for error messages. */
  tail: string[];
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string, replicaUrl?: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const tail: string[] = [];
  const child = track(
    // Started as `npm start` starts it, without --hostname: given a hostname, Next sends the proxy's
    // rewrites (cached search pages, 404 and 410 pages) to "localhost" over HTTP, which fails
    // where localhost is ::1 and the server listens on 127.0.0.1 alone.
    spawn(process.execPath, [nextBin(), "start", "--port", String(port)], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        DATABASE_REPLICA_URL: replicaUrl ?? "",
        AUTH_SECRET: randomBytes(36).toString("base64url"),
        APP_URL: base,
        PORT: String(port),
      },
    }),
  );
  pipeLines(child, (line) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  });
  const server: Server = { base, child, tail, stop: () => stopGroup(child) };
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`next start exited (${child.exitCode ?? child.signalCode}):\n    ${tail.join("\n    ")}`);
    }
    try {
      const response = await fetch(`${base}/ru/terms`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return server;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await server.stop();
  throw new Error(`next start did not answer within ${START_TIMEOUT_MS / 1000} s:\n    ${tail.join("\n    ")}`);
}

export interface UrlCheck {
  ok: boolean;
  detail: string;
}

/** One request to the first URL of a set: a page that is missing or broken is reported, not measured. */
export async function checkUrl(base: string, url: string): Promise<UrlCheck> {
  try {
    const response = await fetch(`${base}${url}`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
    const body = await response.text();
    if (response.status >= 200 && response.status < 300)
      return { ok: true, detail: `HTTP ${response.status}, ${body.length} chars` };
    const location = response.headers.get("location");
    return { ok: false, detail: `HTTP ${response.status}${location ? ` → ${location}` : ""} for ${url}` };
  } catch (error) {
    return { ok: false, detail: `request failed for ${url}: ${errorText(error)}` };
  }
}

/** Fetches every URL once, 16 at a time; returns how many did not answer 2xx. */
export async function warmUp(base: string, urls: readonly string[]): Promise<{ failed: number; ms: number }> {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      try {
        const response = await fetch(`${base}${url}`, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
        await response.arrayBuffer();
        if (response.status < 200 || response.status >= 300) failed++;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WARMUP_CONCURRENCY, urls.length) }, worker));
  return { failed, ms: performance.now() - started };
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** 16 connections for `duration` seconds, each request the next URL of the list. */
export async function loadTest(base: string, urls: readonly string[], duration: number): Promise<LoadResult> {
  let cursor = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: urls[cursor++ % urls.length] as string }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export interface SitemapResult {
  file: string | null;
  urls: number;
  runsMs: number[];
  cache: string[];
  error: string | null;
}

const LOC = /<loc>([^<]*)<\/loc>/g;

/** Times the whole body of the first full vacancies sitemap file (ids in order, 50,000 per file). */
export async function measureSitemap(base: string): Promise<SitemapResult> {
  const result: SitemapResult = { file: null, urls: 0, runsMs: [], cache: [], error: null };
  try {
    const index = await fetch(`${base}/sitemap.xml`, { signal: AbortSignal.timeout(60_000) });
    const body = await index.text();
    if (!index.ok) throw new Error(`/sitemap.xml answered HTTP ${index.status}`);
    const files = [...body.matchAll(LOC)]
      .map((m) => m[1] as string)
      .map((loc) => ({ loc, chunk: /\/sitemaps\/vacancies-ru-(\d+)\.xml$/.exec(loc)?.[1] }))
      .filter((f): f is { loc: string; chunk: string } => f.chunk !== undefined)
      .sort((a, b) => Number(a.chunk) - Number(b.chunk));
    if (files.length === 0) throw new Error("/sitemap.xml lists no /sitemaps/vacancies-ru-N.xml file");
    // Every chunk but the last covers a full id range; chunk 0 only lacks id 0.
    const chosen = files.length > 1 ? files[0] : files[files.length - 1];
    const pathname = new URL((chosen as { loc: string }).loc).pathname;
    result.file = pathname;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const response = await fetch(`${base}${pathname}`, { signal: AbortSignal.timeout(120_000) });
      const text = await response.text();
      result.runsMs.push(performance.now() - started);
      if (!response.ok) throw new Error(`${pathname} answered HTTP ${response.status}`);
      result.cache.push(response.headers.get("x-nextjs-cache") ?? "-");
      result.urls = [...text.matchAll(LOC)].length;
    }
  } catch (error) {
    result.error = errorText(error);
  }
  return result;
}

export const sitemapMedian = (r: SitemapResult) => median(r.runsMs);

export function describeServer(server: Server) {
  const cacheMb = process.env.PAGE_CACHE_MB?.trim() || String(DEFAULT_PAGE_CACHE_MB);
  note(`next start on ${server.base} (pid ${server.child.pid}, NODE_ENV=production, PAGE_CACHE_MB=${cacheMb})`);
  note(
    "the rendered-page memory cache holds ~185 KB per vacancy page and ~375 KB per search page; pages beyond it " +
      "are rendered again (nothing is kept on disk; measure that path with a small PAGE_CACHE_MB, such as 50)",
  );
}
