import { describe, expect, it } from "vitest";

import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";

import { createBuyer, createFinanceActor, creditBalance } from "../../../../test/support/factories";

import { adjustBalance } from "./adjust-balance";
import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import { balanceOf } from "./ledger-queries";
import { recordPayment } from "./record-payment";
import { refundBalance, settleRefund } from "./refunds";

const now = new Date("2026-06-15T10:00:00+05:00");

const entriesOf = (organizationId: number) =>
  db.ledgerEntry.findMany({
    where: { organizationId },
    orderBy: { id: "asc" },
    select: { kind: true, amountTiyn: true, balanceAfterTiyn: true, refundId: true, reason: true },
  });

async function invariant(organizationId: number) {
  const entries = await entriesOf(organizationId);
  expect(entries.every((e) => e.balanceAfterTiyn >= 0n)).toBe(true);
  expect(await balanceOf(organizationId)).toBe(entries.reduce((sum, e) => sum + e.amountTiyn, 0n));
}

/** An organisation that paid an order of 9 900 ₸ by card and has 5 000 ₸ left over on its balance. */
async function paidCustomer() {
  const buyer = await createBuyer();
  await addCartLine({
    organizationId: buyer.organizationId,
    productCode: "vacancy.standard",
    quantity: 1,
    actor: buyer.owner,
    now,
  });
  const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner, now });
  await recordPayment({
    orderId: order.orderId,
    provider: "CLOUDPAYMENTS",
    providerPaymentId: `pay-${order.orderId}`,
    amountTiyn: order.amountTiyn,
    currency: "KZT",
    paidAt: now,
    actor: SYSTEM_ACTOR,
    now,
  });
  await creditBalance(buyer.organizationId, 500_000n);
  const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.orderId } });
  return { buyer, payment };
}

describe("refunds of unspent balance", () => {
  it("take the money off the balance at once and never more than it", async () => {
    const { buyer } = await paidCustomer();
    const finance = await createFinanceActor();
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 500_001n, reason: "Возврат", actor: finance }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.billing.refundExceedsBalance",
    });
    expect(await db.refund.count({ where: { organizationId: buyer.organizationId } })).toBe(0);

    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 500_000n,
      reason: "  Возврат по заявлению  ",
      actor: finance,
    });
    expect(refund).toMatchObject({ status: "REQUESTED", amountTiyn: 500_000n, paymentId: null, balanceAfterTiyn: 0n });
    expect((await entriesOf(buyer.organizationId)).at(-1)).toEqual({
      kind: "REFUND",
      amountTiyn: -500_000n,
      balanceAfterTiyn: 0n,
      refundId: refund.id,
      reason: "Возврат по заявлению",
    });
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 1n, reason: "ещё", actor: finance }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.refundExceedsBalance",
    });
    expect(
      await db.auditLog.findFirstOrThrow({ where: { action: "billing.refund.request", entityId: String(refund.id) } }),
    ).toMatchObject({
      actorId: finance.userId,
      reason: "Возврат по заявлению",
    });
    await invariant(buyer.organizationId);
  });

  it("are for finance only, with an amount and a reason", async () => {
    const { buyer } = await paidCustomer();
    const finance = await createFinanceActor();
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 100n, reason: "x", actor: buyer.owner }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 100n, reason: "x", actor: SYSTEM_ACTOR }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 0n, reason: "x", actor: finance }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.amountInvalid" });
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 100n, reason: " ", actor: finance }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.reasonRequired" });
    await expect(
      refundBalance({ organizationId: buyer.organizationId, amountTiyn: 100n, reason: "я".repeat(1001), actor: finance }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.reasonTooLong",
    });
    await expect(
      refundBalance({ organizationId: 987_654_321, amountTiyn: 100n, reason: "x", actor: finance }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.refund.count({ where: { organizationId: buyer.organizationId } })).toBe(0);
    expect(await balanceOf(buyer.organizationId)).toBe(500_000n);
  });

  it("through a card payment stay within that payment and the organisation's own payments", async () => {
    const { buyer, payment } = await paidCustomer();
    const other = await paidCustomer();
    const finance = await createFinanceActor();
    await expect(
      refundBalance({
        organizationId: buyer.organizationId,
        amountTiyn: 100n,
        reason: "x",
        paymentId: other.payment.id,
        actor: finance,
      }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.paymentNotFound" });
    await creditBalance(buyer.organizationId, 1_000_000n);
    await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 600_000n,
      reason: "часть",
      paymentId: payment.id,
      actor: finance,
    });
    await expect(
      refundBalance({
        organizationId: buyer.organizationId,
        amountTiyn: 390_001n,
        reason: "остаток",
        paymentId: payment.id,
        actor: finance,
      }),
    ).rejects.toMatchObject({ messageKey: "errors.billing.refundExceedsPayment" });
    const rest = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 390_000n,
      reason: "остаток",
      paymentId: payment.id,
      actor: finance,
    });
    await settleRefund({ refundId: rest.id, outcome: "COMPLETED", providerRefundId: "rf-1", actor: finance });
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PARTIALLY_REFUNDED");
    const first = await db.refund.findFirstOrThrow({ where: { paymentId: payment.id, amountTiyn: 600_000n } });
    await settleRefund({ refundId: first.id, outcome: "COMPLETED", providerRefundId: "rf-2", actor: finance });
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
    await invariant(buyer.organizationId);
  });

  it("that fail put the money back, once; a settled refund keeps its outcome", async () => {
    const { buyer } = await paidCustomer();
    const finance = await createFinanceActor();
    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 200_000n,
      reason: "Возврат",
      actor: finance,
    });
    expect(await balanceOf(buyer.organizationId)).toBe(300_000n);
    await expect(settleRefund({ refundId: refund.id, outcome: "FAILED", actor: buyer.owner })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await settleRefund({ refundId: refund.id, outcome: "FAILED", reference: "Счёт закрыт", actor: finance })).toEqual({
      refundId: refund.id,
      changed: true,
    });
    expect(await settleRefund({ refundId: refund.id, outcome: "FAILED", actor: finance })).toEqual({
      refundId: refund.id,
      changed: false,
    });
    await expect(settleRefund({ refundId: refund.id, outcome: "COMPLETED", actor: finance })).rejects.toMatchObject({
      messageKey: "errors.billing.refundSettled",
    });
    await expect(settleRefund({ refundId: 987_654_321, outcome: "COMPLETED", actor: finance })).rejects.toMatchObject({
      messageKey: "errors.billing.refundNotFound",
    });
    expect(await balanceOf(buyer.organizationId)).toBe(500_000n);
    expect((await entriesOf(buyer.organizationId)).filter((e) => e.refundId === refund.id).map((e) => e.amountTiyn)).toEqual([
      -200_000n,
      200_000n,
    ]);
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "FAILED",
      reference: "Счёт закрыт",
      settledById: finance.userId,
    });
    await invariant(buyer.organizationId);
  });
});

describe("adjustments by finance", () => {
  it("move the balance either way with the reason in the entry, never below zero", async () => {
    const buyer = await createBuyer();
    const finance = await createFinanceActor();
    const up = await adjustBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 150_000n,
      reason: "Ошибочная сумма перевода",
      actor: finance,
    });
    expect(up.balanceAfterTiyn).toBe(150_000n);
    await adjustBalance({ organizationId: buyer.organizationId, amountTiyn: -50_000n, reason: "Исправление", actor: finance });
    await expect(
      adjustBalance({ organizationId: buyer.organizationId, amountTiyn: -100_001n, reason: "Слишком много", actor: finance }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.balanceShort",
    });
    await expect(
      adjustBalance({ organizationId: buyer.organizationId, amountTiyn: 10n, reason: "", actor: finance }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.reasonRequired",
    });
    await expect(
      adjustBalance({ organizationId: buyer.organizationId, amountTiyn: 0n, reason: "ноль", actor: finance }),
    ).rejects.toMatchObject({
      messageKey: "errors.billing.amountInvalid",
    });
    await expect(
      adjustBalance({ organizationId: buyer.organizationId, amountTiyn: 10n, reason: "себе", actor: buyer.owner }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await entriesOf(buyer.organizationId)).map((e) => [e.kind, e.amountTiyn, e.reason])).toEqual([
      ["ADJUSTMENT", 150_000n, "Ошибочная сумма перевода"],
      ["ADJUSTMENT", -50_000n, "Исправление"],
    ]);
    expect(await db.auditLog.count({ where: { action: "billing.balance.adjust", entityId: String(buyer.organizationId) } })).toBe(
      2,
    );
    await invariant(buyer.organizationId);
  });
});
