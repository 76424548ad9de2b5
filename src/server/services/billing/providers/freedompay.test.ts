import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import {
  answerFreedomPay,
  buildFreedomPayInitRequest,
  buildFreedomPayRefundRequest,
  createFreedomPayProvider,
  freedomPaySignature,
  nestFields,
  parseFreedomPayInitResponse,
  parseFreedomPayRefundResponse,
  readFreedomPayXml,
  signFreedomPayTestNotification,
  verifyFreedomPayNotification,
} from "./freedompay";
import type { NotificationInput, ProviderHttpRequest, VerifyResult } from "./payment-provider";

const config = { merchantId: "545774", secretKey: "fp-secret-for-tests" };
const WEBHOOK = "https://jumys.kz/api/webhooks/freedompay";
const FORM = "application/x-www-form-urlencoded";
const now = new Date("2026-11-20T10:00:00Z");
const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

const event = (result: VerifyResult) => {
  if (!result.ok || result.ignored) throw new Error(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
};

/** Fields signed for our webhook's script name, then form-encoded as a POST body. */
function signed(fields: [string, string][], url = WEBHOOK, secret = config.secretKey): NotificationInput {
  const params = nestFields(fields);
  const body = new URLSearchParams([...fields, ["pg_sig", freedomPaySignature("freedompay", params, secret)]]).toString();
  return { headers: { "Content-Type": FORM }, rawBody: body, url, now };
}

const result = (overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    pg_order_id: "J-2026-0001",
    pg_payment_id: "4567788",
    pg_amount: "1500",
    pg_currency: "KZT",
    pg_result: "1",
    pg_can_reject: "1",
    pg_testing_mode: "0",
    pg_salt: "molbulak",
    ...overrides,
  });

describe("Freedom Pay signature", () => {
  it("reproduces the protocol's published vector, nested fields included", () => {
    // Platron's API documentation (the protocol Freedom Pay/PayBox inherited), "Формирование
    // подписи": script.php, secret mypasskey, fields in this order, nested pg_z_param.
    const params = nestFields([
      ["pg_salt", "9imM909TH820jwk387"],
      ["pg_t_param", "value3"],
      ["pg_a_param", "value1"],
      ["pg_z_param[pg_q_subparam]", "subvalue2"],
      ["pg_z_param[pg_m_subparam]", "subvalue1"],
      ["pg_b_param", "value2"],
    ]);
    expect(freedomPaySignature("script.php", params, "mypasskey")).toBe("a8a4d5a9188f24038a14a4d65c387bf7");
  });

  it("orders init_payment.php's fields as Freedom Pay's documentation example does", () => {
    // Documented: 'init_payment.php;25;test;{merchant_id};23;molbulak;{secret_key}'.
    const params = new Map([
      ["pg_order_id", "23"],
      ["pg_merchant_id", "545774"],
      ["pg_amount", "25"],
      ["pg_description", "test"],
      ["pg_salt", "molbulak"],
    ]);
    expect(freedomPaySignature("init_payment.php", params, "s3cret")).toBe(
      md5("init_payment.php;25;test;545774;23;molbulak;s3cret"),
    );
  });

  it("leaves pg_sig out of what it signs", () => {
    const params = new Map([["pg_salt", "a"]]);
    expect(freedomPaySignature("x", new Map([...params, ["pg_sig", "whatever"]]), "k")).toBe(
      freedomPaySignature("x", params, "k"),
    );
  });
});

describe("Freedom Pay callbacks", () => {
  it("reads a successful result", () => {
    expect(event(verifyFreedomPayNotification(config, signed(result())))).toEqual({
      kind: "paid",
      eventKey: "paid:4567788",
      orderNumber: "J-2026-0001",
      providerPaymentId: "4567788",
      amountTiyn: 150000n,
      currency: "KZT",
      occurredAt: now,
      testMode: false,
      raw: Object.fromEntries([...result(), ["pg_sig", expect.any(String)]]),
    });
  });

  it("reads a failed result and a check", () => {
    expect(event(verifyFreedomPayNotification(config, signed(result({ pg_result: "0" }))))).toMatchObject({
      kind: "failed",
      eventKey: "failed:4567788",
    });
    const check = result().filter(([key]) => key !== "pg_result");
    expect(event(verifyFreedomPayNotification(config, signed(check)))).toMatchObject({
      kind: "check",
      eventKey: "check:4567788",
    });
  });

  it("gives a repeated result the same key", () => {
    const first = event(verifyFreedomPayNotification(config, signed(result())));
    const retry = event(verifyFreedomPayNotification(config, signed(result({ pg_salt: "another-salt" }))));
    expect(retry.eventKey).toBe(first.eventKey);
  });

  it("refuses a callback without pg_sig", () => {
    const body = new URLSearchParams(result()).toString();
    expect(verifyFreedomPayNotification(config, { headers: { "Content-Type": FORM }, rawBody: body, url: WEBHOOK, now })).toEqual(
      {
        ok: false,
        reason: "missing-signature",
      },
    );
  });

  it("refuses a wrong signature, another secret, or a signature for another script", () => {
    const good = signed(result());
    const forged = good.rawBody.replace(/pg_sig=[0-9a-f]{32}/, `pg_sig=${"0".repeat(32)}`);
    expect(forged).not.toBe(good.rawBody);
    expect(verifyFreedomPayNotification(config, { ...good, rawBody: forged })).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyFreedomPayNotification(config, signed(result(), WEBHOOK, "other-secret"))).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyFreedomPayNotification(config, { ...good, url: "https://jumys.kz/api/webhooks/cloudpayments" })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });

  it("refuses a body changed by one byte", () => {
    const good = signed(result());
    const altered = good.rawBody.replace("pg_amount=1500", "pg_amount=1600");
    expect(altered).not.toBe(good.rawBody);
    expect(verifyFreedomPayNotification(config, { ...good, rawBody: altered })).toEqual({ ok: false, reason: "bad-signature" });
  });

  it("accepts the same values re-encoded (%D0%A1 or %d0%a1): pg_sig signs values, not bytes", () => {
    const good = signed(result({ pg_description: "Сап" }));
    const lower = good.rawBody.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    expect(lower).not.toBe(good.rawBody);
    expect(verifyFreedomPayNotification(config, { ...good, rawBody: lower }).ok).toBe(true);
  });

  it("accepts the signature in upper-case hex", () => {
    const good = signed(result());
    const upper = good.rawBody.replace(/pg_sig=([0-9a-f]{32})/, (_, sig: string) => `pg_sig=${sig.toUpperCase()}`);
    expect(upper).not.toBe(good.rawBody);
    expect(verifyFreedomPayNotification(config, { ...good, rawBody: upper }).ok).toBe(true);
  });

  it("reads multipart bodies and GET queries", () => {
    const good = signed(result());
    const fields = [...new URLSearchParams(good.rawBody)];
    const boundary = "----jumys-boundary";
    const multipart =
      fields
        .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join("") + `--${boundary}--\r\n`;
    const viaMultipart = {
      ...good,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      rawBody: multipart,
    };
    expect(event(verifyFreedomPayNotification(config, viaMultipart)).eventKey).toBe("paid:4567788");
    const viaQuery = { ...good, headers: {}, rawBody: "", url: `${WEBHOOK}?${good.rawBody}` };
    expect(event(verifyFreedomPayNotification(config, viaQuery)).eventKey).toBe("paid:4567788");
  });

  it.each([
    ["a non-numeric amount", { pg_amount: "abc" }],
    ["a negative amount", { pg_amount: "-5" }],
    ["an amount with three decimals", { pg_amount: "1.005" }],
    ["a zero amount", { pg_amount: "0" }],
    ["an unknown pg_result", { pg_result: "2" }],
    ["no order number", { pg_order_id: "" }],
    ["a non-numeric payment id", { pg_payment_id: "abc" }],
    ["no currency", { pg_currency: "" }],
  ])("refuses a signed callback with %s", (_, overrides) => {
    expect(verifyFreedomPayNotification(config, signed(result(overrides)))).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses bodies it cannot read", () => {
    const good = signed(result());
    expect(verifyFreedomPayNotification(config, { ...good, headers: { "Content-Type": "application/json" } })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(
      verifyFreedomPayNotification(config, { ...good, headers: { "Content-Type": "multipart/form-data; boundary=x" } }),
    ).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("acknowledges and ignores a refund callback, which is not consumed", () => {
    const refund = result({ pg_refund_id: "777", pg_refund_type: "refund" }).filter(([key]) => key !== "pg_result");
    expect(verifyFreedomPayNotification(config, signed(refund))).toEqual({ ok: true, ignored: true, eventType: "refund" });
  });
});

describe("Freedom Pay answers", () => {
  const ctx = { url: WEBHOOK, salt: "salt123" };

  it("answers ok in signed XML", () => {
    const answer = answerFreedomPay(config, { accepted: true }, { ...ctx, kind: "paid" });
    const sig = md5("freedompay;ok;salt123;ok;fp-secret-for-tests");
    expect(answer).toEqual({
      status: 200,
      contentType: "application/xml; charset=utf-8",
      body: `<?xml version="1.0" encoding="utf-8"?><response><pg_status>ok</pg_status><pg_description>ok</pg_description><pg_salt>salt123</pg_salt><pg_sig>${sig}</pg_sig></response>`,
    });
  });

  it("rejects a check or a result, and its signature covers what it says", () => {
    for (const kind of ["check", "paid"] as const) {
      const answer = answerFreedomPay(
        config,
        { accepted: false, reason: "expired" },
        { ...ctx, kind, description: "Заказ <истёк> & отменён" },
      );
      const fields = readFreedomPayXml(answer.body)!;
      expect(fields.get("pg_status")).toBe("rejected");
      expect(fields.get("pg_description")).toBe("Заказ <истёк> & отменён");
      expect(answer.body).toContain("Заказ &lt;истёк&gt; &amp; отменён");
      const { pg_sig: sig, ...signedFields } = Object.fromEntries(fields);
      expect(sig).toBe(freedomPaySignature("freedompay", new Map(Object.entries(signedFields)), config.secretKey));
    }
    expect(
      readFreedomPayXml(
        answerFreedomPay(config, { accepted: false, reason: "wrong-amount" }, { ...ctx, kind: "check" }).body,
      )?.get("pg_description"),
    ).toBe("wrong-amount");
  });

  it("acknowledges a failed payment or an ignored callback whatever billing says", () => {
    for (const kind of ["failed", null] as const) {
      const answer = answerFreedomPay(config, { accepted: false, reason: "unknown-order" }, { ...ctx, kind });
      expect(readFreedomPayXml(answer.body)?.get("pg_status")).toBe("ok");
    }
  });

  it("uses a fresh salt when none is given", () => {
    const a = readFreedomPayXml(answerFreedomPay(config, { accepted: true }, { kind: "paid", url: WEBHOOK }).body)!;
    const b = readFreedomPayXml(answerFreedomPay(config, { accepted: true }, { kind: "paid", url: WEBHOOK }).body)!;
    expect(a.get("pg_salt")).toMatch(/^[0-9a-f]{16}$/);
    expect(a.get("pg_salt")).not.toBe(b.get("pg_salt"));
  });
});

describe("Freedom Pay payments and refunds", () => {
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

  it("builds a signed init_payment.php request", () => {
    const request = buildFreedomPayInitRequest(config, order, "molbulak");
    expect(request.url).toBe("https://api.freedompay.kz/init_payment.php");
    expect(request.headers).toEqual({ "Content-Type": FORM });
    const fields = new Map(new URLSearchParams(request.body));
    expect(Object.fromEntries(fields)).toEqual({
      pg_merchant_id: "545774",
      pg_order_id: "J-2026-0001",
      pg_amount: "1500.50",
      pg_currency: "KZT",
      pg_description: "Вакансия в топе",
      pg_salt: "molbulak",
      pg_check_url: WEBHOOK,
      pg_result_url: WEBHOOK,
      pg_request_method: "POST",
      pg_success_url: "https://jumys.kz/kk/billing/success",
      pg_success_url_method: "GET",
      pg_failure_url: "https://jumys.kz/kk/billing/failure",
      pg_failure_url_method: "GET",
      pg_language: "kk",
      pg_user_contact_email: "hr@example.kz",
      pg_sig: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(fields.get("pg_sig")).toBe(freedomPaySignature("init_payment.php", fields, config.secretKey));
  });

  it("sends the payer to the page init_payment.php returns", async () => {
    const sent: ProviderHttpRequest[] = [];
    const provider = createFreedomPayProvider(config, {
      salt: () => "fixed-salt",
      transport: async (request) => {
        sent.push(request);
        return {
          status: 200,
          body: `<?xml version="1.0" encoding="utf-8"?>
<response>
    <pg_status>ok</pg_status>
    <pg_payment_id>4567788</pg_payment_id>
    <pg_redirect_url>https://api.freedompay.kz/pay.html?customer=4983&amp;lang=kk</pg_redirect_url>
    <pg_redirect_url_type>need data</pg_redirect_url_type>
    <pg_salt>bdwLavL9lg6It91b</pg_salt>
    <pg_sig>709633e91387c56ac6fb7cb33d1e07d8</pg_sig>
</response>`,
        };
      },
    });
    expect(await provider.createPayment(order)).toEqual({
      kind: "redirect",
      url: "https://api.freedompay.kz/pay.html?customer=4983&lang=kk",
      providerReference: "4567788",
    });
    expect(sent[0]?.body).toContain("pg_salt=fixed-salt");
  });

  it("throws when init_payment.php refuses", () => {
    const refusal =
      "<response><pg_status>error</pg_status><pg_error_code>9998</pg_error_code><pg_error_description>Неверная подпись</pg_error_description></response>";
    expect(() => parseFreedomPayInitResponse({ status: 200, body: refusal })).toThrow(/Неверная подпись/);
    expect(() => parseFreedomPayInitResponse({ status: 503, body: "" })).toThrow(/HTTP 503/);
  });

  it("builds a signed revoke.php refund", () => {
    const request = buildFreedomPayRefundRequest(
      config,
      { providerPaymentId: "4567788", amountTiyn: 50000n, idempotencyKey: "r1" },
      "s1",
    );
    expect(request.url).toBe("https://api.freedompay.kz/revoke.php");
    const fields = new Map(new URLSearchParams(request.body));
    expect(fields.get("pg_refund_amount")).toBe("500.00");
    expect(fields.get("pg_payment_id")).toBe("4567788");
    expect(fields.get("pg_sig")).toBe(md5("revoke.php;545774;4567788;500.00;s1;fp-secret-for-tests"));
  });

  it("reads revoke.php's answer", () => {
    const answer = (status: string, extra = "") => ({
      status: 200,
      body: `<response><pg_status>${status}</pg_status>${extra}</response>`,
    });
    expect(parseFreedomPayRefundResponse(answer("ok"))).toEqual({ status: "succeeded", providerRefundId: null });
    expect(parseFreedomPayRefundResponse(answer("success"))).toEqual({ status: "succeeded", providerRefundId: null });
    expect(parseFreedomPayRefundResponse(answer("pending"))).toEqual({ status: "pending", providerRefundId: null });
    expect(
      parseFreedomPayRefundResponse(answer("error", "<pg_error_description>Платёж не найден</pg_error_description>")),
    ).toEqual({
      status: "failed",
      message: "Платёж не найден",
    });
    expect(() => parseFreedomPayRefundResponse(answer("maybe"))).toThrow(/unknown refund status/);
    expect(() => parseFreedomPayRefundResponse({ status: 500, body: "" })).toThrow(/HTTP 500/);
  });
});

describe("Freedom Pay test notifications", () => {
  const base = { orderNumber: "J-2026-0001", amountTiyn: 150000n, notificationUrl: WEBHOOK, now, providerPaymentId: "4567788" };

  it.each(["check", "paid", "failed"] as const)("signs a %s callback that verification accepts", (kind) => {
    const notification = signFreedomPayTestNotification(config, { ...base, kind });
    expect(notification.url).toBe(WEBHOOK);
    expect(event(verifyFreedomPayNotification(config, { ...notification, now }))).toMatchObject({
      kind,
      eventKey: `${kind}:4567788`,
      orderNumber: "J-2026-0001",
      amountTiyn: 150000n,
      testMode: true,
    });
  });

  it("is refused under another secret", () => {
    const notification = signFreedomPayTestNotification(config, { ...base, kind: "paid" });
    expect(verifyFreedomPayNotification({ ...config, secretKey: "other" }, { ...notification, now })).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
});
