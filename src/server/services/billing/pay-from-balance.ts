import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { activateOrder, planActivation } from "./activation";
import { requireBillingMember } from "./billing-access";
import { postEntry } from "./ledger";
import { transitionOrder } from "./order-transitions";
import { BILLING_TRANSACTION } from "./transaction-options";

export interface BalanceSettlement {
  orderId: number;
  balanceAfterTiyn: bigint;
  actNumber: string;
}

/**
 * Pays a PENDING order (locked by the caller) from the prepaid balance and activates it: the
 * PURCHASE entry, PAID, then ACTIVATED. A short balance or an order that cannot be activated
 * throws, and the caller's transaction takes everything back.
 */
export async function settleOrderFromBalance(
  tx: DbTx,
  order: { id: number; organizationId: number; amountTiyn: bigint },
  now: Date,
  actor: Actor,
): Promise<BalanceSettlement> {
  const plan = await planActivation(tx, order, now);
  if (!plan.ok) throw new DomainError("CONFLICT", "errors.billing.noRunningAccess");
  const entry = await postEntry(tx, {
    organizationId: order.organizationId,
    kind: "PURCHASE",
    amountTiyn: -order.amountTiyn,
    orderId: order.id,
    createdById: actor.userId,
  });
  await transitionOrder(tx, order.id, "PENDING", "PAID", now, { paymentMethod: "BALANCE" });
  await audit(
    tx,
    actor,
    "billing.order.pay_from_balance",
    { type: "order", id: order.id },
    { data: { amountTiyn: order.amountTiyn.toString(), balanceAfterTiyn: entry.balanceAfterTiyn.toString() } },
  );
  const { actNumber } = await activateOrder(tx, order, plan.grants, now, actor);
  return { orderId: order.id, balanceAfterTiyn: entry.balanceAfterTiyn, actNumber };
}

export interface PayOrderFromBalanceInput {
  organizationId: number;
  orderId: number;
  actor: Actor;
  now?: Date;
}

/**
 * Pays an order already checked out (by card or invoice, not paid yet) from the balance instead:
 * for money that a late payment or a top-up left there.
 */
export async function payOrderFromBalance(input: PayOrderFromBalanceInput): Promise<BalanceSettlement> {
  await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; status: string; amount_tiyn: bigint | null; expires_at: Date | null }[]>`
      SELECT id, status::text, amount_tiyn, expires_at FROM orders
      WHERE id = ${input.orderId} AND organization_id = ${input.organizationId}
      FOR UPDATE`;
    const order = rows[0];
    if (!order) throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
    if (order.status !== "PENDING" || order.amount_tiyn === null)
      throw new DomainError("CONFLICT", "errors.billing.orderNotPending");
    if (order.expires_at && order.expires_at <= now) throw new DomainError("CONFLICT", "errors.billing.orderExpired");
    return settleOrderFromBalance(
      tx,
      { id: order.id, organizationId: input.organizationId, amountTiyn: BigInt(order.amount_tiyn) },
      now,
      input.actor,
    );
  }, BILLING_TRANSACTION);
}
