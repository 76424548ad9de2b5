import "server-only";

import { getEnv } from "@/env";

import { createPrismaClient, type Db } from "./db-client";

const globalForDb = globalThis as unknown as { jumysDb?: Db };

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
