// Finding a server left by an earlier run
import { execFileSync } from "node:child_process";
import { readFileSync, readlinkSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import { code } from "./errors";

/** Which process started the running server, to tell a crashed run's leftover from a live one. */
export const OWNER_FILE = ".owner-pid";

interface RunningServer {
  pid: number;
  port: number;
  owner: "live" | "gone";
  ownerPid?: number;
}

export async function findRunningServer(dataDir: string, log: (line: string) => void): Promise<RunningServer | undefined> {
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

export function isAlive(pid: number) {
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
