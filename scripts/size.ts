/**
 * First-load JavaScript of the main public pages, as a browser gets it: every script the page's
 * HTML names, gzipped as `next start` serves it. Needs a production build (`npx next build`).
 *
 *   npm run size
 *
 * Starts the app with the launcher on a free port (the embedded PostgreSQL with demo data unless
 * DATABASE_URL is set; then the demo data is added if missing), measures, prints a table with the
 * targets, and stops the app. Exit status 1 when a page misses its target.
 *
 * It also builds and measures the framework floor: a one-page app with the same Next.js and React
 * and no code of ours (no client component, no providers), in `.size-floor/`. What a page loads
 * above that floor is what this project can still remove; `SIZE_FLOOR=0` skips it.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const KB = 1024;

/** Targets in gzipped kilobytes; pages without one are reported only. */
const TARGETS: Record<string, number | undefined> = { vacancy: 90, search: 120 };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the app did not answer at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The scripts a page's HTML loads (src of <script> elements), in order, without repeats. */
export function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const tag = match[0];
    // Legacy-browser polyfills are skipped by every browser that runs modules.
    if (/\bnoModule\b/i.test(tag)) continue;
    found.add(match[1]!.replace(/&amp;/g, "&"));
  }
  return [...found];
}

async function measure(base: string, pagePath: string) {
  const response = await fetch(base + pagePath);
  if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
  const html = await response.text();
  let raw = 0;
  let gzipped = 0;
  const scripts = scriptsOf(html);
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body).length;
  }
  return { html, scripts: scripts.length, raw, gzipped };
}

const FLOOR_DIR = path.join(REPO, ".size-floor");

/** A static page and its layout, nothing else: every byte it loads is Next.js and React. */
const FLOOR_FILES: Record<string, string> = {
  "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="ru">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `export default function Page() {
  return <main><h1>Floor</h1><p><a href="/other">A link</a></p></main>;
}
`,
  "next.config.mjs": `export default { poweredByHeader: false };\n`,
};

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} failed:\n${out}`))));
  });
}

/** Builds the floor app with this repository's `next` and measures its one page. */
async function measureFloor(): Promise<Awaited<ReturnType<typeof measure>>> {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FLOOR_FILES)) {
    mkdirSync(path.dirname(path.join(FLOOR_DIR, file)), { recursive: true });
    writeFileSync(path.join(FLOOR_DIR, file), text);
  }
  const nextBin = path.join(REPO, "node_modules/next/dist/bin/next");
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  await run(process.execPath, [nextBin, "build"], { cwd: FLOOR_DIR, env });
  const port = await freePort();
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: FLOOR_DIR,
    env,
    stdio: "ignore",
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/`, 60_000);
    return await measure(base, "/");
  } finally {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function main() {
  if (!existsSync(path.join(REPO, ".next", "BUILD_ID"))) {
    console.error("size: no production build here: run `npx next build` first");
    process.exit(2);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [path.join(REPO, "node_modules/tsx/dist/cli.mjs"), "scripts/run-app.ts", "start"], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: base,
      SEED_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  app.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  app.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const stop = () => {
    try {
      if (app.pid) process.kill(-app.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  try {
    await waitFor(`${base}/ru`, 120_000);
    const pages: { name: string; path: string }[] = [
      { name: "home", path: "/ru" },
      { name: "search", path: "/ru/vacancies" },
    ];
    const search = await measure(base, "/ru/vacancies");
    const vacancyPath = /href="(\/ru\/vacancy\/\d+-[^"#?]*)"/.exec(search.html)?.[1];
    if (!vacancyPath) throw new Error("the search page lists no vacancy to measure");
    pages.push({ name: "vacancy", path: vacancyPath }, { name: "sign-in", path: "/ru/auth/sign-in" });

    const floor = process.env.SIZE_FLOOR === "0" ? null : await measureFloor();
    const floorKb = floor ? floor.gzipped / KB : null;

    console.log("First-load JavaScript (every script the HTML names, gzip as served)\n");
    console.log(
      `${"page".padEnd(10)}${"scripts".padStart(8)}${"raw KB".padStart(10)}${"gzip KB".padStart(10)}${"over floor".padStart(12)}  target`,
    );
    if (floor && floorKb !== null) {
      console.log(
        `${"floor".padEnd(10)}${String(floor.scripts).padStart(8)}${(floor.raw / KB).toFixed(1).padStart(10)}${floorKb.toFixed(1).padStart(10)}${"0.0".padStart(12)}  (a page with no code of ours, same Next.js and React)`,
      );
    }
    let missed = false;
    for (const page of pages) {
      const result = await measure(base, page.path);
      const target = TARGETS[page.name];
      const gz = result.gzipped / KB;
      const verdict = target === undefined ? "" : gz <= target ? `≤ ${target}  PASS` : `≤ ${target}  MISS`;
      if (target !== undefined && gz > target) missed = true;
      const over = floorKb === null ? "" : (gz - floorKb).toFixed(1);
      console.log(
        `${page.name.padEnd(10)}${String(result.scripts).padStart(8)}${(result.raw / KB).toFixed(1).padStart(10)}${gz.toFixed(1).padStart(10)}${over.padStart(12)}  ${verdict}`,
      );
    }
    stop();
    process.exit(missed ? 1 : 0);
  } catch (error) {
    console.error(`size: ${error instanceof Error ? error.message : String(error)}`);
    console.error(log.split("\n").slice(-30).join("\n"));
    stop();
    process.exit(2);
  }
}

void main();
