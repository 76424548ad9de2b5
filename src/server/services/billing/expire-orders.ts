import { auditMany, SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";

import { canTransition } from "./order-transitions";
import { BILLING_JOB_TRANSACTION } from "./transaction-options";

const DEFAULT_BATCH_SIZE = 500;

/**
 * Marks orders whose payment window has passed EXPIRED. An order a payment is being recorded for
 * is locked and skipped (SKIP LOCKED): the payment decides first, and the next run sees the result.
 */
export async function expireOrders(now: Date = new Date(), options: { batchSize?: number } = {}): Promise<{ expired: number }> {
  if (!canTransition("PENDING", "EXPIRED")) throw new Error("PENDING orders cannot expire");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  let expired = 0;
  for (;;) {
    const ids = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number }[]>`
        WITH due AS (
          SELECT id FROM orders
          WHERE status = 'PENDING' AND expires_at <= ${now}
          ORDER BY id
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED
        )
        UPDATE orders o SET status = 'EXPIRED', expired_at = ${now}, updated_at = ${now}
        FROM due WHERE o.id = due.id AND o.status = 'PENDING'
        RETURNING o.id`;
      await auditMany(
        tx,
        SYSTEM_ACTOR,
        "billing.order.expire",
        rows.map((row) => ({ type: "order", id: row.id })),
      );
      return rows;
    }, BILLING_JOB_TRANSACTION);
    expired += ids.length;
    if (ids.length < batchSize) break;
  }
  return { expired };
}
