/**
 * Which PostgreSQL server the tests use:
 *   1. TEST_DATABASE_ADMIN_URL when it is set;
 *   2. otherwise the server that answers at the default URL (127.0.0.1:5432, as on CI);
 *   3. otherwise the embedded PostgreSQL that `npm run dev` uses, started here on its own cluster
 *      (`.data/test-postgres`, under JUMYS_DATA_DIR when set) and stopped by the caller.
 * `npm test` resolves it once and hands TEST_DATABASE_ADMIN_URL to the integration and end-to-end
 * stages; the integration global setup does the same when run on its own.
 */
import pg from "pg";

import { appDataPaths } from "../../scripts/app-data";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabaseSource = "TEST_DATABASE_ADMIN_URL" | "system" | "embedded";

export interface TestDatabase {
  /** A superuser connection to the server's `postgres` database: tests create their databases here. */
  adminUrl: string;
  source: TestDatabaseSource;
  /** Stops the embedded server this call started; does nothing for the others. */
  stop: () => Promise<void>;
}

export interface ResolveOptions {
  env?: Record<string, string | undefined>;
  /**
   * The server to look for when TEST_DATABASE_ADMIN_URL is unset. Defaults to
   * TEST_DATABASE_DEFAULT_URL (for trying the embedded path on a machine that has a server) or
   * 127.0.0.1:5432.
   */
  probeUrl?: string;
  /** The embedded cluster's directory; defaults to `<data dir>/test-postgres`. */
  dataDir?: string;
  log?: (line: string) => void;
}

/** Whether a PostgreSQL server accepts a connection at `url` (within a few seconds). */
export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function resolveTestDatabase(options: ResolveOptions = {}): Promise<TestDatabase> {
  const env = options.env ?? process.env;
  const configured = env.TEST_DATABASE_ADMIN_URL?.trim();
  if (configured) return { adminUrl: configured, source: "TEST_DATABASE_ADMIN_URL", stop: async () => undefined };

  const probeUrl = options.probeUrl ?? (env.TEST_DATABASE_DEFAULT_URL?.trim() || DEFAULT_ADMIN_URL);
  if (await answers(probeUrl)) return { adminUrl: probeUrl, source: "system", stop: async () => undefined };

  const log = options.log ?? (() => undefined);
  log(`no PostgreSQL answers at ${hidePassword(probeUrl)}: starting the embedded one`);
  const server = await startEmbeddedPostgres({
    dataDir: options.dataDir ?? appDataPaths(env).testPostgres,
    handleSignals: true,
    log: (line) => {
      // Its routine messages (and their indented continuation lines) are noise here.
      if (/\b(FATAL|PANIC):/.test(line) || !/^(\d{4}-\d\d-\d\d |\s)/.test(line)) log(line);
    },
  });
  const admin = new URL(server.url);
  admin.pathname = "/postgres";
  return { adminUrl: admin.toString(), source: "embedded", stop: server.stop };
}

export function hidePassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** The line `npm test` prints: "tests use PostgreSQL at … (embedded)". */
export function describeTestDatabase(database: Pick<TestDatabase, "adminUrl" | "source">): string {
  return `tests use PostgreSQL at ${hidePassword(database.adminUrl)} (${database.source})`;
}
