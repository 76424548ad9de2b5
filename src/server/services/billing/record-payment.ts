import type { OrderStatus, PaymentCreditReason, PaymentOutcome, PaymentProvider } from "@/generated/prisma/enums";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { activateOrder, planActivation } from "./activation";
import { requireFinance } from "./billing-access";
import { postEntry } from "./ledger";
import { transitionOrder } from "./order-transitions";
import { PAYMENT_ON_ORDER } from "./payment-transitions";
import { BILLING_TRANSACTION } from "./transaction-options";

export interface RecordPaymentInput {
  /** The order, by id or by its number (what a bank transfer's purpose names). */
  orderId?: number;
  orderNumber?: string;
  provider: PaymentProvider;
  providerPaymentId: string;
  amountTiyn: bigint;
  currency: string;
  paidAt: Date;
  /** Bank transfers only (required there): the bank's reference of the transfer. */
  bankReference?: string | null;
  /** A provider's webhook acts as SYSTEM_ACTOR; a bank transfer is recorded by finance staff. */
  actor: Actor;
  now?: Date;
}

export type RejectReason = "ORDER_NOT_FOUND" | "ORDER_NOT_CHECKED_OUT" | "AMOUNT_MISMATCH" | "CURRENCY_MISMATCH";

/**
 * What recording did, for the webhook layer to answer the provider and to flag the notification
 * for finance (`flag`). ACTIVATED and CREDITED carry `duplicate` (this payment had been recorded
 * before: nothing was written now) and `differs` (that earlier record has another order or amount
 * than this call: a replay that does not match, worth a look).
 */
export type RecordPaymentResult =
  | { outcome: "ACTIVATED"; paymentId: number; orderId: number; duplicate: boolean; differs: boolean; flag: boolean }
  | {
      outcome: "CREDITED";
      reason: PaymentCreditReason;
      paymentId: number;
      orderId: number;
      duplicate: boolean;
      differs: boolean;
      flag: true;
    }
  | { outcome: "REJECTED"; reason: RejectReason; flag: true };

interface LockedOrder {
  id: number;
  organization_id: number;
  status: OrderStatus;
  amount_tiyn: bigint | null;
  currency: string;
}

async function lockOrder(tx: DbTx, input: RecordPaymentInput): Promise<LockedOrder | null> {
  const rows =
    input.orderId !== undefined
      ? await tx.$queryRaw<LockedOrder[]>`
          SELECT id, organization_id, status::text AS status, amount_tiyn, currency FROM orders WHERE id = ${input.orderId} FOR UPDATE`
      : await tx.$queryRaw<LockedOrder[]>`
          SELECT id, organization_id, status::text AS status, amount_tiyn, currency FROM orders WHERE number = ${input.orderNumber ?? ""} FOR UPDATE`;
  return rows[0] ?? null;
}

function asResult(
  payment: { id: number; orderId: number; outcome: PaymentOutcome; creditReason: PaymentCreditReason | null },
  extra: { duplicate: boolean; differs: boolean },
): RecordPaymentResult {
  if (payment.outcome === "ACTIVATED")
    return { outcome: "ACTIVATED", paymentId: payment.id, orderId: payment.orderId, ...extra, flag: extra.differs };
  return {
    outcome: "CREDITED",
    reason: payment.creditReason ?? "ALREADY_PAID",
    paymentId: payment.id,
    orderId: payment.orderId,
    ...extra,
    flag: true,
  };
}

async function earlierResult(
  tx: DbTx,
  input: RecordPaymentInput,
  order: LockedOrder | null,
): Promise<RecordPaymentResult | null> {
  const payment = await tx.payment.findUnique({
    where: { provider_providerPaymentId: { provider: input.provider, providerPaymentId: input.providerPaymentId } },
    select: { id: true, orderId: true, outcome: true, creditReason: true, amountTiyn: true, currency: true },
  });
  if (!payment) return null;
  const differs = payment.orderId !== order?.id || payment.amountTiyn !== input.amountTiyn || payment.currency !== input.currency;
  return asResult(payment, { duplicate: true, differs });
}

async function record(tx: DbTx, input: RecordPaymentInput): Promise<RecordPaymentResult> {
  const now = input.now ?? new Date();
  const providerPaymentId = input.providerPaymentId.trim();
  if (providerPaymentId === "" || providerPaymentId.length > 100)
    throw new DomainError("VALIDATION", "errors.billing.paymentIdInvalid", { field: "providerPaymentId" });
  if ((input.orderId === undefined) === (input.orderNumber === undefined))
    throw new DomainError("VALIDATION", "errors.invalidInput", { field: "order" });
  let bankReference: string | null = null;
  if (input.provider === "BANK_TRANSFER") {
    await requireFinance(input.actor, tx);
    bankReference = input.bankReference?.trim() || null;
    if (!bankReference || bankReference.length > 100)
      throw new DomainError("VALIDATION", "errors.billing.bankReferenceRequired", { field: "bankReference" });
  }
  const call = { ...input, providerPaymentId };

  // The order's lock makes payments for one order (duplicates included) take turns; the unique
  // (provider, provider_payment_id) catches a reuse of the id for another order.
  const order = await lockOrder(tx, call);
  const earlier = await earlierResult(tx, call, order);
  if (earlier) return earlier;
  if (!order) return { outcome: "REJECTED", reason: "ORDER_NOT_FOUND", flag: true };

  const action = PAYMENT_ON_ORDER[order.status];
  if (action.action === "REJECT") return { outcome: "REJECTED", reason: action.reason, flag: true };
  if (call.currency !== order.currency) return { outcome: "REJECTED", reason: "CURRENCY_MISMATCH", flag: true };
  if (order.amount_tiyn === null || call.amountTiyn !== BigInt(order.amount_tiyn))
    return { outcome: "REJECTED", reason: "AMOUNT_MISMATCH", flag: true };

  const owner = { id: order.id, organizationId: order.organization_id };
  const plan = action.action === "ACTIVATE" ? await planActivation(tx, owner, now) : null;
  const outcome: PaymentOutcome = plan?.ok ? "ACTIVATED" : "CREDITED";
  const creditReason: PaymentCreditReason | null =
    action.action === "CREDIT" ? action.reason : plan?.ok ? null : "NOT_ACTIVATABLE";

  const inserted = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO payments (order_id, organization_id, provider, provider_payment_id, amount_tiyn, currency, outcome,
                          credit_reason, paid_at, bank_reference, recorded_by_id)
    VALUES (${order.id}, ${order.organization_id}, ${call.provider}::"PaymentProvider", ${providerPaymentId}, ${call.amountTiyn},
            ${call.currency}, ${outcome}::"PaymentOutcome", ${creditReason}::"PaymentCreditReason", ${call.paidAt},
            ${bankReference}, ${call.provider === "BANK_TRANSFER" ? call.actor.userId : null})
    ON CONFLICT (provider, provider_payment_id) DO NOTHING
    RETURNING id`;
  const paymentId = inserted[0]?.id;
  if (paymentId === undefined) {
    // Recorded meanwhile by a call for another order: that first record stands.
    const concurrent = await earlierResult(tx, call, order);
    if (!concurrent) throw new Error("payment conflict without a payment");
    return concurrent;
  }

  await postEntry(tx, { organizationId: order.organization_id, kind: "TOP_UP", amountTiyn: call.amountTiyn, paymentId });
  if (action.action === "ACTIVATE") await transitionOrder(tx, order.id, "PENDING", "PAID", call.paidAt);
  if (plan?.ok) {
    await postEntry(tx, {
      organizationId: order.organization_id,
      kind: "PURCHASE",
      amountTiyn: -call.amountTiyn,
      orderId: order.id,
    });
    await activateOrder(tx, owner, plan.grants, now, call.actor);
  }
  await audit(
    tx,
    call.actor,
    "billing.payment.record",
    { type: "payment", id: paymentId },
    {
      data: {
        orderId: order.id,
        provider: call.provider,
        amountTiyn: call.amountTiyn.toString(),
        outcome,
        creditReason,
        ...(bankReference ? { bankReference } : {}),
      },
    },
  );
  return asResult({ id: paymentId, orderId: order.id, outcome, creditReason }, { duplicate: false, differs: false });
}

/**
 * Records money a provider (or finance, for a bank transfer) reports as received for an order,
 * once: carried out by the table in payment-transitions.ts. A duplicate returns the first result;
 * a refusal (unknown order, unpaid cart, wrong amount or currency) writes nothing and says why.
 * Runs in the caller's transaction when given one (the webhook layer records its notification in
 * the same one), otherwise in its own.
 */
export function recordPayment(input: RecordPaymentInput): Promise<RecordPaymentResult>;
export function recordPayment(tx: DbTx, input: RecordPaymentInput): Promise<RecordPaymentResult>;
export function recordPayment(a: DbTx | RecordPaymentInput, b?: RecordPaymentInput): Promise<RecordPaymentResult> {
  if (b !== undefined) return record(a as DbTx, b);
  return db.$transaction((tx) => record(tx, a as RecordPaymentInput), BILLING_TRANSACTION);
}
