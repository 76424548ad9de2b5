import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import { libraryHint, type Binaries } from "./binaries";
import { code, EmbeddedPostgresError, reason } from "./errors";
import { canSearch, checkReachable, type ServiceUser } from "./service-user";
import { run } from "./util";

export const SUPERUSER = "postgres";
/** Kept inside the cluster's directory so that deleting the directory resets everything. */
const PASSWORD_FILE = ".superuser-password";

export async function prepareParent(dataDir: string, runAs: ServiceUser | undefined) {
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

export async function inspectDataDir(dataDir: string, binaries: Binaries): Promise<"empty" | "cluster"> {
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

export async function checkOwnership(dataDir: string) {
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

export async function readPassword(dataDir: string) {
  return (await fs.readFile(path.join(dataDir, PASSWORD_FILE), "utf8")).trim();
}

/**
 * initdb runs in a sibling directory that is renamed into place when complete, so an interrupted
 * initialisation never leaves a half-made cluster where the next run would try to use it.
 */
export async function initCluster(
  dataDir: string,
  binaries: Binaries,
  runAs: ServiceUser | undefined,
  log: (line: string) => void,
) {
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

/** initdb's encoding and locale options. */
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
