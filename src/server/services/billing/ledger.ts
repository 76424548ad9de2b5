import type { LedgerEntryKind } from "@/generated/prisma/enums";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/**
 * Locks the organisation's billing account (creating it at zero on first use) and returns its
 * balance. Every change of a balance starts here, so changes of one organisation's money happen
 * one at a time and each sees the balance the previous one left.
 */
export async function lockBillingAccount(tx: DbTx, organizationId: number): Promise<bigint> {
  await tx.$executeRaw`INSERT INTO billing_accounts (organization_id) VALUES (${organizationId}) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ balance_tiyn: bigint }[]>`
    SELECT balance_tiyn FROM billing_accounts WHERE organization_id = ${organizationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`billing account ${organizationId} vanished`);
  return BigInt(row.balance_tiyn);
}

export interface LedgerEntryInput {
  organizationId: number;
  kind: LedgerEntryKind;
  /** Signed: + in, - out. Zero only for FORFEIT (the database refuses it for the others). */
  amountTiyn: bigint;
  paymentId?: number | null;
  orderId?: number | null;
  refundId?: number | null;
  entitlementId?: number | null;
  reason?: string | null;
  createdById?: number | null;
}

export interface PostedEntry {
  id: number;
  balanceAfterTiyn: bigint;
}

/**
 * Appends one entry to the ledger inside the caller's transaction. The balance may never go below
 * zero: that is refused here with a message the buyer understands, before the database's own
 * check would refuse it. The insert's trigger moves the account's balance by the amount and
 * verifies balance_after, so the balance always equals the sum of the entries.
 */
export async function postEntry(tx: DbTx, input: LedgerEntryInput): Promise<PostedEntry> {
  const balance = await lockBillingAccount(tx, input.organizationId);
  const balanceAfterTiyn = balance + input.amountTiyn;
  if (balanceAfterTiyn < 0n) throw new DomainError("CONFLICT", "errors.billing.balanceShort");
  const entry = await tx.ledgerEntry.create({
    data: {
      organizationId: input.organizationId,
      kind: input.kind,
      amountTiyn: input.amountTiyn,
      balanceAfterTiyn,
      paymentId: input.paymentId ?? null,
      orderId: input.orderId ?? null,
      refundId: input.refundId ?? null,
      entitlementId: input.entitlementId ?? null,
      reason: input.reason ?? null,
      createdById: input.createdById ?? null,
    },
    select: { id: true, balanceAfterTiyn: true },
  });
  return entry;
}
