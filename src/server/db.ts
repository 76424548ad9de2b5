import "server-only";

import { getEnv } from "@/env";

import { createPrismaClient, type Db } from "./db-client";
import { DEFAULT_READ_ROUTING, REPLICA_STATE_SQL, ReadRouter } from "./read-routing";

const globalForDb = globalThis as unknown as { jumysDb?: Db; jumysReadRouter?: ReadRouter<Db> };

export function getDb(): Db {
  // One client per process; dev reloads modules, so keep it on globalThis.
  globalForDb.jumysDb ??= createPrismaClient(getEnv().DATABASE_URL);
  return globalForDb.jumysDb;
}

/**
 * The application's Prisma client, created on first use so that importing a module
 * never needs configuration (builds, type generation).
 */
export const db: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getDb();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Where public reads go: the replica when one is configured and keeps up (see read-routing.ts). */
export function getReadRouter(): ReadRouter<Db> {
  globalForDb.jumysReadRouter ??= createReadRouter();
  return globalForDb.jumysReadRouter;
}

function createReadRouter(): ReadRouter<Db> {
  const url = getEnv().DATABASE_REPLICA_URL;
  const replica = url ? createPrismaClient(url) : null;
  return new ReadRouter(getDb(), replica, {
    ...DEFAULT_READ_ROUTING,
    probe: async () => {
      const rows = await replica!.$queryRawUnsafe<{ in_recovery: boolean; lag_seconds: number }[]>(REPLICA_STATE_SQL);
      return { inRecovery: rows[0]?.in_recovery === true, lagSeconds: Number(rows[0]?.lag_seconds ?? 0) };
    },
    onChange: (healthy, reason) =>
      console.warn(healthy ? `replica: serving public reads (${reason})` : `replica: left aside, the primary serves (${reason})`),
  });
}

/**
 * The client of the public read paths: search, the vacancy, company and school pages, the
 * directory and the sitemaps. Never for a write, nor for a read that must see the caller's own
 * writes (dashboards, cabinets): those use `db`.
 */
export const readDb: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const client = getReadRouter().client();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/**
 * After a committed write that dropped cached public pages: this process reads them from the
 * primary for a few seconds, so the pages rendered again do not come from a replica that has not
 * replayed the write yet.
 */
export function noteWriteForReads(): void {
  globalForDb.jumysReadRouter?.noteWrite();
}
