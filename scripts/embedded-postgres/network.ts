import net from "node:net";

import pg from "pg";

import { SUPERUSER } from "./cluster";
import { EmbeddedPostgresError } from "./errors";

export const DEFAULT_PORT = 54329;
export const DATABASE_NAME = "jumys";

export async function choosePort(requested: number | undefined, log: (line: string) => void) {
  const wanted = requested ?? DEFAULT_PORT;
  if (await portIsFree(wanted)) return wanted;
  if (requested !== undefined) {
    throw new EmbeddedPostgresError(
      `port ${requested} is already in use by another program; pick another port or stop that program`,
    );
  }
  const free = await freePort();
  log(`port ${wanted} is taken by another program; using ${free}`);
  return free;
}

export function portIsFree(port: number, host = "127.0.0.1") {
  return new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function ensureDatabase(url: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [DATABASE_NAME]);
    if (exists.rowCount === 0) {
      await client.query(`create database ${client.escapeIdentifier(DATABASE_NAME)}`).catch((error: unknown) => {
        // Another process created it between our check and our create.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export function connectionUrl(password: string, port: number) {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}
