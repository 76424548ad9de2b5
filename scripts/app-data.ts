/**
 * Where the launcher keeps what it generates: the embedded PostgreSQL's cluster and the
 * development AUTH_SECRET. `JUMYS_DATA_DIR` moves all of it (a relative path is taken from the
 * current directory); the default is `.data` in the repository.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A state the user has to fix; printed as one line, and the run ends with status 1. */
export class StartupError extends Error {}

export interface AppDataPaths {
  root: string;
  /** The cluster of `npm run dev` / `npm start`. */
  postgres: string;
  /** The cluster `npm test` starts when no PostgreSQL server answers; never the one above. */
  testPostgres: string;
  authSecret: string;
}

export function appDataPaths(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppDataPaths {
  const configured = env.JUMYS_DATA_DIR?.trim();
  const root = configured ? path.resolve(cwd, configured) : path.join(REPO, ".data");
  return {
    root,
    postgres: path.join(root, "postgres"),
    testPostgres: path.join(root, "test-postgres"),
    authSecret: path.join(root, "auth-secret"),
  };
}

/** The AUTH_SECRET kept in `paths.authSecret`, generated (readable by the owner only) on first use. */
export async function storedAuthSecret(paths: AppDataPaths, log: (line: string) => void = () => undefined): Promise<string> {
  const file = paths.authSecret;
  try {
    const stored = (await fs.readFile(file, "utf8")).trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new StartupError(`cannot read ${file}: ${oneLine(error)}; set AUTH_SECRET or fix the file`);
    }
  }
  const secret = randomBytes(48).toString("base64url");
  try {
    await fs.mkdir(paths.root, { recursive: true, mode: 0o700 });
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600 });
    // writeFile's mode only applies when it creates the file.
    await fs.chmod(file, 0o600);
  } catch (error) {
    throw new StartupError(`cannot write ${file}: ${oneLine(error)}; set AUTH_SECRET or make ${paths.root} writable`);
  }
  log(`auth: generated AUTH_SECRET into ${path.relative(process.cwd(), file) || file}`);
  return secret;
}

export function oneLine(error: unknown) {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
