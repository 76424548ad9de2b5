import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { realpathSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Children run in process groups of their own so that one signal stops them and whatever they spawned. */
const running = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the child's group, SIGKILL if it has not exited after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // Grandchildren that outlived their parent.
  signalGroup(child, "SIGKILL");
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child)));
}

/** Runs a Node entry point to completion, its output prefixed line by line; rejects on a non-zero exit. */
export function runStreaming(label: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const options: SpawnOptions = { cwd: REPO, env, detached: true, stdio: ["ignore", "pipe", "pipe"] };
    const child = track(spawn(process.execPath, args, options));
    pipeLines(child, (line) => console.log(`  ${label} | ${line}`));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

export function pipeLines(child: ChildProcess, onLine: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    });
    stream.on("end", () => {
      if (pending.trim()) onLine(pending);
    });
  }
}

/** Next's own CLI script, run with this Node (as scripts/run-app.ts does). */
export function nextBin(): string {
  const shim = path.join(REPO, "node_modules", ".bin", "next");
  if (!existsSync(shim)) throw new Error("Next.js is not installed: run `npm ci` first");
  return realpathSync(shim);
}

/** tsx's CLI, so that scripts run with the same loader as this one. */
export function tsxBin(): string {
  const cli = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
  if (!existsSync(cli)) throw new Error("tsx is not installed: run `npm ci` first");
  return cli;
}
