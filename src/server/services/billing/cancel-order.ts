import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireBillingMember } from "./billing-access";
import { transitionOrder } from "./order-transitions";
import { BILLING_TRANSACTION } from "./transaction-options";

/**
 * Cancels an order that waits for payment. Money that still arrives for it later goes to the
 * balance (record-payment.ts), so cancelling never loses a payment already under way.
 */
export async function cancelOrder(input: { organizationId: number; orderId: number; actor: Actor; now?: Date }): Promise<void> {
  await requireBillingMember(input.actor, input.organizationId);
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM orders WHERE id = ${input.orderId} AND organization_id = ${input.organizationId} FOR UPDATE`;
    const order = rows[0];
    if (!order || order.status === "CART") throw new DomainError("NOT_FOUND", "errors.billing.orderNotFound");
    if (order.status !== "PENDING") throw new DomainError("CONFLICT", "errors.billing.orderNotPending");
    await transitionOrder(tx, input.orderId, "PENDING", "CANCELLED", now);
    await audit(tx, input.actor, "billing.order.cancel", { type: "order", id: input.orderId });
  }, BILLING_TRANSACTION);
}
