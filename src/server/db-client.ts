import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/generated/prisma/client";

const CONNECT_TIMEOUT_MS = 5_000;

/** A Prisma client for one connection string; scripts, seeds and tests create their own. */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  // JIT compilation costs more than it saves on the short queries of a web application
  // (it added ~100 ms to aggregate queries over the search table). work_mem at 32 MB (the default
  // is 4 MB) keeps the bitmaps of frequent search words exact: a lossy bitmap rechecks every row of
  // its pages, which made a text + filters search 1.5 times slower. Ten connections use at most a
  // few hundred megabytes, and only while such a query runs. Parallel query is off: starting its
  // workers cost 40 ms on a search whose own work took 10 (a deep page's walk through the GIN index,
  // at a million vacancies), more than any statement here gains from them, and under load the
  // workers take the cores other requests are waiting for. random_page_cost at 1.1 (the default,
  // 4, prices a page read off a spinning disk) says what is true of a server whose tables sit in
  // memory or on SSD: with 4, the planner answered "водитель" sorted by salary (154,151 matches at
  // a million vacancies) by checking the words of every row of the table, 1.3 s, where the GIN
  // index finds them for the sort in 0.17 s.
  //
  // When the server goes away (a restart, a crash, a network cut) the pool drops the broken
  // connections and opens new ones on demand, so the app recovers by itself once the server is
  // back; meanwhile queries fail at once (503, src/server/db-unavailable.ts). The connect timeout
  // keeps a server that does not answer at all from holding requests for ever.
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    options: "-c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0 -c random_page_cost=1.1",
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // A burst of writes (a seeker double-submitting, an import next to a hundred applications) can
  // queue more interactive transactions than the pool has connections; Prisma's defaults (2 s to
  // get a connection, 5 s in all) turned such a queue on a busy server into errors rather than a
  // short wait. Transactions here are short; these bounds only keep a stuck one from holding on.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 15_000 } });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

// A registered symbol: a bundle of the app may hold more than one copy of this module (each
// route its own), and a client made by one copy must be found by the others.
const POOL = Symbol.for("jumys.pgPool");

/**
 * The connection pool under a client of createPrismaClient (its connections, settings and limits),
 * for the few statements whose parameters are megabytes: Prisma hands raw parameters to its driver
 * as JSON, serialised and parsed again, which for a digest's batches of emails (5 MB each) cost
 * seconds of the run. Everything else goes through Prisma.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as unknown as Partial<Record<typeof POOL, pg.Pool>>)[POOL];
  if (!pool) throw new Error("not a client of createPrismaClient");
  return pool;
}

export type Db = ReturnType<typeof createPrismaClient>;
/** The client or an interactive transaction: services accept either. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
