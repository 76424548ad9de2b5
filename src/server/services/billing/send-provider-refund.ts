import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireFinance } from "./billing-access";
import { PROVIDER_ENUM } from "./process-notification";
import { ProviderResponseError, type ProviderId } from "./providers/payment-provider";
import type { PaymentProviderRegistry } from "./providers/registry";
import { settleRefundInTransaction } from "./refunds";
import { BILLING_TRANSACTION } from "./transaction-options";

const PROVIDER_ID = Object.fromEntries(Object.entries(PROVIDER_ENUM).map(([id, value]) => [value, id as ProviderId]));

export type SendRefundResult =
  | { status: "COMPLETED"; providerRefundId: string | null }
  | { status: "PENDING"; providerRefundId: string | null }
  | { status: "FAILED"; message: string };

/**
 * Sends a requested card refund to its payment's provider and settles it from the answer: done →
 * COMPLETED; refused → FAILED (the money goes back on the balance); accepted for later → stays
 * REQUESTED until the provider's refund notification settles it. No answer at all leaves it
 * REQUESTED and says so: the call carries the refund's own idempotency key, so sending again is safe.
 */
export async function sendProviderRefund(
  refundId: number,
  providers: PaymentProviderRegistry,
  actorIn: Actor,
  now: Date = new Date(),
): Promise<SendRefundResult> {
  const actor = await requireFinance(actorIn);
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: { id: true, status: true, amountTiyn: true, payment: { select: { provider: true, providerPaymentId: true } } },
  });
  if (!refund) throw new DomainError("NOT_FOUND", "errors.billing.refundNotFound");
  if (refund.status !== "REQUESTED") throw new DomainError("CONFLICT", "errors.billing.refundSettled");
  const providerId = refund.payment ? PROVIDER_ID[refund.payment.provider] : undefined;
  if (!refund.payment || !providerId) throw new DomainError("CONFLICT", "errors.billing.refundNotByCard");
  const provider = providers.get(providerId);
  if (!provider) throw new DomainError("CONFLICT", "errors.billing.providerUnavailable");

  let outcome;
  try {
    outcome = await provider.refund({
      providerPaymentId: refund.payment.providerPaymentId,
      amountTiyn: refund.amountTiyn,
      idempotencyKey: `refund-${refund.id}`,
    });
  } catch (error) {
    if (error instanceof ProviderResponseError) throw new DomainError("UNAVAILABLE", "errors.billing.providerNoAnswer");
    throw error;
  }

  return db.$transaction(async (tx) => {
    if (outcome.status === "failed") {
      await settleRefundInTransaction(tx, { refundId, outcome: "FAILED", reference: outcome.message, actor, now });
      return { status: "FAILED", message: outcome.message } as const;
    }
    if (outcome.status === "succeeded") {
      await settleRefundInTransaction(tx, {
        refundId,
        outcome: "COMPLETED",
        providerRefundId: outcome.providerRefundId,
        actor,
        now,
      });
      return { status: "COMPLETED", providerRefundId: outcome.providerRefundId } as const;
    }
    await tx.refund.update({ where: { id: refundId }, data: { providerRefundId: outcome.providerRefundId } });
    await audit(
      tx,
      actor,
      "billing.refund.send",
      { type: "refund", id: refundId },
      { data: { provider: providerId, providerRefundId: outcome.providerRefundId } },
    );
    return { status: "PENDING", providerRefundId: outcome.providerRefundId } as const;
  }, BILLING_TRANSACTION);
}
