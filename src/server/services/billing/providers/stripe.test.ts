import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import type { NotificationInput, ProviderHttpRequest, VerifyResult } from "./payment-provider";
import {
  answerStripe,
  buildStripeCheckoutRequest,
  buildStripeRefundRequest,
  createStripeProvider,
  parseStripeCheckoutResponse,
  parseStripeRefundResponse,
  signStripeTestNotification,
  verifyStripeNotification,
} from "./stripe";

const config = { secretKey: "sk_test_jumys", webhookSecret: "whsec_jumys_test_secret" };
const WEBHOOK = "https://jumys.kz/api/webhooks/stripe";
const now = new Date("2026-11-20T10:00:00Z");
const base = { orderNumber: "J-2026-0001", amountTiyn: 150050n, notificationUrl: WEBHOOK, now, providerPaymentId: "pi_3Jumys" };

const event = (result: VerifyResult) => {
  if (!result.ok || result.ignored) throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
};

/** Any payload, signed by the SDK's test helper at `signedAt`. */
function signed(payload: string, signedAt = now, secret = config.webhookSecret): NotificationInput {
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(signedAt.getTime() / 1000) });
  return { headers: { "Content-Type": "application/json", "Stripe-Signature": header }, rawBody: payload, url: WEBHOOK, now };
}

const eventJson = (type: string, object: Record<string, unknown>, id = "evt_1Jumys") =>
  JSON.stringify({ id, object: "event", created: Math.floor(now.getTime() / 1000), livemode: true, type, data: { object } });

const intent = (overrides: Record<string, unknown> = {}) => ({
  id: "pi_3Jumys",
  object: "payment_intent",
  amount: 150050,
  amount_received: 150050,
  currency: "kzt",
  metadata: { order_number: "J-2026-0001" },
  ...overrides,
});

describe("Stripe events", () => {
  it("takes payment_intent.succeeded as paid, in tiyn (KZT has two decimals in Stripe)", () => {
    expect(event(verifyStripeNotification(config, signed(eventJson("payment_intent.succeeded", intent()))))).toEqual({
      kind: "paid",
      eventKey: "evt_1Jumys",
      orderNumber: "J-2026-0001",
      providerPaymentId: "pi_3Jumys",
      amountTiyn: 150050n,
      currency: "KZT",
      occurredAt: now,
      testMode: false,
      raw: expect.objectContaining({ id: "evt_1Jumys", type: "payment_intent.succeeded" }),
    });
  });

  it("takes payment_intent.payment_failed as failed, with the amount that was attempted", () => {
    const failed = intent({ amount_received: 0, status: "requires_payment_method" });
    expect(event(verifyStripeNotification(config, signed(eventJson("payment_intent.payment_failed", failed))))).toMatchObject({
      kind: "failed",
      amountTiyn: 150050n,
    });
  });

  it("takes charge.refunded as a refund of the PaymentIntent, with the charge's refunded total", () => {
    const charge = {
      id: "ch_1",
      object: "charge",
      amount: 150050,
      amount_refunded: 50000,
      currency: "kzt",
      payment_intent: "pi_3Jumys",
      metadata: {},
    };
    expect(event(verifyStripeNotification(config, signed(eventJson("charge.refunded", charge))))).toMatchObject({
      kind: "refunded",
      orderNumber: null,
      providerPaymentId: "pi_3Jumys",
      providerRefundId: null,
      amountTiyn: 50000n,
      amountIs: "refunded-to-date",
    });
    const expanded = { ...charge, payment_intent: { id: "pi_3Jumys" }, metadata: { order_number: "J-2026-0001" } };
    expect(event(verifyStripeNotification(config, signed(eventJson("charge.refunded", expanded))))).toMatchObject({
      orderNumber: "J-2026-0001",
      providerPaymentId: "pi_3Jumys",
    });
  });

  it("gives a redelivered event the same key", () => {
    const payload = eventJson("payment_intent.succeeded", intent());
    const first = event(verifyStripeNotification(config, signed(payload)));
    const redelivered = event(
      verifyStripeNotification(config, {
        ...signed(payload, new Date(now.getTime() + 60_000)),
        now: new Date(now.getTime() + 60_000),
      }),
    );
    expect(redelivered.eventKey).toBe(first.eventKey);
  });

  it("ignores events it does not act on, and payments made outside our checkout", () => {
    const ignored = (type: string, object: Record<string, unknown>) =>
      verifyStripeNotification(config, signed(eventJson(type, object)));
    expect(ignored("checkout.session.completed", { id: "cs_1", object: "checkout.session" })).toEqual({
      ok: true,
      ignored: true,
      eventType: "checkout.session.completed",
    });
    expect(ignored("customer.created", { id: "cus_1" })).toEqual({ ok: true, ignored: true, eventType: "customer.created" });
    expect(ignored("payment_intent.succeeded", intent({ metadata: {} }))).toEqual({
      ok: true,
      ignored: true,
      eventType: "payment_intent.succeeded",
    });
    expect(
      ignored("charge.refunded", { id: "ch_1", amount_refunded: 100, currency: "kzt", payment_intent: null, metadata: {} }),
    ).toMatchObject({ ok: true, ignored: true });
  });

  it.each([
    ["no amount", intent({ amount_received: undefined })],
    ["a fractional amount", intent({ amount_received: 10.5 })],
    ["a negative amount", intent({ amount_received: -100 })],
    ["a zero amount", intent({ amount_received: 0 })],
    ["an amount as text", intent({ amount_received: "150050" })],
    ["a bad currency", intent({ currency: "tenge" })],
  ])("refuses a signed payment_intent.succeeded with %s", (_, object) => {
    expect(verifyStripeNotification(config, signed(eventJson("payment_intent.succeeded", object)))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("refuses a signed body that is not an event", () => {
    expect(verifyStripeNotification(config, signed("{not json"))).toEqual({ ok: false, reason: "malformed" });
    expect(verifyStripeNotification(config, signed("null"))).toEqual({ ok: false, reason: "malformed" });
    expect(verifyStripeNotification(config, signed('{"id":"evt_1","type":"payment_intent.succeeded"}'))).toEqual({
      ok: false,
      reason: "malformed",
    });
    const noTime = JSON.stringify({ ...JSON.parse(eventJson("payment_intent.succeeded", intent())), created: "yesterday" });
    expect(verifyStripeNotification(config, signed(noTime))).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("Stripe signatures", () => {
  const payload = eventJson("payment_intent.succeeded", intent());

  it("refuses an event without Stripe-Signature", () => {
    expect(verifyStripeNotification(config, { ...signed(payload), headers: { "Content-Type": "application/json" } })).toEqual({
      ok: false,
      reason: "missing-signature",
    });
  });

  it("refuses an event signed with another secret, or a header that is not a signature", () => {
    expect(verifyStripeNotification(config, signed(payload, now, "whsec_other"))).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyStripeNotification(config, { ...signed(payload), headers: { "Stripe-Signature": "garbage" } })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses a body changed by one byte", () => {
    const altered = payload.replace("150050", "150051");
    expect(altered).not.toBe(payload);
    expect(verifyStripeNotification(config, { ...signed(payload), rawBody: altered })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses the same event re-serialised: the signature is over the bytes", () => {
    const reserialised = JSON.stringify(JSON.parse(payload), null, 2);
    expect(reserialised).not.toBe(payload);
    expect(verifyStripeNotification(config, { ...signed(payload), rawBody: reserialised })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("accepts an event signed up to 300 seconds ago and calls an older one stale", () => {
    const at = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    expect(verifyStripeNotification(config, signed(payload, at(299))).ok).toBe(true);
    expect(verifyStripeNotification(config, signed(payload, at(301)))).toEqual({ ok: false, reason: "stale" });
    // Old and forged is forged, not stale.
    expect(verifyStripeNotification(config, signed(payload, at(301), "whsec_other"))).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});

describe("Stripe answers", () => {
  it("acknowledges every event with 200, rejections included", () => {
    const expected = { status: 200, contentType: "application/json; charset=utf-8", body: '{"received":true}' };
    expect(answerStripe({ accepted: true })).toEqual(expected);
    expect(answerStripe({ accepted: false, reason: "wrong-amount" })).toEqual(expected);
  });
});

describe("Stripe payments and refunds", () => {
  const order = {
    number: "J-2026-0001",
    amountTiyn: 150050n,
    currency: "KZT" as const,
    description: "Вакансия в топе",
    email: "hr@example.kz",
    locale: "kk" as const,
    successUrl: "https://jumys.kz/kk/billing/success",
    failureUrl: "https://jumys.kz/kk/billing/failure",
    notificationUrl: WEBHOOK,
  };

  it("describes the Checkout Session to create", () => {
    const request = buildStripeCheckoutRequest(config, order);
    expect(request.url).toBe("https://api.stripe.com/v1/checkout/sessions");
    expect(request.headers).toEqual({
      Authorization: "Bearer sk_test_jumys",
      "Content-Type": "application/x-www-form-urlencoded",
      "Stripe-Version": Stripe.API_VERSION,
      "Idempotency-Key": "checkout-session:J-2026-0001:150050",
    });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "kzt",
      "line_items[0][price_data][unit_amount]": "150050",
      "line_items[0][price_data][product_data][name]": "Вакансия в топе",
      client_reference_id: "J-2026-0001",
      customer_email: "hr@example.kz",
      locale: "ru",
      success_url: "https://jumys.kz/kk/billing/success",
      cancel_url: "https://jumys.kz/kk/billing/failure",
      "metadata[order_number]": "J-2026-0001",
      "payment_intent_data[description]": "Вакансия в топе",
      "payment_intent_data[metadata][order_number]": "J-2026-0001",
    });
    const anonymous = buildStripeCheckoutRequest(config, { ...order, email: undefined });
    expect(new URLSearchParams(anonymous.body).has("customer_email")).toBe(false);
  });

  it("refuses amounts Stripe cannot take", () => {
    expect(() => buildStripeCheckoutRequest(config, { ...order, amountTiyn: 0n })).toThrow(RangeError);
    expect(() => buildStripeCheckoutRequest(config, { ...order, amountTiyn: 2n ** 53n })).toThrow(RangeError);
  });

  it("sends the payer to the session's page", async () => {
    const sent: ProviderHttpRequest[] = [];
    const provider = createStripeProvider(config, {
      transport: async (request) => {
        sent.push(request);
        return {
          status: 200,
          body: JSON.stringify({
            id: "cs_test_1",
            object: "checkout.session",
            url: "https://checkout.stripe.com/c/pay/cs_test_1",
          }),
        };
      },
    });
    expect(await provider.createPayment(order)).toEqual({
      kind: "redirect",
      url: "https://checkout.stripe.com/c/pay/cs_test_1",
      providerReference: "cs_test_1",
    });
    expect(sent.map((request) => request.url)).toEqual(["https://api.stripe.com/v1/checkout/sessions"]);
    expect(() =>
      parseStripeCheckoutResponse({ status: 400, body: JSON.stringify({ error: { message: "Invalid currency: kzt" } }) }),
    ).toThrow(/Invalid currency/);
  });

  it("describes the refund, keyed by our idempotency key", () => {
    const request = buildStripeRefundRequest(config, {
      providerPaymentId: "pi_3Jumys",
      amountTiyn: 50000n,
      idempotencyKey: "refund:J-2026-0001:1",
    });
    expect(request.url).toBe("https://api.stripe.com/v1/refunds");
    expect(request.headers["Idempotency-Key"]).toBe("refund:J-2026-0001:1");
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ payment_intent: "pi_3Jumys", amount: "50000" });
  });

  it("reads the refund answer", () => {
    const refund = (status: string) => ({ status: 200, body: JSON.stringify({ id: "re_1", object: "refund", status }) });
    expect(parseStripeRefundResponse(refund("succeeded"))).toEqual({ status: "succeeded", providerRefundId: "re_1" });
    expect(parseStripeRefundResponse(refund("pending"))).toEqual({ status: "pending", providerRefundId: "re_1" });
    expect(parseStripeRefundResponse(refund("failed"))).toEqual({ status: "failed", message: "refund re_1 failed" });
    expect(
      parseStripeRefundResponse({
        status: 400,
        body: JSON.stringify({ error: { code: "charge_already_refunded", message: "Charge ch_1 has already been refunded." } }),
      }),
    ).toEqual({ status: "failed", message: "Charge ch_1 has already been refunded." });
    expect(() => parseStripeRefundResponse({ status: 500, body: "" })).toThrow(/HTTP 500/);
    expect(() => parseStripeRefundResponse({ status: 200, body: "oops" })).toThrow(/unreadable/);
  });
});

describe("Stripe test notifications", () => {
  it.each([
    ["paid", "payment_intent.succeeded"],
    ["failed", "payment_intent.payment_failed"],
    ["refunded", "charge.refunded"],
  ] as const)("signs a %s event (%s) that verification accepts", (kind, type) => {
    const notification = signStripeTestNotification(config, { ...base, kind, eventId: "evt_test_fixed" });
    expect(notification.url).toBe(WEBHOOK);
    expect(JSON.parse(notification.rawBody)).toMatchObject({ type, livemode: false });
    expect(event(verifyStripeNotification(config, { ...notification, now }))).toMatchObject({
      kind,
      eventKey: "evt_test_fixed",
      providerPaymentId: "pi_3Jumys",
      amountTiyn: 150050n,
      currency: "KZT",
      testMode: true,
    });
  });

  it("names the order on payment events and gives each delivery a new event id unless fixed", () => {
    const paid = signStripeTestNotification(config, { ...base, kind: "paid" });
    const again = signStripeTestNotification(config, { ...base, kind: "paid" });
    expect(event(verifyStripeNotification(config, { ...paid, now }))).toMatchObject({ orderNumber: "J-2026-0001" });
    expect(JSON.parse(paid.rawBody).id).not.toBe(JSON.parse(again.rawBody).id);
  });

  it("is stale five minutes later and refused under another secret", () => {
    const notification = signStripeTestNotification(config, { ...base, kind: "paid" });
    expect(verifyStripeNotification(config, { ...notification, now: new Date(now.getTime() + 301_000) })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyStripeNotification({ ...config, webhookSecret: "whsec_other" }, { ...notification, now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});
