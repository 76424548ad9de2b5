import { execFile } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import pg from "pg";

import { freePort } from "../embedded-postgres/network";

const run = promisify(execFile);
const CATCH_UP_TIMEOUT_MS = 30 * 60_000;

export interface Replica {
  url: string;
  dir: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A streaming replica of the bench database's server on this machine: `pg_basebackup` of the
 * whole server (with the replication settings it writes, -R) into a temporary directory, started
 * as a hot standby on a free port. PostgreSQL does not run as root, so as root the files and the
 * server belong to the `postgres` user. The primary must accept replication connections from
 * 127.0.0.1 (pg_hba.conf: `host replication all 127.0.0.1/32 …`).
 */
export async function startReplica(primaryUrl: string, log: (line: string) => void): Promise<Replica> {
  const primary = new URL(primaryUrl);
  const bindir = (await run("pg_config", ["--bindir"])).stdout.trim();
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", cmd, ...args], { maxBuffer: 16 << 20 })
      : run(cmd, args, { maxBuffer: 16 << 20 });

  const dir = await mkdtemp(path.join(os.tmpdir(), "jumys-bench-replica-"));
  if (asRoot) await run("chown", ["postgres:postgres", dir]);
  await chmod(dir, 0o700);
  const port = await freePort();
  const stop = async () => {
    await as(path.join(bindir, "pg_ctl"), ["-D", dir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const started = performance.now();
    await as(path.join(bindir, "pg_basebackup"), [
      "-h",
      primary.hostname,
      "-p",
      primary.port || "5432",
      "-U",
      decodeURIComponent(primary.username || "postgres"),
      "-D",
      dir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ]);
    log(`pg_basebackup into ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Packaged servers (Debian's) keep their configuration files outside the data directory, so the
    // copy has none: the standby gets its own, with the primary's memory and planner settings (-R
    // wrote the connection to the primary).
    const conf = [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      "hot_standby = on",
      ...(await Promise.all(
        ["shared_buffers", "effective_cache_size", "work_mem", "random_page_cost"].map(
          async (name) => `${name} = '${await primarySetting(primaryUrl, name)}'`,
        ),
      )),
    ];
    await writeFile(path.join(dir, "postgresql.conf"), `${conf.join("\n")}\n`);
    // Only this machine's bench connects to it.
    await writeFile(path.join(dir, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
    await writeFile(path.join(dir, "pg_ident.conf"), "");
    if (asRoot)
      await run("chown", [
        "postgres:postgres",
        ...["postgresql.conf", "pg_hba.conf", "pg_ident.conf"].map((f) => path.join(dir, f)),
      ]);
    const logFile = path.join(dir, "server.log");
    await as(path.join(bindir, "pg_ctl"), ["-D", dir, "-l", logFile, "-w", "start"]).catch(async (error: unknown) => {
      const log = await readFile(logFile, "utf8").catch(() => "");
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n${log.trim().split("\n").slice(-10).join("\n")}`,
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const url = new URL(primaryUrl);
  url.port = String(port);
  await waitUntilCaughtUp(primaryUrl, url.toString(), log).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: url.toString(), dir, port, stop };
}

async function primarySetting(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ setting: string }>(`SELECT current_setting($1) AS setting`, [name]);
    return rows[0]!.setting;
  } finally {
    await client.end();
  }
}

/** Until the standby has replayed everything the primary had written when it was asked. */
async function waitUntilCaughtUp(primaryUrl: string, replicaUrl: string, log: (line: string) => void) {
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  const target = (await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
  await primary.end();
  const deadline = performance.now() + CATCH_UP_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const replica = new pg.Client({ connectionString: replicaUrl });
    try {
      await replica.connect();
      const { rows } = await replica.query<{ standby: boolean; caught: boolean }>(
        "SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught",
        [target],
      );
      if (!rows[0]?.standby) throw new Error("the replica is not in recovery: it would not follow the primary");
      if (rows[0].caught) {
        log(`replica on ${new URL(replicaUrl).port} is a hot standby and has replayed the primary's WAL up to ${target}`);
        return;
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("the replica")) throw error;
    } finally {
      await replica.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the replica did not catch up within ${CATCH_UP_TIMEOUT_MS / 60_000} minutes`);
}

/** Transactions a server has committed in the bench database: which server served a run. */
export async function committedTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
