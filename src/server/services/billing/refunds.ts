import type { PaymentStatus } from "@/generated/prisma/enums";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { requireFinance } from "./billing-access";
import { lockBillingAccount, postEntry } from "./ledger";
import { requireReason } from "./reason";
import { BILLING_TRANSACTION } from "./transaction-options";

export interface RefundBalanceInput {
  organizationId: number;
  amountTiyn: bigint;
  reason: string;
  /** The card payment to refund through; none = by bank transfer. */
  paymentId?: number | null;
  actor: Actor;
  now?: Date;
}

/**
 * Pays back unspent balance (finance). The money leaves the balance now (a REFUND entry), so it
 * cannot be spent while the refund is under way; never more than the balance, and through a
 * payment never more than that payment has left unrefunded. Spent money is not refundable: what
 * an activation bought is not returned (H 4.8, 17.15).
 */
export async function refundBalance(input: RefundBalanceInput) {
  const actor = await requireFinance(input.actor);
  if (input.amountTiyn <= 0n) throw new DomainError("VALIDATION", "errors.billing.amountInvalid", { field: "amountTiyn" });
  const reason = requireReason(input.reason);
  const now = input.now ?? new Date();

  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
    if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
    const paymentId = input.paymentId ?? null;
    if (paymentId !== null) {
      const rows = await tx.$queryRaw<{ organization_id: number; amount_tiyn: bigint }[]>`
        SELECT organization_id, amount_tiyn FROM payments WHERE id = ${paymentId} FOR UPDATE`;
      const payment = rows[0];
      if (!payment || payment.organization_id !== input.organizationId)
        throw new DomainError("NOT_FOUND", "errors.billing.paymentNotFound", { field: "paymentId" });
      const taken = await tx.refund.aggregate({
        where: { paymentId, status: { in: ["REQUESTED", "COMPLETED"] } },
        _sum: { amountTiyn: true },
      });
      if ((taken._sum.amountTiyn ?? 0n) + input.amountTiyn > BigInt(payment.amount_tiyn))
        throw new DomainError("CONFLICT", "errors.billing.refundExceedsPayment", { field: "amountTiyn" });
    }
    const balance = await lockBillingAccount(tx, input.organizationId);
    if (input.amountTiyn > balance)
      throw new DomainError("CONFLICT", "errors.billing.refundExceedsBalance", { field: "amountTiyn" });

    const refund = await tx.refund.create({
      data: {
        organizationId: input.organizationId,
        paymentId,
        amountTiyn: input.amountTiyn,
        reason,
        createdById: actor.userId,
        createdAt: now,
      },
      select: { id: true, status: true, amountTiyn: true, paymentId: true },
    });
    const entry = await postEntry(tx, {
      organizationId: input.organizationId,
      kind: "REFUND",
      amountTiyn: -input.amountTiyn,
      refundId: refund.id,
      reason,
      createdById: actor.userId,
    });
    await audit(
      tx,
      actor,
      "billing.refund.request",
      { type: "refund", id: refund.id },
      { reason, data: { organizationId: input.organizationId, amountTiyn: input.amountTiyn.toString(), paymentId } },
    );
    return { ...refund, balanceAfterTiyn: entry.balanceAfterTiyn };
  }, BILLING_TRANSACTION);
}

export interface SettleRefundInput {
  refundId: number;
  outcome: "COMPLETED" | "FAILED";
  providerRefundId?: string | null;
  /** The bank's reference of a refund by transfer, or the provider's message. */
  reference?: string | null;
  actor: Actor;
  now?: Date;
}

/**
 * The end of a refund: COMPLETED (money sent) or FAILED (the money goes back on the balance with
 * a second REFUND entry). Settling again with the same outcome is a no-op; the other outcome is
 * refused. Used by finance and by the provider's refund notification.
 */
export async function settleRefundInTransaction(
  tx: DbTx,
  input: SettleRefundInput,
): Promise<{ refundId: number; changed: boolean }> {
  const now = input.now ?? new Date();
  const rows = await tx.$queryRaw<
    { id: number; organization_id: number; payment_id: number | null; amount_tiyn: bigint; status: string }[]
  >`
    SELECT id, organization_id, payment_id, amount_tiyn, status::text FROM refunds WHERE id = ${input.refundId} FOR UPDATE`;
  const refund = rows[0];
  if (!refund) throw new DomainError("NOT_FOUND", "errors.billing.refundNotFound");
  if (refund.status === input.outcome) return { refundId: refund.id, changed: false };
  if (refund.status !== "REQUESTED") throw new DomainError("CONFLICT", "errors.billing.refundSettled");

  await tx.refund.update({
    where: { id: refund.id },
    data: {
      status: input.outcome,
      settledAt: now,
      settledById: input.actor.userId,
      providerRefundId: input.providerRefundId?.trim() || null,
      reference: input.reference?.trim().slice(0, 100) || null,
    },
  });
  const amount = BigInt(refund.amount_tiyn);
  if (input.outcome === "FAILED") {
    await postEntry(tx, {
      organizationId: refund.organization_id,
      kind: "REFUND",
      amountTiyn: amount,
      refundId: refund.id,
      createdById: input.actor.userId,
    });
  } else if (refund.payment_id !== null) {
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: refund.payment_id }, select: { amountTiyn: true } });
    const refunded = await tx.refund.aggregate({
      where: { paymentId: refund.payment_id, status: "COMPLETED" },
      _sum: { amountTiyn: true },
    });
    const status: PaymentStatus = (refunded._sum.amountTiyn ?? 0n) >= payment.amountTiyn ? "REFUNDED" : "PARTIALLY_REFUNDED";
    await tx.payment.update({ where: { id: refund.payment_id }, data: { status } });
  }
  await audit(tx, input.actor, "billing.refund.settle", { type: "refund", id: refund.id }, { data: { outcome: input.outcome } });
  return { refundId: refund.id, changed: true };
}

/** Finance settles a refund by hand (a bank refund, or a provider that does not notify). */
export async function settleRefund(input: SettleRefundInput): Promise<{ refundId: number; changed: boolean }> {
  const actor = await requireFinance(input.actor);
  return db.$transaction((tx) => settleRefundInTransaction(tx, { ...input, actor }), BILLING_TRANSACTION);
}
