// Running as root: PostgreSQL refuses to, so initdb and the server run as another user.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

import { EmbeddedPostgresError } from "./errors";
import { execFileAsync } from "./util";

export interface ServiceUser {
  name: string;
  uid: number;
  gid: number;
}

/** `postgres` where that account exists (any distribution's PostgreSQL package makes it), else `nobody`. */
export function serviceUser(): ServiceUser | undefined {
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

export function canSearch(stat: { uid: number; gid: number; mode: number }, user: ServiceUser) {
  if (stat.uid === user.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === user.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

/** Every directory above `target` must let the service user pass through. */
export async function checkReachable(target: string, user: ServiceUser, what: string) {
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

export async function ownTree(dir: string, user: ServiceUser) {
  const stat = await fs.stat(dir);
  if (stat.uid === user.uid) return;
  // A cluster copied in or initialised by hand as root: hand all of it to the service user.
  await execFileAsync("chown", ["-R", `${user.uid}:${user.gid}`, dir]);
}
