import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

import { libraryHint, type Binaries } from "./binaries";
import { EmbeddedPostgresError, summary } from "./errors";
import { choosePort } from "./network";
import { isAlive } from "./running-server";
import type { ServiceUser } from "./service-user";
import { pipeLines, run, sleep, within } from "./util";

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startServer(params: {
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

export async function stopChild(child: ChildProcess, binaries: Binaries, dataDir: string, runAs: ServiceUser | undefined) {
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

export async function stopPid(pid: number, binaries: Binaries, dataDir: string, runAs: ServiceUser | undefined) {
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
