import type { PaymentProvider } from "@/generated/prisma/enums";
import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";

import { settleRefundInTransaction } from "./refunds";
import { BILLING_TRANSACTION } from "./transaction-options";

export interface RefundNotificationInput {
  provider: PaymentProvider;
  providerPaymentId: string;
  providerRefundId: string;
  amountTiyn: bigint;
  now?: Date;
}

/**
 * - PAYMENT_NOT_SEEN: the refunded payment is not recorded (yet): events can arrive out of order.
 *   Nothing is written; keep the notification and process it again after the payment's.
 * - SETTLED / DUPLICATE: it completed a refund finance requested through that payment.
 * - UNMATCHED: no requested refund of that amount: a refund made at the provider, outside the
 *   platform. Nothing is written; finance decides (flag).
 */
export type RefundNotificationResult =
  | { outcome: "PAYMENT_NOT_SEEN"; flag: true }
  | { outcome: "SETTLED"; refundId: number; flag: false }
  | { outcome: "DUPLICATE"; refundId: number; flag: false }
  | { outcome: "UNMATCHED"; paymentId: number; flag: true };

async function processNotification(tx: DbTx, input: RefundNotificationInput): Promise<RefundNotificationResult> {
  const payment = await tx.payment.findUnique({
    where: { provider_providerPaymentId: { provider: input.provider, providerPaymentId: input.providerPaymentId } },
    select: { id: true },
  });
  if (!payment) return { outcome: "PAYMENT_NOT_SEEN", flag: true };
  const known = await tx.refund.findUnique({
    where: { paymentId_providerRefundId: { paymentId: payment.id, providerRefundId: input.providerRefundId } },
    select: { id: true },
  });
  if (known) return { outcome: "DUPLICATE", refundId: known.id, flag: false };
  const requested = await tx.refund.findFirst({
    where: { paymentId: payment.id, status: "REQUESTED", amountTiyn: input.amountTiyn, providerRefundId: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!requested) return { outcome: "UNMATCHED", paymentId: payment.id, flag: true };
  const { changed } = await settleRefundInTransaction(tx, {
    refundId: requested.id,
    outcome: "COMPLETED",
    providerRefundId: input.providerRefundId,
    actor: SYSTEM_ACTOR,
    now: input.now,
  });
  // A concurrent copy of this notification settled it first.
  return { outcome: changed ? "SETTLED" : "DUPLICATE", refundId: requested.id, flag: false };
}

/** A provider's notice that a payment was refunded: the hook for the webhook layer. */
export function recordRefundNotification(input: RefundNotificationInput): Promise<RefundNotificationResult>;
export function recordRefundNotification(tx: DbTx, input: RefundNotificationInput): Promise<RefundNotificationResult>;
export function recordRefundNotification(
  a: DbTx | RefundNotificationInput,
  b?: RefundNotificationInput,
): Promise<RefundNotificationResult> {
  if (b !== undefined) return processNotification(a as DbTx, b);
  return db.$transaction((tx) => processNotification(tx, a as RefundNotificationInput), BILLING_TRANSACTION);
}
