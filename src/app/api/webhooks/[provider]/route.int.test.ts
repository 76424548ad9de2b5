import { afterAll, describe, expect, it, vi } from "vitest";

import { db } from "@/server/db";
import { addCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";
import { cloudPaymentsSignature, signCloudPaymentsTestNotification } from "@/server/services/billing/providers/cloudpayments";
import { signFreedomPayTestNotification } from "@/server/services/billing/providers/freedompay";
import type { SignedNotification } from "@/server/services/billing/providers/payment-provider";
import { signStripeTestNotification } from "@/server/services/billing/providers/stripe";

import { createBuyer } from "../../../../../test/support/factories";

import { POST } from "./route";

// The providers are configured from the environment on first use, as in production.
const secrets = vi.hoisted(() => {
  const values = {
    CLOUDPAYMENTS_PUBLIC_ID: "pk_test_jumys",
    CLOUDPAYMENTS_API_SECRET: "cp-test-secret-0123456789",
    FREEDOMPAY_MERCHANT_ID: "556677",
    FREEDOMPAY_SECRET_KEY: "fp-test-secret-0123456789",
    STRIPE_SECRET_KEY: "sk_test_jumys0123456789",
    STRIPE_WEBHOOK_SECRET: "whsec_jumys0123456789",
  };
  Object.assign(process.env, values);
  return values;
});
afterAll(() => {
  for (const name of Object.keys(secrets)) delete process.env[name];
});

const cp = { publicId: secrets.CLOUDPAYMENTS_PUBLIC_ID, apiSecret: secrets.CLOUDPAYMENTS_API_SECRET };
const fp = { merchantId: secrets.FREEDOMPAY_MERCHANT_ID, secretKey: secrets.FREEDOMPAY_SECRET_KEY };
const stripe = { secretKey: secrets.STRIPE_SECRET_KEY, webhookSecret: secrets.STRIPE_WEBHOOK_SECRET };

const APP = "http://localhost:3000";
const hook = (provider: string) => `${APP}/api/webhooks/${provider}`;
let seq = 0;
const paymentId = () => String(700_000_000 + (Date.now() % 100_000_000) + ++seq);

async function pendingOrder() {
  const buyer = await createBuyer();
  await addCartLine({ organizationId: buyer.organizationId, productCode: "vacancy.premium", quantity: 3, actor: buyer.owner });
  const order = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner });
  return { buyer, order };
}

function deliver(signed: SignedNotification, provider = providerOf(signed.url)) {
  const url = new URL(signed.url);
  return POST(
    new Request(`${APP}${url.pathname}${url.search}`, { method: "POST", headers: signed.headers, body: signed.rawBody }),
    {
      params: Promise.resolve({ provider }),
    },
  );
}
const providerOf = (url: string) => new URL(url).pathname.split("/").pop()!;

/** Everything a notification could have written anywhere. */
async function footprint(organizationId: number) {
  return {
    notifications: await db.paymentNotification.count(),
    payments: await db.payment.count({ where: { organizationId } }),
    entries: await db.ledgerEntry.count({ where: { organizationId } }),
    entitlements: await db.entitlement.count({ where: { organizationId } }),
    orders: await db.order.findMany({ where: { organizationId }, select: { status: true }, orderBy: { id: "asc" } }),
  };
}

const cpNotice = (order: { number: string; amountTiyn: bigint }, kind: "check" | "paid" | "failed" | "refunded", extra = {}) =>
  signCloudPaymentsTestNotification(cp, {
    kind,
    orderNumber: order.number,
    amountTiyn: order.amountTiyn,
    notificationUrl: hook("cloudpayments"),
    now: new Date(),
    ...extra,
  });

describe("CloudPayments notifications", () => {
  it("Check accepts a waiting order and refuses an unknown order or a wrong amount with CloudPayments' codes", async () => {
    const { order } = await pendingOrder();
    const ok = await deliver(cpNotice(order, "check"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ code: 0 });
    expect(await (await deliver(cpNotice({ ...order, number: "JM-2026-999999" }, "check"))).json()).toEqual({ code: 10 });
    expect(await (await deliver(cpNotice({ ...order, amountTiyn: order.amountTiyn - 100n }, "check"))).json()).toEqual({
      code: 12,
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).toEqual({
      status: "PENDING",
    });
  });

  it("Pay activates the order once, however many copies arrive at the same time", async () => {
    const { buyer, order } = await pendingOrder();
    const signed = cpNotice(order, "paid", { providerPaymentId: paymentId() });
    const answers = await Promise.all(Array.from({ length: 12 }, () => deliver(signed)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ code: 0 });
    }
    const orderNow = await db.order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } });
    expect(orderNow.status).toBe("ACTIVATED");
    expect(await db.payment.count({ where: { organizationId: buyer.organizationId } })).toBe(1);
    const credits = await db.entitlement.findMany({
      where: { organizationId: buyer.organizationId },
      select: { kind: true, publicationType: true, unitsTotal: true },
    });
    expect(credits).toEqual([{ kind: "VACANCY_PUBLICATION", publicationType: "PREMIUM", unitsTotal: 3 }]);
    expect(
      await db.ledgerEntry.findMany({
        where: { organizationId: buyer.organizationId },
        orderBy: { id: "asc" },
        select: { kind: true, amountTiyn: true },
      }),
    ).toEqual([
      { kind: "TOP_UP", amountTiyn: order.amountTiyn },
      { kind: "PURCHASE", amountTiyn: -order.amountTiyn },
    ]);
    const stored = await db.paymentNotification.findMany({
      where: { provider: "CLOUDPAYMENTS", body: signed.rawBody },
      select: { verified: true, processedAt: true, flaggedForFinance: true },
    });
    expect(stored).toEqual([{ verified: true, processedAt: expect.any(Date), flaggedForFinance: false }]);

    // A replay a day later: answered as accepted, nothing new.
    const before = await footprint(buyer.organizationId);
    expect(await (await deliver(signed)).json()).toEqual({ code: 0 });
    expect(await footprint(buyer.organizationId)).toEqual(before);
  });

  it("a decline changes nothing and the payment that follows still activates", async () => {
    const { order } = await pendingOrder();
    expect(await (await deliver(cpNotice(order, "failed"))).json()).toEqual({ code: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING");
    expect(await (await deliver(cpNotice(order, "paid"))).json()).toEqual({ code: 0 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("ACTIVATED");
  });

  it("a refund that arrives before its payment waits for it and is carried out when the payment comes", async () => {
    const { buyer, order } = await pendingOrder();
    const pid = paymentId();
    const refund = cpNotice(order, "refunded", { providerPaymentId: pid, providerRefundId: paymentId() });
    expect(await (await deliver(refund)).json()).toEqual({ code: 0 });
    const waiting = await db.paymentNotification.findFirstOrThrow({
      where: { body: refund.rawBody },
      select: { id: true, processedAt: true, flaggedForFinance: true },
    });
    expect(waiting).toMatchObject({ processedAt: null, flaggedForFinance: true });
    expect(await db.payment.count({ where: { organizationId: buyer.organizationId } })).toBe(0);

    expect(await (await deliver(cpNotice(order, "paid", { providerPaymentId: pid }))).json()).toEqual({ code: 0 });
    const after = await db.paymentNotification.findUniqueOrThrow({
      where: { id: waiting.id },
      select: { processedAt: true, flagReason: true, result: true },
    });
    // Processed now; nobody here asked for that refund, so finance looks at it.
    expect(after.processedAt).toBeInstanceOf(Date);
    expect(after.result).toMatchObject({ kind: "refunded", outcome: "UNMATCHED" });
    expect(after.flagReason).toMatch(/nobody requested/);
  });

  it("a payment with a wrong amount or currency is refused and flagged, and writes nothing else", async () => {
    const { buyer, order } = await pendingOrder();
    const before = await footprint(buyer.organizationId);
    const wrongAmount = cpNotice({ ...order, amountTiyn: order.amountTiyn + 100n }, "paid");
    expect((await deliver(wrongAmount)).status).toBe(200);
    const good = cpNotice(order, "paid");
    const body = good.rawBody.replace("Currency=KZT", "Currency=USD").replace("PaymentCurrency=KZT", "PaymentCurrency=USD");
    const wrongCurrency = {
      ...good,
      rawBody: body,
      headers: { ...good.headers, "Content-HMAC": cloudPaymentsSignature(cp.apiSecret, body) },
    };
    expect((await deliver(wrongCurrency)).status).toBe(200);
    const after = await footprint(buyer.organizationId);
    expect({ ...after, notifications: 0 }).toEqual({ ...before, notifications: 0 });
    expect(after.notifications).toBe(before.notifications + 2);
    const flagged = await db.paymentNotification.findMany({
      where: { body: { in: [wrongAmount.rawBody, body] } },
      select: { flaggedForFinance: true, result: true },
    });
    expect(flagged.map((n) => [n.flaggedForFinance, (n.result as { reason: string }).reason]).sort()).toEqual([
      [true, "AMOUNT_MISMATCH"],
      [true, "CURRENCY_MISMATCH"],
    ]);
  });

  it("a forged, unsigned or oversized notification is refused and writes nothing at all", async () => {
    const { buyer, order } = await pendingOrder();
    const before = await footprint(buyer.organizationId);
    const good = cpNotice(order, "paid");
    const forged = {
      ...good,
      headers: { ...good.headers, "Content-HMAC": cloudPaymentsSignature("another-secret", good.rawBody) },
    };
    expect((await deliver(forged)).status).toBe(401);
    const { "Content-HMAC": _dropped, ...unsigned } = good.headers;
    expect((await deliver({ ...good, headers: unsigned })).status).toBe(401);
    const tampered = { ...good, rawBody: good.rawBody.replace(/Amount=[\d.]+/, "Amount=1.00") };
    expect((await deliver(tampered)).status).toBe(401);
    const huge = { ...good, rawBody: `${good.rawBody}&Data=${"x".repeat(70 * 1024)}` };
    expect((await deliver(huge)).status).toBe(413);
    expect(await footprint(buyer.organizationId)).toEqual(before);
  });
});

describe("Freedom Pay and Stripe notifications", () => {
  it("Freedom Pay's result activates the order and is answered with a signed XML response", async () => {
    const { order } = await pendingOrder();
    const signed = signFreedomPayTestNotification(fp, {
      kind: "paid",
      orderNumber: order.number,
      amountTiyn: order.amountTiyn,
      notificationUrl: hook("freedompay"),
      now: new Date(),
    });
    const answer = await deliver(signed);
    expect(answer.status).toBe(200);
    const xml = await answer.text();
    expect(xml).toContain("<pg_status>ok</pg_status>");
    expect(xml).toMatch(/<pg_sig>[0-9a-f]{32}<\/pg_sig>/);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("ACTIVATED");
  });

  it("Stripe's payment event activates the order; a stale or forged one is refused with nothing written", async () => {
    const { buyer, order } = await pendingOrder();
    const base = { orderNumber: order.number, amountTiyn: order.amountTiyn, notificationUrl: hook("stripe") };
    const before = await footprint(buyer.organizationId);
    const stale = signStripeTestNotification(stripe, { ...base, kind: "paid", now: new Date(Date.now() - 3_600_000) });
    expect((await deliver(stale)).status).toBe(401);
    const forged = signStripeTestNotification(
      { ...stripe, webhookSecret: "whsec_forged000000" },
      { ...base, kind: "paid", now: new Date() },
    );
    expect((await deliver(forged)).status).toBe(401);
    expect(await footprint(buyer.organizationId)).toEqual(before);

    const good = signStripeTestNotification(stripe, { ...base, kind: "paid", now: new Date() });
    const answer = await deliver(good);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ received: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("ACTIVATED");
  });

  it("an unknown or unconfigured provider is 404", async () => {
    const answer = await POST(new Request(hook("paypal"), { method: "POST", body: "{}" }), {
      params: Promise.resolve({ provider: "paypal" }),
    });
    expect(answer.status).toBe(404);
  });
});
