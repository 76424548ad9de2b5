/**
 * Runs the app with nothing configured:
 *   tsx scripts/run-app.ts dev     (next dev)
 *   tsx scripts/run-app.ts start   (next start, after `next build`)
 * Extra arguments go to Next.
 *
 * Without DATABASE_URL it starts the embedded PostgreSQL in .data/postgres (JUMYS_DATA_DIR moves
 * .data), and restarts it if it dies; with it, it uses that server. Either way it applies the
 * migrations, seeds the demo data into an empty database, and prints where the app is and how to
 * sign in. AUTH_SECRET, when unset, is generated once and kept in .data/auth-secret.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { register } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { appDataPaths, oneLine, StartupError, storedAuthSecret } from "./app-data";
import { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { DEMO_SELLER, SELLER_ENV } from "../src/server/services/billing/documents/seller";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FORCE_KILL_AFTER_MS = 15_000;

type Mode = "dev" | "start";

let embedded: EmbeddedPostgres | undefined;
let next: ChildProcess | undefined;
let exiting = false;
let forcedExitCode: number | undefined;

async function main() {
  const [modeArg, ...nextArgs] = process.argv.slice(2);
  if (modeArg !== "dev" && modeArg !== "start") {
    console.error("usage: tsx scripts/run-app.ts dev|start [next options]");
    process.exit(2);
  }
  const mode: Mode = modeArg;
  installSignalHandlers();

  const port = parsePort(process.env.PORT ?? "3000");
  const nextEntry = findNext();
  if (mode === "start" && !existsSync(path.join(REPO, ".next", "BUILD_ID"))) {
    throw new StartupError("there is no production build to start: run `npx next build` first (or use `dev`)");
  }
  await checkPortFree(port);

  const paths = appDataPaths();
  const authSecret = process.env.AUTH_SECRET?.trim() || (await storedAuthSecret(paths, (line) => console.log(line)));
  const appUrl = process.env.APP_URL?.trim() || `http://localhost:${port}`;

  const external = process.env.DATABASE_URL?.trim();
  let databaseUrl: string;
  let databaseLabel: string;
  if (external) {
    databaseUrl = external;
    databaseLabel = `DATABASE_URL ${hidePassword(external)}`;
  } else {
    const dataDir = paths.postgres;
    embedded = await startEmbeddedPostgres({
      dataDir,
      log: dbLog,
      handleSignals: false,
      // A database that died is started again on the same port (the app's pool reconnects by
      // itself); one that cannot be brought back ends the launcher, so a supervisor restarts it.
      restartOnExit: {
        onGiveUp: (error) => {
          console.error(`jumys: ${error.message}; stopping the app`);
          void shutDown(1);
        },
      },
    });
    databaseUrl = embedded.url;
    databaseLabel = `embedded PostgreSQL at ${path.relative(process.cwd(), dataDir) || dataDir} (127.0.0.1:${embedded.port})`;
  }

  await migrate(databaseUrl);
  const accounts = await seed(databaseUrl, mode, Boolean(external), authSecret);

  printBanner({ appUrl, databaseLabel, accounts });

  // Production records each request's real peer address (scripts/socket-ip.mjs, see
  // TRUSTED_PROXY_COUNT); development runs `next dev` as it is.
  const preload = mode === "start" ? ["--import", pathToFileURL(path.join(REPO, "scripts", "socket-ip.mjs")).href] : [];
  const command = [...preload, nextEntry, mode, "--port", String(port), ...nextArgs];
  next = spawn(process.execPath, command, {
    cwd: REPO,
    stdio: "inherit",
    env: {
      ...process.env,
      ...devCheckoutProvider(mode, authSecret),
      ...demoSeller(accounts.length > 0),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: authSecret,
      APP_URL: appUrl,
      PORT: String(port),
    },
  });
  next.once("error", (error) => {
    console.error(`jumys: could not start Next.js: ${error.message}`);
    void finish(1);
  });
  next.once("exit", (code, signal) => {
    void finish(forcedExitCode ?? code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0));
  });
}

// ---------------------------------------------------------------------------------------------

async function migrate(databaseUrl: string) {
  const { applyMigrations } = await import("@/server/db/migrator");
  try {
    const result = await applyMigrations(databaseUrl, {
      migrationsDir: path.join(REPO, "prisma", "migrations"),
      log: (line) => console.log(`db: ${line}`),
    });
    if (result.applied.length === 0) console.log(`db: schema up to date (${result.alreadyApplied} migrations)`);
  } catch (error) {
    if (isConnectionError(error)) {
      throw new StartupError(`cannot connect to the database ${hidePassword(databaseUrl)}: ${oneLine(error)}`);
    }
    throw new StartupError(`migrations refused: ${oneLine(error)}`);
  }
}

const PROVIDER_VARIABLES = [
  "CLOUDPAYMENTS_PUBLIC_ID",
  "CLOUDPAYMENTS_API_SECRET",
  "FREEDOMPAY_MERCHANT_ID",
  "FREEDOMPAY_SECRET_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
];

/**
 * With the dev checkout on (`dev`, or DEV_CHECKOUT_PAGE=true) and no payment provider configured,
 * a CloudPayments test pair, so that card payments work through the dev checkout and the webhook
 * checks real signatures. Never when a provider is configured, never for a production start
 * unless the dev checkout was asked for.
 */
function devCheckoutProvider(mode: Mode, authSecret: string): Record<string, string> {
  const flag = process.env.DEV_CHECKOUT_PAGE?.trim().toLowerCase();
  const on = flag ? flag === "true" || flag === "1" : mode === "dev";
  if (!on || PROVIDER_VARIABLES.some((name) => process.env[name]?.trim())) return {};
  console.log("payments: no provider configured; the dev checkout plays CloudPayments with a test secret");
  return {
    CLOUDPAYMENTS_PUBLIC_ID: "test_dev_checkout",
    CLOUDPAYMENTS_API_SECRET: createHmac("sha256", authSecret).update("dev-checkout").digest("hex"),
  };
}

/**
 * A demo install (the demo accounts were seeded) prints the demo company's requisites on invoices
 * and acts when no seller is configured, as development does; a real install must configure them.
 */
function demoSeller(demo: boolean): Record<string, string> {
  if (!demo || Object.values(SELLER_ENV).some((name) => process.env[name]?.trim())) return {};
  console.log("documents: no seller configured; invoices and acts carry the demo company's requisites");
  return Object.fromEntries(
    (Object.keys(SELLER_ENV) as (keyof typeof SELLER_ENV)[]).map((field) => [SELLER_ENV[field], DEMO_SELLER[field]]),
  );
}

type Account = { role: string; email: string; password: string };

/**
 * Demo accounts have published passwords, an administrator among them, so a production start
 * against a real database does not get them unless asked for with SEED_DEMO=1.
 */
async function seed(databaseUrl: string, mode: Mode, external: boolean, authSecret: string): Promise<Account[]> {
  const wanted = process.env.SEED_DEMO?.trim().toLowerCase();
  const enabled = wanted ? ["1", "true", "yes"].includes(wanted) : mode === "dev" || !external;
  if (!enabled) {
    console.log(
      wanted
        ? `seed: skipped (SEED_DEMO=${wanted})`
        : "seed: skipped for a production start on DATABASE_URL (SEED_DEMO=1 adds the demo accounts)",
    );
    return [];
  }
  const [{ createPrismaClient }, { seedDemo }] = await Promise.all([import("@/server/db-client"), import("../prisma/seed/demo")]);
  const db = createPrismaClient(databaseUrl, { max: 2 });
  try {
    const result = await seedDemo(db, { log: (line) => console.log(`seed: ${line}`) });
    // The demo organisations' publication credits are bought through the billing services, which
    // run on the application's own client: server code, loaded as the server loads it.
    allowServerModules({ DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret });
    const [{ seedDemoCredits }, { seedDemoSchool }, app] = await Promise.all([
      import("../prisma/seed/demo-billing"),
      import("../prisma/seed/demo-school"),
      import("@/server/db"),
    ]);
    try {
      await seedDemoCredits(db, { log: (line) => console.log(`seed: ${line}`) });
      await seedDemoSchool(db, { log: (line) => console.log(`seed: ${line}`) });
    } finally {
      await app.db.$disconnect().catch(() => undefined);
    }
    return result.accounts;
  } catch (error) {
    throw new StartupError(`seeding the demo data failed: ${oneLine(error)}`);
  } finally {
    await db.$disconnect().catch(() => undefined);
  }
}

/**
 * Lets this process import server code: the `server-only` marker resolves to its empty build (as
 * under Next's react-server condition) and the configuration it reads is set.
 */
function allowServerModules(env: Record<string, string>) {
  const empty = pathToFileURL(path.join(REPO, "node_modules", "server-only", "empty.js")).href;
  register(
    `data:text/javascript,${encodeURIComponent(
      `export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : n(s, c); }`,
    )}`,
  );
  Object.assign(process.env, env);
}

function findNext() {
  const shim = path.join(REPO, "node_modules", ".bin", "next");
  if (!existsSync(shim)) throw new StartupError("Next.js is not installed: run `npm install` first");
  // Run Next's own script with this Node: on Windows .bin holds a .cmd shim, elsewhere a symlink.
  if (process.platform === "win32") return path.join(REPO, "node_modules", "next", "dist", "bin", "next");
  return realpathSync(shim);
}

function parsePort(value: string) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`PORT must be a port number, not "${value}"`);
  return port;
}

/** Next listens on every interface; so does this check. */
function checkPortFree(port: number) {
  return new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          error.code === "EADDRINUSE"
            ? `port ${port} is already in use (another app running?); stop it or set PORT to another port`
            : `cannot listen on port ${port}: ${error.message}`,
        ),
      );
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

// ---------------------------------------------------------------------------------------------
// Output

function dbLog(line: string) {
  // The server's routine messages (and their indented continuation lines) are noise here; its
  // fatal ones and this side's notes are not.
  const fromServer = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|\s)/.test(line);
  if (!fromServer || /\b(FATAL|PANIC):/.test(line)) console.log(`db: ${line}`);
}

function printBanner(info: { appUrl: string; databaseLabel: string; accounts: Account[] }) {
  const lines = ["", `  Jumys      ${info.appUrl}`, `  Database   ${info.databaseLabel}`];
  if (info.accounts.length > 0) {
    const rows = [["role", "email", "password"], ...info.accounts.map((a) => [a.role, a.email, a.password])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
    lines.push("  Demo sign-ins:");
    for (const row of rows) lines.push(`    ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("   ")}`.trimEnd());
  }
  lines.push("");
  console.log(lines.join("\n"));
}

function hidePassword(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

function isConnectionError(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  // Network failures, and PostgreSQL's "cannot connect now", auth failure, unknown database/role.
  return (
    typeof code === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "ECONNRESET", "EHOSTUNREACH", "57P03", "28P01", "28000", "3D000"].includes(code)
  );
}

// ---------------------------------------------------------------------------------------------
// Shutdown

function installSignalHandlers() {
  let received = 0;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      received++;
      if (!next) {
        // Still starting: nothing to wait for but the database.
        void finish(128 + (os.constants.signals[signal] ?? 0));
        return;
      }
      if (received === 1) {
        // Ctrl-C already reached Next through the terminal; a signal sent to this process alone
        // has not, and a second delivery of the same one is harmless.
        next.kill(signal);
        setTimeout(() => next?.kill("SIGKILL"), FORCE_KILL_AFTER_MS).unref();
      } else {
        next.kill("SIGKILL");
      }
    });
  }
}

/** Stops Next (if it runs) and then the database, and exits with `code` whatever Next answers. */
function shutDown(code: number) {
  forcedExitCode = code;
  if (!next || next.exitCode !== null || next.signalCode !== null) {
    void finish(code);
    return;
  }
  next.kill("SIGTERM");
  setTimeout(() => next?.kill("SIGKILL"), FORCE_KILL_AFTER_MS).unref();
}

async function finish(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  if (embedded) {
    await embedded
      .stop()
      .catch((error: unknown) => console.error(`db: stopping the embedded PostgreSQL failed: ${oneLine(error)}`));
  }
  process.exit(code);
}

main().catch(async (error: unknown) => {
  const known = error instanceof StartupError || error instanceof EmbeddedPostgresError;
  console.error(`jumys: ${known ? (error as Error).message : oneLine(error)}`);
  if (!known && process.env.DEBUG) console.error(error);
  await finish(1);
});
