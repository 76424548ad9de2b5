import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/**
 * The order's life, the only moves there are:
 *
 *   CART ──checkout──▶ PENDING ──money──▶ PAID ──activation──▶ ACTIVATED
 *                         │
 *                         ├──cancel (owner/manager)──▶ CANCELLED
 *                         └──deadline passed (job)───▶ EXPIRED
 *
 * A BALANCE checkout walks CART → PENDING → PAID → ACTIVATED in one transaction. PAID that stays
 * PAID is money received that activation could not use (see record-payment.ts): the money is on the
 * balance. ACTIVATED, CANCELLED and EXPIRED are final: activation cannot be undone or paused (H 4.7);
 * money arriving later for a cancelled or expired order goes to the balance and leaves it as it is.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  CART: ["PENDING"],
  PENDING: ["PAID", "CANCELLED", "EXPIRED"],
  PAID: ["ACTIVATED"],
  ACTIVATED: [],
  CANCELLED: [],
  EXPIRED: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** The column each state stamps with the moment it was reached. */
const STAMPS: Partial<Record<OrderStatus, "paidAt" | "activatedAt" | "cancelledAt" | "expiredAt">> = {
  PAID: "paidAt",
  ACTIVATED: "activatedAt",
  CANCELLED: "cancelledAt",
  EXPIRED: "expiredAt",
};

/**
 * Moves an order from `from` to `to` if it is still in `from` (a conditional update, so a
 * concurrent move is detected rather than overwritten). `extra` carries what the move freezes.
 */
export async function transitionOrder(
  tx: DbTx,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  at: Date,
  extra: Omit<Prisma.OrderUpdateManyMutationInput, "status"> = {},
): Promise<void> {
  if (!canTransition(from, to)) throw new Error(`order transition ${from} → ${to} does not exist`);
  const stamp = STAMPS[to];
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: from },
    data: { ...extra, status: to, ...(stamp ? { [stamp]: at } : {}) },
  });
  if (count !== 1) throw new DomainError("CONFLICT", "errors.billing.orderChanged");
}
