import { describe, expect, it } from "vitest";

import {
  answerCloudPayments,
  buildCloudPaymentsRefundRequest,
  cloudPaymentsNotificationUrl,
  cloudPaymentsSignature,
  createCloudPaymentsProvider,
  parseCloudPaymentsRefundResponse,
  signCloudPaymentsTestNotification,
  verifyCloudPaymentsNotification,
} from "./cloudpayments";
import type { NotificationInput, ProviderHttpRequest, VerifyResult } from "./payment-provider";

// The webhook spec of the `cloud_payments` Ruby gem (undr/cloud_payments,
// spec/cloud_payments/webhooks_spec.rb): this body, signed with the secret "pass" (spec_helper.rb),
// has the HMAC below. Note the lower-case escapes, as CloudPayments sends them.
const GEM_SECRET = "pass";
const GEM_BODY =
  "TransactionId=666&Amount=123.00&Currency=RUB&PaymentAmount=123.00&PaymentCurrency=RUB&InvoiceId=1234567&AccountId=user%40example.com&SubscriptionId=&Name=VLADIMIR+KOCHNEV&Email=user%40example.com&DateTime=2015-11-17+14%3a51%3a20&IpAddress=127.0.0.1&IpCountry=RU&IpCity=%d0%a1%d0%b0%d0%bd%d0%ba%d1%82-%d0%9f%d0%b5%d1%82%d0%b5%d1%80%d0%b1%d1%83%d1%80%d0%b3&IpRegion=%d0%a1%d0%b0%d0%bd%d0%ba%d1%82-%d0%9f%d0%b5%d1%82%d0%b5%d1%80%d0%b1%d1%83%d1%80%d0%b3&IpDistrict=%d0%a1%d0%b5%d0%b2%d0%b5%d1%80%d0%be-%d0%97%d0%b0%d0%bf%d0%b0%d0%b4%d0%bd%d1%8b%d0%b9+%d1%84%d0%b5%d0%b4%d0%b5%d1%80%d0%b0%d0%bb%d1%8c%d0%bd%d1%8b%d0%b9+%d0%be%d0%ba%d1%80%d1%83%d0%b3&IpLatitude=59.939000&IpLongitude=30.315800&CardFirstSix=411111&CardLastFour=1111&CardType=Visa&CardExpDate=01%2f19&Issuer=&IssuerBankCountry=&Description=%d0%9e%d0%bf%d0%bb%d0%b0%d1%82%d0%b0+%d0%b2+example.com&AuthCode=DEADBEEF&Token=1234567890&TestMode=1&Status=Completed";
const GEM_VALID_HMAC = "tJW02TMAce4Em8eJTNqjhOax+BYRM5K2D8mX9xsmUUc=";
const GEM_INVALID_HMAC = "6sUXv4W0wmhfpkkDtp+3Hw/M8deAPkMRVV3OWANcqro=";
const GEM_TIME = new Date("2015-11-17T15:00:00Z");

const gemConfig = { publicId: "user", apiSecret: GEM_SECRET };
const config = { publicId: "pk_test_jumys", apiSecret: "api-secret-for-tests" };
const WEBHOOK = "https://jumys.kz/api/webhooks/cloudpayments";
const FORM = "application/x-www-form-urlencoded";

function input(overrides: Partial<NotificationInput> & { headers?: Record<string, string> }): NotificationInput {
  return {
    headers: { "Content-Type": FORM, "Content-HMAC": GEM_VALID_HMAC },
    rawBody: GEM_BODY,
    url: `${WEBHOOK}?event=pay`,
    now: GEM_TIME,
    ...overrides,
  };
}

/** A body signed with our test secret, sent as `event`. */
function signed(rawBody: string, event: string, contentType = FORM, now = new Date("2026-11-20T10:05:00Z")): NotificationInput {
  return {
    headers: { "Content-Type": contentType, "Content-HMAC": cloudPaymentsSignature(config.apiSecret, rawBody) },
    rawBody,
    url: `${WEBHOOK}?event=${event}`,
    now,
  };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const payment = (overrides: Record<string, string> = {}) =>
  form({
    TransactionId: "901",
    Amount: "1500.00",
    Currency: "KZT",
    InvoiceId: "J-2026-0001",
    DateTime: "2026-11-20 10:00:00",
    Status: "Completed",
    TestMode: "0",
    ...overrides,
  });

const event = (result: VerifyResult) => {
  if (!result.ok || result.ignored) throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
};

describe("CloudPayments signature", () => {
  it("reproduces the cloud_payments gem's vector: HMAC-SHA256 of the body exactly as sent", () => {
    expect(cloudPaymentsSignature(GEM_SECRET, GEM_BODY)).toBe(GEM_VALID_HMAC);
  });

  it("accepts the gem's body with its HMAC, in Content-HMAC or X-Content-HMAC", () => {
    expect(verifyCloudPaymentsNotification(gemConfig, input({})).ok).toBe(true);
    const xOnly = input({ headers: { "content-type": FORM, "x-content-hmac": GEM_VALID_HMAC } });
    expect(verifyCloudPaymentsNotification(gemConfig, xOnly).ok).toBe(true);
  });

  it("refuses the gem's invalid HMAC", () => {
    const result = verifyCloudPaymentsNotification(
      gemConfig,
      input({ headers: { "Content-Type": FORM, "Content-HMAC": GEM_INVALID_HMAC } }),
    );
    expect(result).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses a notification without a signature", () => {
    expect(verifyCloudPaymentsNotification(gemConfig, input({ headers: { "Content-Type": FORM } }))).toEqual({
      ok: false,
      reason: "missing-signature",
    });
    expect(verifyCloudPaymentsNotification(gemConfig, input({ headers: { "Content-Type": FORM, "Content-HMAC": " " } }))).toEqual(
      {
        ok: false,
        reason: "missing-signature",
      },
    );
  });

  it("refuses the right signature under the wrong secret", () => {
    expect(verifyCloudPaymentsNotification(config, input({}))).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("refuses a body changed by one byte", () => {
    const altered = GEM_BODY.replace("Amount=123.00", "Amount=124.00");
    expect(altered).not.toBe(GEM_BODY);
    expect(verifyCloudPaymentsNotification(gemConfig, input({ rawBody: altered }))).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses the same content re-encoded (%D0%A1 for %d0%a1): the HMAC is over bytes, not values", () => {
    const reencoded = GEM_BODY.replace(/%[0-9a-f]{2}/g, (escape) => escape.toUpperCase());
    expect(reencoded).not.toBe(GEM_BODY);
    expect(Object.fromEntries(new URLSearchParams(reencoded))).toEqual(Object.fromEntries(new URLSearchParams(GEM_BODY)));
    expect(verifyCloudPaymentsNotification(gemConfig, input({ rawBody: reencoded }))).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});

describe("CloudPayments notifications", () => {
  it("reads the gem's Pay notification", () => {
    const result = event(verifyCloudPaymentsNotification(gemConfig, input({})));
    expect(result).toMatchObject({
      kind: "paid",
      eventKey: "paid:666",
      orderNumber: "1234567",
      providerPaymentId: "666",
      amountTiyn: 12300n,
      currency: "RUB",
      occurredAt: new Date("2015-11-17T14:51:20Z"),
      testMode: true,
    });
    expect(result.raw).toMatchObject({ IpCity: "Санкт-Петербург", Email: "user@example.com" });
  });

  it("refuses a notification dated more than a week before now, or an hour after", () => {
    const week = 7 * 24 * 60 * 60 * 1000;
    const sent = new Date("2015-11-17T14:51:20Z").getTime();
    expect(verifyCloudPaymentsNotification(gemConfig, input({ now: new Date(sent + week) })).ok).toBe(true);
    expect(verifyCloudPaymentsNotification(gemConfig, input({ now: new Date(sent + week + 1000) }))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyCloudPaymentsNotification(gemConfig, input({ now: new Date(sent - 60 * 60 * 1000 - 1000) }))).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("maps Check, Fail and Confirm, keyed by kind and TransactionId", () => {
    expect(event(verifyCloudPaymentsNotification(config, signed(payment(), "check")))).toMatchObject({
      kind: "check",
      eventKey: "check:901",
      orderNumber: "J-2026-0001",
      amountTiyn: 150000n,
      currency: "KZT",
      testMode: false,
    });
    const fail = payment({ Status: "Declined", Reason: "InsufficientFunds", ReasonCode: "5051" });
    expect(event(verifyCloudPaymentsNotification(config, signed(fail, "fail")))).toMatchObject({
      kind: "failed",
      eventKey: "failed:901",
    });
    expect(event(verifyCloudPaymentsNotification(config, signed(payment(), "confirm")))).toMatchObject({
      kind: "paid",
      eventKey: "paid:901",
    });
  });

  it("maps a Refund to the original payment, keyed by the refund's own TransactionId", () => {
    const refund = form({
      TransactionId: "955",
      PaymentTransactionId: "901",
      Amount: "500.50",
      DateTime: "2026-11-20 10:00:00",
      InvoiceId: "J-2026-0001",
    });
    expect(event(verifyCloudPaymentsNotification(config, signed(refund, "refund")))).toMatchObject({
      kind: "refunded",
      eventKey: "refunded:955",
      orderNumber: "J-2026-0001",
      providerPaymentId: "901",
      providerRefundId: "955",
      amountTiyn: 50050n,
      amountIs: "this-refund",
      currency: "KZT",
    });
    const withoutInvoice = form({
      TransactionId: "956",
      PaymentTransactionId: "901",
      Amount: "1.00",
      DateTime: "2026-11-20 10:00:00",
    });
    expect(event(verifyCloudPaymentsNotification(config, signed(withoutInvoice, "refund")))).toMatchObject({ orderNumber: null });
    const withoutOriginal = form({ TransactionId: "957", Amount: "1.00", DateTime: "2026-11-20 10:00:00" });
    expect(verifyCloudPaymentsNotification(config, signed(withoutOriginal, "refund"))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("gives a delivered-again notification the same key, and Check and Pay of one payment different keys", () => {
    const first = event(verifyCloudPaymentsNotification(config, signed(payment(), "pay")));
    const again = event(
      verifyCloudPaymentsNotification(config, signed(payment(), "pay", FORM, new Date("2026-11-21T09:00:00Z"))),
    );
    const check = event(verifyCloudPaymentsNotification(config, signed(payment(), "check")));
    expect(again.eventKey).toBe(first.eventKey);
    expect(check.eventKey).not.toBe(first.eventKey);
  });

  it("ignores authentic notifications billing does not act on", () => {
    expect(verifyCloudPaymentsNotification(config, signed(payment({ Status: "Authorized" }), "pay"))).toEqual({
      ok: true,
      ignored: true,
      eventType: "pay-authorized",
    });
    expect(verifyCloudPaymentsNotification(config, signed(form({ Id: "sc_1", Status: "Active" }), "recurrent"))).toEqual({
      ok: true,
      ignored: true,
      eventType: "recurrent",
    });
  });

  it("needs the notification type in the URL", () => {
    const body = payment();
    expect(verifyCloudPaymentsNotification(config, { ...signed(body, "pay"), url: WEBHOOK })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyCloudPaymentsNotification(config, signed(body, "payout"))).toEqual({ ok: false, reason: "malformed" });
    expect(event(verifyCloudPaymentsNotification(config, signed(body, "PAY"))).kind).toBe("paid");
  });

  it.each([
    ["a non-numeric amount", { Amount: "abc" }],
    ["a negative amount", { Amount: "-1.00" }],
    ["an amount with three decimals", { Amount: "1.005" }],
    ["a zero amount", { Amount: "0.00" }],
    ["an amount with a comma", { Amount: "1,50" }],
    ["a non-numeric transaction", { TransactionId: "tx-1" }],
    ["no order number", { InvoiceId: "" }],
    ["a lower-case currency", { Currency: "kzt" }],
    ["an impossible date", { DateTime: "2026-02-30 10:00:00" }],
    ["a date in another format", { DateTime: "20.11.2026 10:00" }],
  ])("refuses a signed notification with %s", (_, overrides) => {
    expect(verifyCloudPaymentsNotification(config, signed(payment(overrides), "pay"))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("reads JSON notifications when the Content-Type says so", () => {
    const body = JSON.stringify({
      TransactionId: 902,
      Amount: 150.5,
      Currency: "KZT",
      InvoiceId: "J-2026-0002",
      DateTime: "2026-11-20T10:00:00",
      TestMode: true,
      Data: { plan: "featured" },
    });
    expect(event(verifyCloudPaymentsNotification(config, signed(body, "pay", "application/json; charset=utf-8")))).toMatchObject({
      eventKey: "paid:902",
      amountTiyn: 15050n,
      testMode: true,
      raw: { Data: { plan: "featured" } },
    });
    const overPrecise = body.replace("150.5", "1.005");
    expect(verifyCloudPaymentsNotification(config, signed(overPrecise, "pay", "application/json"))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyCloudPaymentsNotification(config, signed("{not json", "pay", "application/json"))).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyCloudPaymentsNotification(config, signed("[1,2]", "pay", "application/json"))).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("CloudPayments answers", () => {
  it("accepts with code 0", () => {
    expect(answerCloudPayments({ accepted: true }, { kind: "check" })).toEqual({
      status: 200,
      contentType: "application/json; charset=utf-8",
      body: '{"code":0}',
    });
  });

  it("refuses a Check with the documented codes", () => {
    const code = (reason: "unknown-order" | "wrong-amount" | "expired" | "rejected") =>
      JSON.parse(answerCloudPayments({ accepted: false, reason }, { kind: "check" }).body);
    expect(code("unknown-order")).toEqual({ code: 10 });
    expect(code("wrong-amount")).toEqual({ code: 12 });
    expect(code("rejected")).toEqual({ code: 13 });
    expect(code("expired")).toEqual({ code: 20 });
  });

  it("acknowledges Pay, Fail, Refund and ignored notifications with 0 even when billing rejects them", () => {
    for (const kind of ["paid", "failed", "refunded", null] as const) {
      expect(answerCloudPayments({ accepted: false, reason: "unknown-order" }, { kind }).body).toBe('{"code":0}');
    }
  });
});

describe("CloudPayments payments and refunds", () => {
  const order = {
    number: "J-2026-0001",
    amountTiyn: 150005n,
    currency: "KZT" as const,
    description: "Вакансия в топе, 7 дней",
    locale: "kk" as const,
    successUrl: "https://jumys.kz/kk/billing/success",
    failureUrl: "https://jumys.kz/kk/billing/failure",
    notificationUrl: WEBHOOK,
  };
  const noNetwork = async (): Promise<never> => {
    throw new Error("no network expected");
  };

  it("starts a payment in the widget with exact decimal amounts and the payer's language", async () => {
    const provider = createCloudPaymentsProvider(config, { transport: noNetwork });
    expect(await provider.createPayment(order)).toEqual({
      kind: "widget",
      scriptUrl: "https://widget.tiptoppay.kz/bundles/widget.js",
      successUrl: "https://jumys.kz/kk/billing/success",
      failureUrl: "https://jumys.kz/kk/billing/failure",
      params: {
        publicId: "pk_test_jumys",
        invoiceId: "J-2026-0001",
        amount: "1500.05",
        currency: "KZT",
        description: "Вакансия в топе, 7 дней",
        skin: "classic",
        language: "kk-KZ",
      },
    });
    const russian = await provider.createPayment({ ...order, locale: "ru", email: "hr@example.kz" });
    expect(russian).toMatchObject({ params: { language: "ru-RU", accountId: "hr@example.kz", email: "hr@example.kz" } });
  });

  it("builds the refund request with Basic auth and the amount as exact decimal text", () => {
    const request = buildCloudPaymentsRefundRequest(config, {
      providerPaymentId: "901",
      amountTiyn: 50050n,
      idempotencyKey: "r1",
    });
    expect(request).toEqual({
      method: "POST",
      url: "https://api.tiptoppay.kz/payments/refund",
      headers: {
        Authorization: `Basic ${Buffer.from("pk_test_jumys:api-secret-for-tests").toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: '{"TransactionId":901,"Amount":500.50}',
    });
    expect(JSON.parse(request.body)).toEqual({ TransactionId: 901, Amount: 500.5 });
    expect(() =>
      buildCloudPaymentsRefundRequest(config, { providerPaymentId: "901}", amountTiyn: 1n, idempotencyKey: "r" }),
    ).toThrow(RangeError);
    expect(() =>
      buildCloudPaymentsRefundRequest(config, { providerPaymentId: "901", amountTiyn: 0n, idempotencyKey: "r" }),
    ).toThrow(RangeError);
  });

  it("reads the refund answer", async () => {
    const sent: ProviderHttpRequest[] = [];
    const provider = createCloudPaymentsProvider(config, {
      transport: async (request) => {
        sent.push(request);
        return { status: 200, body: '{"Success":true,"Message":null,"Model":{"TransactionId":955}}' };
      },
    });
    expect(await provider.refund({ providerPaymentId: "901", amountTiyn: 100n, idempotencyKey: "r1" })).toEqual({
      status: "succeeded",
      providerRefundId: "955",
    });
    expect(sent).toHaveLength(1);
    expect(
      parseCloudPaymentsRefundResponse({ status: 200, body: '{"Success":false,"Message":"Transaction not found"}' }),
    ).toEqual({
      status: "failed",
      message: "Transaction not found",
    });
    expect(parseCloudPaymentsRefundResponse({ status: 401, body: "" })).toEqual({ status: "failed", message: "HTTP 401" });
    expect(() => parseCloudPaymentsRefundResponse({ status: 502, body: "" })).toThrow(/HTTP 502/);
    expect(() => parseCloudPaymentsRefundResponse({ status: 200, body: "<html>" })).toThrow(/unreadable/);
  });
});

describe("CloudPayments test notifications", () => {
  const now = new Date("2026-11-20T10:00:00Z");
  const base = { orderNumber: "J-2026-0001", amountTiyn: 150000n, notificationUrl: WEBHOOK, now, providerPaymentId: "901" };

  it.each([
    ["check", "check", "check:901"],
    ["paid", "pay", "paid:901"],
    ["failed", "fail", "failed:901"],
  ] as const)("signs a %s notification that verification accepts", (kind, type, key) => {
    const notification = signCloudPaymentsTestNotification(config, { ...base, kind });
    expect(notification.url).toBe(cloudPaymentsNotificationUrl(WEBHOOK, type));
    // Written the way CloudPayments writes it: lower-case escapes of the Cyrillic description.
    expect(notification.rawBody).toContain("Description=%d0%a2");
    const result = event(verifyCloudPaymentsNotification(config, { ...notification, now }));
    expect(result).toMatchObject({
      kind,
      eventKey: key,
      orderNumber: "J-2026-0001",
      providerPaymentId: "901",
      amountTiyn: 150000n,
      testMode: true,
    });
  });

  it("signs a refund of the original payment", () => {
    const notification = signCloudPaymentsTestNotification(config, {
      ...base,
      kind: "refunded",
      providerRefundId: "955",
      amountTiyn: 5000n,
    });
    expect(event(verifyCloudPaymentsNotification(config, { ...notification, now }))).toMatchObject({
      kind: "refunded",
      eventKey: "refunded:955",
      providerPaymentId: "901",
      amountTiyn: 5000n,
    });
  });

  it("is refused under another secret", () => {
    const notification = signCloudPaymentsTestNotification(config, { ...base, kind: "paid" });
    expect(verifyCloudPaymentsNotification({ ...config, apiSecret: "other" }, { ...notification, now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});
