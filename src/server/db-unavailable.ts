/**
 * "The database cannot be reached right now" — the server is restarting, was killed, or the
 * network to it is down — as opposed to a query that is wrong. Such a request deserves 503 with
 * Retry-After (a load balancer or browser tries again; the pool reconnects by itself once the
 * server is back), never a 500 that looks like a bug.
 *
 * The errors come in several wrappings: node-postgres errors (a socket code, or a PostgreSQL
 * SQLSTATE), Prisma's known request errors (P1001 "can't reach", or P2010/P2039 with the driver
 * adapter's error in `meta`), and tRPC errors whose `cause` is one of those.
 */

/** Seconds a client is asked to wait; the embedded server restarts in about one. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);

/**
 * SQLSTATEs of a server that is not (or no longer) serving: class 08 (connection exception),
 * 57P01 admin_shutdown (also sent when the postmaster dies), 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, recovering), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300"]);

/** Prisma: can't reach, timed out, operations timed out, server closed the connection, pool timeout. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** The driver adapter's error kinds for the same situations. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

const MESSAGES =
  /connection terminated|terminating connection due to|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|timeout exceeded when trying to connect|Can't reach database server/i;

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  originalCode?: unknown;
};

/** Whether `error` (or anything it wraps) says the database is unreachable or not serving. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== "object" || seen.has(current) || seen.size > 20) continue;
    seen.add(current);
    const e = current as Inspectable;
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof e.originalCode === "string" && UNAVAILABLE_SQLSTATES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
    if (current instanceof AggregateError) queue.push(...current.errors);
  }
  return false;
}

/** The answer of a route handler while the database is unavailable. */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { ok: false, error: "database unavailable" },
    {
      status: 503,
      headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    },
  );
}

/**
 * Wraps a route handler: a database outage becomes 503 with Retry-After; any other error is
 * rethrown untouched (Next answers it with 500 and logs it).
 */
export function withDatabaseUnavailable<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.error(`database unavailable: ${error instanceof Error ? error.message.trim().split("\n").pop() : String(error)}`);
      return databaseUnavailableResponse();
    }
  };
}
