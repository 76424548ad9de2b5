import type { OrderStatus, PaymentCreditReason } from "@/generated/prisma/enums";

/**
 * What money arriving for an order does, by the order's status at that moment (read under the
 * order's lock). This table is the payment state machine; record-payment.ts only carries it out.
 *
 *   ACTIVATE  TOP_UP +amount, PURCHASE −total, order PAID → ACTIVATED (H 2.2.4). If activation is
 *             impossible (a pack of views whose access has ended), the order stays PAID and the
 *             money stays on the balance: outcome CREDITED / NOT_ACTIVATABLE.
 *   CREDIT    TOP_UP +amount only; the order is left as it is and finance is told (flag).
 *   REJECT    nothing is written; the caller flags the notification for finance.
 *
 * Before the table is consulted, a payment already recorded under the same (provider,
 * provider_payment_id) returns its first result and writes nothing, and an amount or currency
 * that differs from the order's frozen total is rejected.
 *
 * Refunds announced by a provider are the other direction: record-refund-notification.ts. A refund
 * for a payment not recorded yet (events out of order) answers PAYMENT_NOT_SEEN and writes
 * nothing, so the webhook layer keeps the notification and replays it once the payment is in.
 */
export type PaymentAction =
  | { action: "ACTIVATE" }
  | { action: "CREDIT"; reason: PaymentCreditReason }
  | { action: "REJECT"; reason: "ORDER_NOT_CHECKED_OUT" };

export const PAYMENT_ON_ORDER: Readonly<Record<OrderStatus, PaymentAction>> = {
  CART: { action: "REJECT", reason: "ORDER_NOT_CHECKED_OUT" },
  PENDING: { action: "ACTIVATE" },
  PAID: { action: "CREDIT", reason: "ALREADY_PAID" },
  ACTIVATED: { action: "CREDIT", reason: "ALREADY_PAID" },
  CANCELLED: { action: "CREDIT", reason: "ORDER_CANCELLED" },
  EXPIRED: { action: "CREDIT", reason: "ORDER_EXPIRED" },
};
