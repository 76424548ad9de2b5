import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";

/** A Prisma client for one connection string; scripts, seeds and tests create their own. */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  // JIT compilation costs more than it saves on the short queries of a web application
  // (it added ~100 ms to aggregate queries over the search table).
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, options: "-c jit=off" });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client or an interactive transaction: services accept either. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
