import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

import type { ServiceUser } from "./service-user";

export const execFileAsync = promisify(execFile);

export async function run(file: string, args: string[], runAs: ServiceUser | undefined) {
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

export function pipeLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void) {
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

/** Whether `promise` settles within `ms`; the timer is cleared so it never holds the process open. */
export function within(promise: Promise<void>, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export function sleep(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
