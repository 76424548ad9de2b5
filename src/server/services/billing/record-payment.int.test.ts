import { describe, expect, it } from "vitest";

import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";

import {
  createBuyer,
  createFinanceActor,
  createRegion,
  creditBalance,
  grantEntitlement,
} from "../../../../test/support/factories";

import { cancelOrder } from "./cancel-order";
import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import { expireOrders } from "./expire-orders";
import { balanceOf } from "./ledger-queries";
import { recordPayment, type RecordPaymentInput } from "./record-payment";
import { recordRefundNotification } from "./record-refund-notification";
import { refundBalance } from "./refunds";

const now = new Date("2026-06-15T10:00:00+05:00");
const HOUR = 3_600_000;
let paymentSeq = 0;
const providerId = () => `cp-${Date.now()}-${++paymentSeq}`;

async function pendingOrder(method: "CARD" | "INVOICE" = "CARD", lines: [string, number][] = [["vacancy.standard", 2]]) {
  const buyer = await createBuyer();
  for (const [productCode, quantity] of lines)
    await addCartLine({ organizationId: buyer.organizationId, productCode, quantity, actor: buyer.owner, now });
  const order = await checkout({ organizationId: buyer.organizationId, method, actor: buyer.owner, now });
  return { buyer, order };
}

const payment = (
  order: { orderId: number; amountTiyn: bigint },
  extra: Partial<RecordPaymentInput> = {},
): RecordPaymentInput => ({
  orderId: order.orderId,
  provider: "CLOUDPAYMENTS",
  providerPaymentId: providerId(),
  amountTiyn: order.amountTiyn,
  currency: "KZT",
  paidAt: new Date(now.getTime() + HOUR),
  actor: SYSTEM_ACTOR,
  now: new Date(now.getTime() + HOUR),
  ...extra,
});

const entriesOf = (organizationId: number) =>
  db.ledgerEntry.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: { kind: true, amountTiyn: true, balanceAfterTiyn: true },
  });

async function snapshot(organizationId: number) {
  return {
    entries: await db.ledgerEntry.count({ where: { organizationId } }),
    payments: await db.payment.count({ where: { organizationId } }),
    entitlements: await db.entitlement.count({ where: { organizationId } }),
    acts: await db.act.count({ where: { order: { organizationId } } }),
    orders: await db.order.findMany({
      where: { organizationId },
      orderBy: { id: "asc" },
      select: { status: true, paidAt: true },
    }),
    audits: await db.auditLog.count({ where: { action: { startsWith: "billing.payment" } } }),
  };
}

describe("a payment for an order waiting for it", () => {
  it("tops up, pays the order and activates it at once (H 2.2.4)", async () => {
    const { buyer, order } = await pendingOrder();
    const input = payment(order);
    const result = await recordPayment(input);
    expect(result).toEqual({
      outcome: "ACTIVATED",
      paymentId: expect.any(Number),
      orderId: order.orderId,
      duplicate: false,
      differs: false,
      flag: false,
    });
    expect(await entriesOf(buyer.organizationId)).toEqual([
      { kind: "TOP_UP", amountTiyn: 1_980_000n, balanceAfterTiyn: 1_980_000n },
      { kind: "PURCHASE", amountTiyn: -1_980_000n, balanceAfterTiyn: 0n },
    ]);
    const stored = await db.order.findUniqueOrThrow({
      where: { id: order.orderId },
      include: { act: true, entitlements: true, payments: true },
    });
    expect(stored).toMatchObject({ status: "ACTIVATED", paidAt: input.paidAt, activatedAt: input.now });
    expect(stored.act?.number).toMatch(/^АВР-2026-/);
    expect(stored.entitlements.map((e) => [e.kind, e.unitsTotal])).toEqual([["VACANCY_PUBLICATION", 2]]);
    expect(stored.payments).toMatchObject([
      { provider: "CLOUDPAYMENTS", providerPaymentId: input.providerPaymentId, outcome: "ACTIVATED", status: "SUCCEEDED" },
    ]);
    expect(
      await db.auditLog.count({
        where: { action: "billing.payment.record", entityId: String(result.outcome === "ACTIVATED" && result.paymentId) },
      }),
    ).toBe(1);
  });

  it("finds the order by its number", async () => {
    const { order } = await pendingOrder("INVOICE");
    const result = await recordPayment({ ...payment(order), orderId: undefined, orderNumber: order.number });
    expect(result).toMatchObject({ outcome: "ACTIVATED", orderId: order.orderId });
  });

  it("answers a repeated notification with the first result and writes nothing", async () => {
    const { buyer, order } = await pendingOrder();
    const input = payment(order);
    const first = await recordPayment(input);
    const before = await snapshot(buyer.organizationId);
    const again = await recordPayment(input);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await snapshot(buyer.organizationId)).toEqual(before);
    // The same id with another amount is still the first payment, marked as not matching.
    expect(await recordPayment({ ...input, amountTiyn: 1n })).toMatchObject({
      outcome: "ACTIVATED",
      duplicate: true,
      differs: true,
      flag: true,
    });
    expect(await snapshot(buyer.organizationId)).toEqual(before);
  });

  it("processes concurrent copies of one notification once", async () => {
    const { buyer, order } = await pendingOrder();
    const input = payment(order);
    const results = await Promise.all(Array.from({ length: 10 }, () => recordPayment(input)));
    expect(results.filter((r) => r.outcome === "ACTIVATED" && !r.duplicate)).toHaveLength(1);
    expect(results.every((r) => r.outcome === "ACTIVATED")).toBe(true);
    expect(new Set(results.map((r) => (r.outcome === "ACTIVATED" ? r.paymentId : null))).size).toBe(1);
    const entries = await entriesOf(buyer.organizationId);
    expect(entries.map((e) => e.kind)).toEqual(["TOP_UP", "PURCHASE"]);
    expect(await db.act.count({ where: { orderId: order.orderId } })).toBe(1);
    expect(await db.entitlement.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it("refuses an amount or a currency other than the order's, writing nothing and activating nothing", async () => {
    const { buyer, order } = await pendingOrder();
    const before = await snapshot(buyer.organizationId);
    expect(await recordPayment(payment(order, { amountTiyn: order.amountTiyn - 1n }))).toEqual({
      outcome: "REJECTED",
      reason: "AMOUNT_MISMATCH",
      flag: true,
    });
    expect(await recordPayment(payment(order, { amountTiyn: order.amountTiyn + 100n }))).toMatchObject({
      reason: "AMOUNT_MISMATCH",
    });
    expect(await recordPayment(payment(order, { currency: "USD" }))).toEqual({
      outcome: "REJECTED",
      reason: "CURRENCY_MISMATCH",
      flag: true,
    });
    expect(await snapshot(buyer.organizationId)).toEqual(before);
    expect(before.orders).toEqual([{ status: "PENDING", paidAt: null }]);
  });

  it("refuses money for an unknown order or a cart that was never checked out", async () => {
    const { order } = await pendingOrder();
    expect(await recordPayment(payment({ ...order, orderId: 987_654_321 }))).toEqual({
      outcome: "REJECTED",
      reason: "ORDER_NOT_FOUND",
      flag: true,
    });
    expect(await recordPayment({ ...payment(order), orderId: undefined, orderNumber: "JM-1999-000001" })).toMatchObject({
      reason: "ORDER_NOT_FOUND",
    });
    const buyer = await createBuyer();
    const cart = await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "vacancy.standard",
      quantity: 1,
      actor: buyer.owner,
      now,
    });
    expect(await recordPayment(payment({ orderId: cart.orderId, amountTiyn: cart.amountTiyn }))).toEqual({
      outcome: "REJECTED",
      reason: "ORDER_NOT_CHECKED_OUT",
      flag: true,
    });
    expect(await db.payment.count({ where: { orderId: cart.orderId } })).toBe(0);
  });
});

describe("money arriving for an order that no longer waits", () => {
  it("stays on the balance for an expired or cancelled order, which stays as it is", async () => {
    const expired = await pendingOrder();
    await expireOrders(new Date(now.getTime() + 25 * HOUR));
    const late = await recordPayment(payment(expired.order, { now: new Date(now.getTime() + 26 * HOUR) }));
    expect(late).toMatchObject({ outcome: "CREDITED", reason: "ORDER_EXPIRED", flag: true, duplicate: false });
    expect(await entriesOf(expired.buyer.organizationId)).toEqual([
      { kind: "TOP_UP", amountTiyn: 1_980_000n, balanceAfterTiyn: 1_980_000n },
    ]);
    expect(
      await db.order.findUniqueOrThrow({ where: { id: expired.order.orderId }, select: { status: true, paidAt: true } }),
    ).toEqual({ status: "EXPIRED", paidAt: null });
    expect(await db.entitlement.count({ where: { orderId: expired.order.orderId } })).toBe(0);

    const cancelled = await pendingOrder();
    await cancelOrder({
      organizationId: cancelled.buyer.organizationId,
      orderId: cancelled.order.orderId,
      actor: cancelled.buyer.owner,
      now,
    });
    expect(await recordPayment(payment(cancelled.order))).toMatchObject({ outcome: "CREDITED", reason: "ORDER_CANCELLED" });
    expect(await balanceOf(cancelled.buyer.organizationId)).toBe(1_980_000n);
    expect((await db.order.findUniqueOrThrow({ where: { id: cancelled.order.orderId } })).status).toBe("CANCELLED");
  });

  it("stays on the balance when the order was already paid", async () => {
    const { buyer, order } = await pendingOrder();
    await recordPayment(payment(order));
    expect(await recordPayment(payment(order))).toMatchObject({ outcome: "CREDITED", reason: "ALREADY_PAID", duplicate: false });
    expect(await balanceOf(buyer.organizationId)).toBe(1_980_000n);
    expect(await db.act.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it("stays on the balance, the order PAID, when the pack's access ended before the money came", async () => {
    const buyer = await createBuyer();
    const regionId = (await createRegion()).id;
    await grantEntitlement({
      organizationId: buyer.organizationId,
      productCode: "resumes.access.1d",
      unitsTotal: 1000,
      validFrom: new Date(now.getTime() - HOUR),
      validUntil: new Date(now.getTime() + HOUR),
      regionId,
    });
    await addCartLine({
      organizationId: buyer.organizationId,
      productCode: "resumes.views.100",
      quantity: 1,
      actor: buyer.owner,
      now,
    });
    const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });
    const result = await recordPayment(payment(order, { now: new Date(now.getTime() + 2 * HOUR) }));
    expect(result).toMatchObject({ outcome: "CREDITED", reason: "NOT_ACTIVATABLE", flag: true });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).toEqual({
      status: "PAID",
    });
    expect(await balanceOf(buyer.organizationId)).toBe(990_000n);
    expect(await db.entitlement.count({ where: { orderId: order.orderId } })).toBe(0);
  });
});

describe("a bank transfer recorded by finance", () => {
  it("needs a finance officer and the bank's reference", async () => {
    const { buyer, order } = await pendingOrder("INVOICE");
    const finance = await createFinanceActor();
    const bank = (extra: Partial<RecordPaymentInput>) =>
      payment(order, { provider: "BANK_TRANSFER", bankReference: "ПП-123", ...extra });
    await expect(recordPayment(bank({ actor: SYSTEM_ACTOR }))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(recordPayment(bank({ actor: buyer.owner }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPayment(bank({ actor: finance, bankReference: "  " }))).rejects.toMatchObject({
      messageKey: "errors.billing.bankReferenceRequired",
    });
    expect(await db.payment.count({ where: { orderId: order.orderId } })).toBe(0);

    const result = await recordPayment(bank({ actor: finance }));
    expect(result).toMatchObject({ outcome: "ACTIVATED" });
    expect(await db.payment.findFirstOrThrow({ where: { orderId: order.orderId } })).toMatchObject({
      provider: "BANK_TRANSFER",
      bankReference: "ПП-123",
      recordedById: finance.userId,
    });
  });
});

describe("recording inside the caller's transaction", () => {
  it("commits and rolls back with it", async () => {
    const { buyer, order } = await pendingOrder();
    const input = payment(order);
    await expect(
      db.$transaction(async (tx) => {
        await recordPayment(tx, input);
        throw new Error("the webhook layer failed afterwards");
      }),
    ).rejects.toThrow(/afterwards/);
    expect(await db.payment.count({ where: { orderId: order.orderId } })).toBe(0);
    expect(await balanceOf(buyer.organizationId)).toBe(0n);

    const result = await db.$transaction(async (tx) => {
      const recorded = await recordPayment(tx, input);
      await tx.paymentNotification.create({
        data: {
          provider: "CLOUDPAYMENTS",
          eventKey: input.providerPaymentId,
          body: "{}",
          verified: true,
          result: { outcome: recorded.outcome },
        },
      });
      return recorded;
    });
    expect(result).toMatchObject({ outcome: "ACTIVATED", duplicate: false });
  });

  it("keeps a payment id given to two orders at once for the first of them", async () => {
    const a = await pendingOrder();
    const b = await pendingOrder();
    const id = providerId();
    const results = await Promise.all([
      recordPayment(payment(a.order, { providerPaymentId: id })),
      recordPayment(payment(b.order, { providerPaymentId: id })),
    ]);
    expect(results.filter((r) => r.outcome === "ACTIVATED" && !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "ACTIVATED" && r.duplicate && r.differs && r.flag)).toHaveLength(1);
    expect((await balanceOf(a.buyer.organizationId)) + (await balanceOf(b.buyer.organizationId))).toBe(0n);
    expect(await db.payment.count({ where: { providerPaymentId: id } })).toBe(1);
  });
});

describe("payment notifications", () => {
  it("take an event key once per provider when verified, and any number of times when not", async () => {
    const key = `evt-${providerId()}`;
    await db.paymentNotification.create({
      data: { provider: "CLOUDPAYMENTS", eventKey: key, body: "{}", verified: false, verificationError: "bad hmac" },
    });
    await db.paymentNotification.create({
      data: { provider: "CLOUDPAYMENTS", eventKey: key, body: "{}", verified: false, verificationError: "bad hmac" },
    });
    await db.paymentNotification.create({ data: { provider: "CLOUDPAYMENTS", eventKey: key, body: "{}", verified: true } });
    await db.paymentNotification.create({ data: { provider: "STRIPE", eventKey: key, body: "{}", verified: true } });
    await expect(
      db.paymentNotification.create({ data: { provider: "CLOUDPAYMENTS", eventKey: key, body: "{}", verified: true } }),
    ).rejects.toThrow(/Unique constraint/);
    await expect(
      db.paymentNotification.create({ data: { provider: "STRIPE", body: "{}", flaggedForFinance: true } }),
    ).rejects.toThrow(/payment_notifications_flag_check/);
  });
});

describe("a refund notification from a provider", () => {
  it("for a payment not recorded yet writes nothing and says so", async () => {
    expect(
      await recordRefundNotification({
        provider: "CLOUDPAYMENTS",
        providerPaymentId: providerId(),
        providerRefundId: "r-1",
        amountTiyn: 100n,
      }),
    ).toEqual({ outcome: "PAYMENT_NOT_SEEN", flag: true });
  });

  it("completes a refund finance requested through that payment, once", async () => {
    const { buyer, order } = await pendingOrder();
    expect((await recordPayment(payment(order))).outcome).toBe("ACTIVATED");
    const finance = await createFinanceActor();
    await creditBalance(buyer.organizationId, 500_000n);
    const paymentRow = await db.payment.findFirstOrThrow({ where: { orderId: order.orderId } });
    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 300_000n,
      reason: "Возврат остатка",
      paymentId: paymentRow.id,
      actor: finance,
    });

    const notice = {
      provider: "CLOUDPAYMENTS" as const,
      providerPaymentId: paymentRow.providerPaymentId,
      providerRefundId: "rf-77",
      amountTiyn: 300_000n,
    };
    expect(await recordRefundNotification({ ...notice, amountTiyn: 1n })).toEqual({
      outcome: "UNMATCHED",
      paymentId: paymentRow.id,
      flag: true,
    });
    expect(await recordRefundNotification(notice)).toEqual({ outcome: "SETTLED", refundId: refund.id, flag: false });
    expect(await recordRefundNotification(notice)).toEqual({ outcome: "DUPLICATE", refundId: refund.id, flag: false });
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "COMPLETED",
      providerRefundId: "rf-77",
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentRow.id }, select: { status: true } })).toEqual({
      status: "PARTIALLY_REFUNDED",
    });
    expect(await balanceOf(buyer.organizationId)).toBe(200_000n);
  });
});
