import type { DbTx } from "@/server/db-client";

// An arbitrary constant naming "a seeker's subscriptions" among the advisory locks.
const SUBSCRIPTIONS_LOCK = 0x5375_6273;

/**
 * Serialises changes to one seeker's subscriptions until the transaction ends, so two requests at
 * once cannot both pass the limit or the duplicate check.
 */
export async function lockSubscriptions(tx: DbTx, userId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SUBSCRIPTIONS_LOCK}::int4, ${userId}::int4)`;
}
