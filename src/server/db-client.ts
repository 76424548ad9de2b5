import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/generated/prisma/client";

/** A Prisma client for one connection string; scripts, seeds and tests create their own. */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client or an interactive transaction: services accept either. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
