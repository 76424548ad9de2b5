import { auditMany, SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";

import { postEntry } from "./ledger";
import { BILLING_JOB_TRANSACTION } from "./transaction-options";

const DEFAULT_BATCH_SIZE = 500;

/**
 * Ends entitlements whose period is over: unused units are forfeited (H 4.7-4.8, 17.15) and the
 * ledger records it with a FORFEIT entry of amount 0 naming the entitlement (no money moves: it
 * was spent at purchase). Batches lock their rows with SKIP LOCKED and look only at rows not yet
 * forfeited, so runs can overlap or repeat without doing anything twice; a unit being consumed or
 * returned at that moment is left for the next run.
 */
export async function expireEntitlements(
  now: Date = new Date(),
  options: { batchSize?: number } = {},
): Promise<{ expired: number; unitsForfeited: number }> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  let expired = 0;
  let unitsForfeited = 0;
  for (;;) {
    const batch = await db.$transaction((tx) => expireBatch(tx, now, batchSize), BILLING_JOB_TRANSACTION);
    expired += batch.expired;
    unitsForfeited += batch.unitsForfeited;
    if (batch.expired < batchSize) break;
  }
  return { expired, unitsForfeited };
}

async function expireBatch(tx: DbTx, now: Date, batchSize: number): Promise<{ expired: number; unitsForfeited: number }> {
  // Accounts are locked in organisation order, so two overlapping runs never wait on each other in a circle.
  const rows = await tx.$queryRaw<{ id: number; organization_id: number; unused: number }[]>`
    SELECT id, organization_id, units_total - units_used AS unused FROM entitlements
    WHERE forfeited_at IS NULL AND valid_until <= ${now}
    ORDER BY id
    LIMIT ${batchSize}
    FOR UPDATE SKIP LOCKED`;
  rows.sort((a, b) => a.organization_id - b.organization_id || a.id - b.id);
  let unitsForfeited = 0;
  for (const row of rows) {
    await tx.entitlement.update({ where: { id: row.id }, data: { forfeitedAt: now, unitsForfeited: row.unused } });
    if (row.unused > 0) {
      await postEntry(tx, { organizationId: row.organization_id, kind: "FORFEIT", amountTiyn: 0n, entitlementId: row.id });
      unitsForfeited += row.unused;
    }
  }
  await auditMany(
    tx,
    SYSTEM_ACTOR,
    "billing.entitlement.forfeit",
    rows.map((row) => ({ type: "entitlement", id: row.id })),
  );
  return { expired: rows.length, unitsForfeited };
}
