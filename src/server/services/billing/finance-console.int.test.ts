import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { startCaptureServer, type CapturedRequest } from "../../../../test/support/capture-server";
import { createBuyer, createFinanceActor, createUser, creditBalance } from "../../../../test/support/factories";

import { adjustBalance } from "./adjust-balance";
import { addCartLine } from "./change-cart";
import { checkout } from "./checkout";
import { getOrder, listOrders, listPayments, markInvoicePaid, organizationBilling, revenue } from "./finance-console";
import { balanceOf } from "./ledger-queries";
import { createPaymentProviders } from "./providers/registry";
import { fetchTransport } from "./providers/runtime";
import { recordPayment } from "./record-payment";
import { refundBalance, settleRefund } from "./refunds";
import { sendProviderRefund } from "./send-provider-refund";
import { addPriceVersion } from "./tariffs";

const DAY = 86_400_000;

async function invoiceOrder(lines: [string, number][] = [["vacancy.standard", 2]]) {
  const buyer = await createBuyer();
  for (const [productCode, quantity] of lines)
    await addCartLine({ organizationId: buyer.organizationId, productCode, quantity, actor: buyer.owner });
  const order = await checkout({ organizationId: buyer.organizationId, method: "INVOICE", actor: buyer.owner });
  return { buyer, order };
}

async function rejected(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.messageKey;
}

async function state(organizationId: number) {
  return {
    entries: await db.ledgerEntry.count({ where: { organizationId } }),
    payments: await db.payment.count({ where: { organizationId } }),
    refunds: await db.refund.findMany({ where: { organizationId }, orderBy: { id: "asc" }, select: { status: true } }),
    orders: await db.order.findMany({ where: { organizationId }, orderBy: { id: "asc" }, select: { status: true } }),
    audits: await db.auditLog.count({ where: { action: { startsWith: "billing." } } }),
  };
}

describe("an invoice paid by bank transfer", () => {
  it("activates the order through recordPayment and shows it to finance", async () => {
    const finance = await createFinanceActor();
    const { buyer, order } = await invoiceOrder();
    const before = await db.auditLog.count({ where: { action: "billing.payment.record" } });

    const result = await markInvoicePaid({
      orderId: order.orderId,
      amountTiyn: order.amountTiyn,
      paidAt: new Date(Date.now() - DAY),
      bankReference: `PP-${order.orderId}`,
      actor: finance,
    });
    expect(result.outcome).toBe("ACTIVATED");

    const seen = await getOrder(finance, order.orderId);
    expect(seen.status).toBe("ACTIVATED");
    expect(seen.payments).toEqual([
      expect.objectContaining({ provider: "BANK_TRANSFER", bankReference: `PP-${order.orderId}`, amountTiyn: order.amountTiyn }),
    ]);
    expect(await db.entitlement.count({ where: { organizationId: buyer.organizationId } })).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { action: "billing.payment.record" } })).toBe(before + 1);
    // Money in and straight out to the order: the balance is where it was.
    expect(await balanceOf(buyer.organizationId)).toBe(0n);

    const listed = await listOrders(finance, { method: "INVOICE", organizationId: buyer.organizationId });
    expect(listed.orders.map((o) => o.id)).toEqual([order.orderId]);
    const payments = await listPayments(finance, { provider: "BANK_TRANSFER" });
    expect(payments.payments.map((p) => p.order.id)).toContain(order.orderId);

    // The same transfer again (same bank reference) is refused and writes nothing.
    const after = await state(buyer.organizationId);
    expect(
      await rejected(
        markInvoicePaid({
          orderId: order.orderId,
          amountTiyn: order.amountTiyn,
          paidAt: new Date(Date.now() - DAY),
          bankReference: `PP-${order.orderId}`,
          actor: finance,
        }),
      ),
    ).toBe("errors.billing.bankReferenceUsed");
    expect(await state(buyer.organizationId)).toEqual(after);
  });

  it.each([
    ["a negative amount", { amountTiyn: -100n }, "errors.billing.amountInvalid"],
    ["another amount", { amountTiyn: 1n }, "errors.billing.amountMismatch"],
    ["no bank reference", { bankReference: "  " }, "errors.billing.bankReferenceRequired"],
    ["a date in the future", { paidAt: new Date(Date.now() + DAY) }, "errors.billing.paidAtInvalid"],
    ["an unknown order", { orderId: 999_999_999 }, "errors.billing.orderNotFound"],
  ])("refuses %s and writes nothing", async (_name, change, key) => {
    const finance = await createFinanceActor();
    const { buyer, order } = await invoiceOrder();
    const before = await state(buyer.organizationId);
    const input = {
      orderId: order.orderId,
      amountTiyn: order.amountTiyn,
      paidAt: new Date(Date.now() - DAY),
      bankReference: `PP-bad-${order.orderId}`,
      actor: finance,
      ...change,
    };
    expect(await rejected(markInvoicePaid(input))).toBe(key);
    expect(await state(buyer.organizationId)).toEqual(before);
  });

  it("refuses a card order, and anyone but finance", async () => {
    const finance = await createFinanceActor();
    const buyer = await createBuyer();
    await addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.standard", quantity: 1, actor: buyer.owner });
    const card = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner });
    const input = { orderId: card.orderId, amountTiyn: card.amountTiyn, paidAt: new Date(), bankReference: "PP-card" };
    expect(await rejected(markInvoicePaid({ ...input, actor: finance }))).toBe("errors.billing.orderNotInvoice");
    await expect(markInvoicePaid({ ...input, actor: buyer.owner })).rejects.toThrow();
    const moderator = await createUser({ isSeeker: false, staffRole: "MODERATOR" });
    await expect(listOrders({ userId: moderator.id, ip: null }, {})).rejects.toThrow();
    expect(await db.payment.count({ where: { organizationId: buyer.organizationId } })).toBe(0);
  });
});

describe("balance corrections and refunds", () => {
  it("adjusts, refunds part by bank transfer and settles it, all in the ledger", async () => {
    const finance = await createFinanceActor();
    const buyer = await createBuyer();
    await adjustBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 50_000_00n,
      reason: "Переплата по счёту",
      actor: finance,
    });
    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 20_000_00n,
      reason: "Возврат остатка",
      actor: finance,
    });
    await settleRefund({ refundId: refund.id, outcome: "COMPLETED", reference: "PP-77", actor: finance });

    const view = await organizationBilling(finance, { organizationId: buyer.organizationId });
    expect(view.balanceTiyn).toBe(30_000_00n);
    expect(view.ledger.entries.map((e) => [e.kind, e.amountTiyn])).toEqual([
      ["REFUND", -20_000_00n],
      ["ADJUSTMENT", 50_000_00n],
    ]);
    expect(view.refunds).toEqual([expect.objectContaining({ status: "COMPLETED", reference: "PP-77" })]);
  });

  it.each([
    ["more than the balance", 10_000_01n, "errors.billing.refundExceedsBalance"],
    ["a negative amount", -1n, "errors.billing.amountInvalid"],
  ])("refuses a refund of %s and writes nothing", async (_name, amountTiyn, key) => {
    const finance = await createFinanceActor();
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 10_000_00n);
    const before = await state(buyer.organizationId);
    expect(
      await rejected(refundBalance({ organizationId: buyer.organizationId, amountTiyn, reason: "Возврат", actor: finance })),
    ).toBe(key);
    expect(await state(buyer.organizationId)).toEqual(before);
  });

  it("refuses an adjustment of an unknown organisation or without a reason", async () => {
    const finance = await createFinanceActor();
    const buyer = await createBuyer();
    const before = await state(buyer.organizationId);
    expect(await rejected(adjustBalance({ organizationId: 999_999_999, amountTiyn: 100n, reason: "x", actor: finance }))).toBe(
      "errors.notFound",
    );
    expect(
      await rejected(adjustBalance({ organizationId: buyer.organizationId, amountTiyn: 100n, reason: " ", actor: finance })),
    ).toBe("errors.billing.reasonRequired");
    expect(await state(buyer.organizationId)).toEqual(before);
  });
});

describe("a card refund sent to the provider", () => {
  let answer: (req: CapturedRequest) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
  let server: Awaited<ReturnType<typeof startCaptureServer>>;
  beforeAll(async () => {
    server = await startCaptureServer((req) => answer(req));
  });
  afterAll(() => server.close());

  const registry = () =>
    createPaymentProviders(
      {
        cloudpayments: { publicId: "pk_test", apiSecret: "secret-for-tests", apiBaseUrl: server.url },
        freedompay: null,
        stripe: null,
      },
      { transport: fetchTransport("cloudpayments", 5_000) },
    );

  async function cardRefund(amountTiyn: bigint) {
    const buyer = await createBuyer();
    await addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.standard", quantity: 1, actor: buyer.owner });
    const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner });
    const transactionId = String(100_000_000 + Math.floor(Math.random() * 800_000_000));
    const paid = await recordPayment({
      orderId: order.orderId,
      provider: "CLOUDPAYMENTS",
      providerPaymentId: transactionId,
      amountTiyn: order.amountTiyn,
      currency: "KZT",
      paidAt: new Date(),
      actor: SYSTEM_ACTOR,
    });
    if (paid.outcome === "REJECTED") throw new Error("payment refused");
    const finance = await createFinanceActor();
    // A goodwill credit, refunded back to the card the customer paid with.
    await adjustBalance({ organizationId: buyer.organizationId, amountTiyn, reason: "Компенсация", actor: finance });
    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn,
      reason: "Возврат на карту",
      paymentId: paid.paymentId,
      actor: finance,
    });
    return { buyer, finance, refund, transactionId, paymentId: paid.paymentId };
  }

  it("completes the refund when the provider made it", async () => {
    const { buyer, finance, refund, transactionId, paymentId } = await cardRefund(1_500_00n);
    answer = () => ({ status: 200, body: { Success: true, Message: null, Model: { TransactionId: 555_000_111 } } });
    const sent = server.requests.length;

    expect(await sendProviderRefund(refund.id, registry(), finance)).toEqual({
      status: "COMPLETED",
      providerRefundId: "555000111",
    });
    const request = server.requests[sent]!;
    expect(request.path).toBe("/payments/refund");
    expect(request.body).toEqual({ TransactionId: Number(transactionId), Amount: 1500 });
    expect(await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({
      status: "COMPLETED",
      providerRefundId: "555000111",
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { status: true } })).toEqual({
      status: "PARTIALLY_REFUNDED",
    });
    expect(await balanceOf(buyer.organizationId)).toBe(0n);
    // Sent again: already settled, nothing is sent.
    expect(await rejected(sendProviderRefund(refund.id, registry(), finance))).toBe("errors.billing.refundSettled");
    expect(server.requests.length).toBe(sent + 1);
  });

  it("fails the refund and returns the money to the balance when the provider refuses", async () => {
    const { buyer, finance, refund } = await cardRefund(700_00n);
    answer = () => ({ status: 200, body: { Success: false, Message: "Refund amount exceeds" } });
    expect(await sendProviderRefund(refund.id, registry(), finance)).toEqual({
      status: "FAILED",
      message: "Refund amount exceeds",
    });
    expect((await db.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe("FAILED");
    expect(await balanceOf(buyer.organizationId)).toBe(700_00n);
  });

  it("leaves the refund requested when the provider does not answer", async () => {
    const { buyer, finance, refund } = await cardRefund(300_00n);
    const dead = createPaymentProviders(
      {
        cloudpayments: { publicId: "pk_test", apiSecret: "secret-for-tests", apiBaseUrl: "http://127.0.0.1:9" },
        freedompay: null,
        stripe: null,
      },
      { transport: fetchTransport("cloudpayments", 2_000) },
    );
    const before = await state(buyer.organizationId);
    expect(await rejected(sendProviderRefund(refund.id, dead, finance))).toBe("errors.billing.providerNoAnswer");
    expect(await state(buyer.organizationId)).toEqual(before);
  });

  it("refuses a refund by bank transfer and an unknown refund", async () => {
    const finance = await createFinanceActor();
    const buyer = await createBuyer();
    await creditBalance(buyer.organizationId, 100_00n);
    const refund = await refundBalance({
      organizationId: buyer.organizationId,
      amountTiyn: 100_00n,
      reason: "Возврат",
      actor: finance,
    });
    expect(await rejected(sendProviderRefund(refund.id, registry(), finance))).toBe("errors.billing.refundNotByCard");
    expect(await rejected(sendProviderRefund(999_999_999, registry(), finance))).toBe("errors.billing.refundNotFound");
  });
});

describe("tariffs and revenue", () => {
  it("refuses a price version from the past and writes nothing", async () => {
    const finance = await createFinanceActor();
    const before = await db.productPrice.count();
    expect(
      await rejected(
        addPriceVersion({
          productCode: "vacancy.standard",
          priceTiyn: 1_000_00n,
          vatRate: 1200,
          validFrom: new Date(Date.now() - DAY),
          actor: finance,
        }),
      ),
    ).toBe("errors.billing.validFromPast");
    expect(await db.productPrice.count()).toBe(before);
  });

  it("counts activated orders by day and product, VAT apart", async () => {
    const finance = await createFinanceActor();
    const from = new Date(Date.now() - DAY);
    const to = new Date(Date.now() + DAY);
    const before = await revenue(finance, { from, to });
    const { order } = await invoiceOrder([["vacancy.standard", 3]]);
    await markInvoicePaid({
      orderId: order.orderId,
      amountTiyn: order.amountTiyn,
      paidAt: new Date(Date.now() - 60_000),
      bankReference: `PP-rev-${order.orderId}`,
      actor: finance,
    });
    const after = await revenue(finance, { from, to });
    const total = (r: typeof after) => r.byDay.reduce((sum, d) => sum + d.amountTiyn, 0n);
    const vat = (r: typeof after) => r.byDay.reduce((sum, d) => sum + d.vatTiyn, 0n);
    const standard = (r: typeof after) => r.byProduct.find((p) => p.code === "vacancy.standard");
    const lines = await db.orderLine.findMany({ where: { orderId: order.orderId } });
    expect(total(after) - total(before)).toBe(order.amountTiyn);
    expect(vat(after) - vat(before)).toBe(lines.reduce((sum, l) => sum + (l.vatTiyn ?? 0n), 0n));
    expect((standard(after)?.quantity ?? 0) - (standard(before)?.quantity ?? 0)).toBe(3);
    expect(await rejected(revenue(finance, { from: to, to: from }))).toBe("errors.billing.dateRangeInvalid");
  });

  it("puts an order activated at 01:00 in Almaty on that Almaty day, not the UTC one before", async () => {
    const finance = await createFinanceActor();
    const { order } = await invoiceOrder([["vacancy.standard", 1]]);
    await markInvoicePaid({
      orderId: order.orderId,
      amountTiyn: order.amountTiyn,
      paidAt: new Date(Date.now() - 60_000),
      bankReference: `PP-day-${order.orderId}`,
      actor: finance,
    });
    // 2026-03-01 20:00 UTC is 2026-03-02 01:00 in Almaty.
    const activatedAt = new Date("2026-03-01T20:00:00Z");
    await db.order.update({ where: { id: order.orderId }, data: { activatedAt } });
    const day = await revenue(finance, {
      from: new Date("2026-03-02T00:00:00+05:00"),
      to: new Date("2026-03-03T00:00:00+05:00"),
    });
    expect(day.byDay.map((d) => d.day)).toEqual(["2026-03-02"]);
    expect(day.byDay[0]!.amountTiyn).toBe(order.amountTiyn);
  });
});
