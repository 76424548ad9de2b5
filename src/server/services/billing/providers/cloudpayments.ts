import { createHmac, randomInt } from "node:crypto";

import { z } from "zod";

import { formatTiyn, parseAmountTiyn } from "./money";
import {
  type AnswerContext,
  type AnswerResult,
  type HttpAnswer,
  type NotificationInput,
  type PaymentOrder,
  type PaymentProvider,
  type PaymentStart,
  ProviderResponseError,
  type ProviderHttpRequest,
  type ProviderHttpResponse,
  type RefundInput,
  type RefundOutcome,
  type RejectReason,
  type SignedNotification,
  type TestNotificationBase,
  type Transport,
  type VerifyResult,
} from "./payment-provider";
import { encodeForm, mediaType, queryOf, readHeader, safeEqual } from "./wire";

/**
 * CloudPayments, operated in Kazakhstan as TipTop Pay: the payer pays in CloudPayments' widget on
 * our page; the provider then calls our webhook with Check (before charging: may we?), Pay, Fail and
 * Refund notifications, each signed with HMAC-SHA256 of the body under the API secret.
 */
export interface CloudPaymentsConfig {
  publicId: string;
  apiSecret: string;
  /** TipTop Pay's API by default; CloudPayments' own host (https://api.cloudpayments.ru) elsewhere. */
  apiBaseUrl?: string;
  /** The payment widget's script: TipTop Pay's by default (CLOUDPAYMENTS_WIDGET_URL). */
  widgetScriptUrl?: string;
}

export const CLOUDPAYMENTS_WIDGET_URL = "https://widget.tiptoppay.kz/bundles/widget.js";

export const CLOUDPAYMENTS_API_BASE_URL = "https://api.tiptoppay.kz";

/**
 * The signature covers the body only, with no timestamp of the provider's, so a captured notification
 * stays valid forever. Its DateTime (UTC, when the operation happened) bounds that: retries of one
 * notification repeat the same DateTime, and the provider does not document how long it retries, so
 * the window is a generous week; inside it the exactly-once eventKey turns a replay into a no-op. A
 * notification re-sent by hand from the merchant cabinet after a week is refused and needs a manual
 * look.
 */
export const CLOUDPAYMENTS_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Clock skew allowed the other way: a DateTime this far ahead of our clock is not believed. */
export const CLOUDPAYMENTS_MAX_AHEAD_MS = 60 * 60 * 1000;

/**
 * Every notification type has the same shape and nothing in the body says which one it is, so each
 * type is configured in the cabinet with its own URL: our webhook with `?event=<type>`. The URL is
 * not signed: a Check body re-posted as `?event=pay` would verify. Check bodies only ever travel
 * from CloudPayments to us over TLS, and billing still compares a payment's amount with the order.
 */
export const CLOUDPAYMENTS_EVENTS = ["check", "pay", "fail", "confirm", "refund", "cancel", "recurrent", "receipt"] as const;
export type CloudPaymentsEvent = (typeof CLOUDPAYMENTS_EVENTS)[number];

export function cloudPaymentsNotificationUrl(notificationUrl: string, event: CloudPaymentsEvent): string {
  const url = new URL(notificationUrl);
  url.searchParams.set("event", event);
  return url.toString();
}

/** base64(HMAC-SHA256(API secret, body bytes as received)): the Content-HMAC header. */
export function cloudPaymentsSignature(apiSecret: string, rawBody: string): string {
  return createHmac("sha256", apiSecret).update(rawBody, "utf8").digest("base64");
}

/** The answer codes of a Check notification; any other notification is acknowledged with 0. */
const CHECK_CODES: Record<RejectReason, number> = {
  "unknown-order": 10,
  "wrong-amount": 12,
  rejected: 13,
  expired: 20,
};

const WIDGET_LANGUAGES = { ru: "ru-RU", kk: "kk-KZ" } as const;

type Fields = ReadonlyMap<string, string>;

/** The notification's fields as text, whether it came form-encoded (the default) or as JSON. */
function readFields(contentType: string | null, rawBody: string): { fields: Fields; raw: Record<string, unknown> } | null {
  const fields = new Map<string, string>();
  if (mediaType(contentType) === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return null;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const raw = parsed as Record<string, unknown>;
    for (const [key, value] of Object.entries(raw)) {
      // JSON numbers are written back as JS prints them: 123.00 reads as "123", 1.005 stays
      // "1.005" and is refused by the amount parser, as an exponent would be.
      if (typeof value === "string") fields.set(key, value);
      else if (typeof value === "number") fields.set(key, String(value));
      else if (typeof value === "boolean") fields.set(key, value ? "1" : "0");
      else if (value !== null) fields.set(key, JSON.stringify(value));
    }
    return { fields, raw };
  }
  const raw: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    if (fields.has(key)) continue;
    fields.set(key, value);
    raw[key] = value;
  }
  return { fields, raw };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,7})?Z?$/;

/** "2015-11-17 14:51:20" read as UTC, which CloudPayments documents DateTime to be. */
function parseUtc(text: string | undefined): Date | null {
  const match = text ? DATE_TIME.exec(text) : null;
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2015-02-30 over into March: such a date was never valid.
  const valid =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  return valid ? date : null;
}

const isTransactionId = (value: string | undefined): value is string => value !== undefined && /^\d{1,20}$/.test(value);

const positiveAmount = (value: string | undefined): bigint | null => {
  const tiyn = value === undefined ? null : parseAmountTiyn(value);
  return tiyn !== null && tiyn > 0n ? tiyn : null;
};

const isTestMode = (value: string | undefined) => value === "1" || value?.toLowerCase() === "true";

export function verifyCloudPaymentsNotification(config: CloudPaymentsConfig, input: NotificationInput): VerifyResult {
  const signatures = [readHeader(input.headers, "Content-HMAC"), readHeader(input.headers, "X-Content-HMAC")].filter(
    (value): value is string => value !== null && value.trim() !== "",
  );
  if (signatures.length === 0) return { ok: false, reason: "missing-signature" };
  const expected = Buffer.from(cloudPaymentsSignature(config.apiSecret, input.rawBody));
  // Both headers are checked against the body as received. Third-party code reports that
  // X-Content-HMAC is computed over the URL-decoded body; that variant is not accepted (it fails
  // closed), and CloudPayments sends Content-HMAC alongside it.
  if (!signatures.some((signature) => safeEqual(Buffer.from(signature.trim()), expected))) {
    return { ok: false, reason: "bad-signature" };
  }

  const event = queryOf(input.url).get("event")?.toLowerCase();
  if (!event || !(CLOUDPAYMENTS_EVENTS as readonly string[]).includes(event)) return { ok: false, reason: "malformed" };
  const type = event as CloudPaymentsEvent;
  if (type === "cancel" || type === "recurrent" || type === "receipt") return { ok: true, ignored: true, eventType: type };

  const read = readFields(readHeader(input.headers, "Content-Type"), input.rawBody);
  if (!read) return { ok: false, reason: "malformed" };
  const { fields, raw } = read;
  const transactionId = fields.get("TransactionId");
  const amountTiyn = positiveAmount(fields.get("Amount"));
  const occurredAt = parseUtc(fields.get("DateTime"));
  if (!isTransactionId(transactionId) || amountTiyn === null || occurredAt === null) return { ok: false, reason: "malformed" };

  const age = input.now.getTime() - occurredAt.getTime();
  const fresh = age <= CLOUDPAYMENTS_MAX_AGE_MS && -age <= CLOUDPAYMENTS_MAX_AHEAD_MS;
  const testMode = isTestMode(fields.get("TestMode"));

  if (type === "refund") {
    const paymentId = fields.get("PaymentTransactionId");
    const currency = fields.get("Currency") ?? "KZT";
    if (!isTransactionId(paymentId) || !/^[A-Z]{3}$/.test(currency)) return { ok: false, reason: "malformed" };
    if (!fresh) return { ok: false, reason: "stale" };
    return {
      ok: true,
      ignored: false,
      event: {
        kind: "refunded",
        eventKey: `refunded:${transactionId}`,
        orderNumber: fields.get("InvoiceId") || null,
        providerPaymentId: paymentId,
        providerRefundId: transactionId,
        amountTiyn,
        amountIs: "this-refund",
        // A Refund notification need not carry a currency: a refund is in its payment's currency,
        // and this integration only creates KZT payments.
        currency,
        occurredAt,
        testMode,
        raw,
      },
    };
  }

  const currency = fields.get("Currency");
  const orderNumber = fields.get("InvoiceId");
  if (!currency || !/^[A-Z]{3}$/.test(currency) || !orderNumber) return { ok: false, reason: "malformed" };
  if (!fresh) return { ok: false, reason: "stale" };
  // With two-step payments Pay reports an authorisation (money held, not taken); the Confirm that
  // captures it becomes the "paid" event, under the same key a one-step Pay would have had.
  if (type === "pay" && fields.get("Status") === "Authorized") return { ok: true, ignored: true, eventType: "pay-authorized" };
  const kind = type === "check" ? "check" : type === "fail" ? "failed" : "paid";
  return {
    ok: true,
    ignored: false,
    event: {
      kind,
      eventKey: `${kind}:${transactionId}`,
      orderNumber,
      providerPaymentId: transactionId,
      amountTiyn,
      currency,
      occurredAt,
      testMode,
      raw,
    },
  };
}

/**
 * Only a Check can refuse a payment; Pay, Fail and Refund report what already happened, and any
 * code but 0 would only make CloudPayments repeat them. Billing deals with an unwanted payment itself.
 */
export function answerCloudPayments(result: AnswerResult, ctx: Pick<AnswerContext, "kind">): HttpAnswer {
  const code = result.accepted || ctx.kind !== "check" ? 0 : CHECK_CODES[result.reason];
  return { status: 200, contentType: "application/json; charset=utf-8", body: JSON.stringify({ code }) };
}

/**
 * The widget's `pay("charge", …)` options. The amount is decimal text (the page passes
 * Number(amount) to the widget); the payer's email doubles as the account id when we have it.
 */
export function cloudPaymentsWidgetParams(config: CloudPaymentsConfig, order: PaymentOrder): Record<string, string> {
  return {
    publicId: config.publicId,
    invoiceId: order.number,
    amount: formatTiyn(order.amountTiyn),
    currency: order.currency,
    description: order.description,
    ...(order.email ? { accountId: order.email, email: order.email } : {}),
    skin: "classic",
    language: WIDGET_LANGUAGES[order.locale],
  };
}

const basicAuth = (config: CloudPaymentsConfig) =>
  `Basic ${Buffer.from(`${config.publicId}:${config.apiSecret}`, "utf8").toString("base64")}`;

/** POST /payments/refund: JSON written by hand so the amount goes out as exact decimal text. */
export function buildCloudPaymentsRefundRequest(config: CloudPaymentsConfig, input: RefundInput): ProviderHttpRequest {
  if (!isTransactionId(input.providerPaymentId)) {
    throw new RangeError(`not a CloudPayments transaction id: ${input.providerPaymentId}`);
  }
  if (input.amountTiyn <= 0n) throw new RangeError("a refund must be of a positive amount");
  return {
    method: "POST",
    url: `${config.apiBaseUrl ?? CLOUDPAYMENTS_API_BASE_URL}/payments/refund`,
    headers: { Authorization: basicAuth(config), "Content-Type": "application/json" },
    body: `{"TransactionId":${input.providerPaymentId},"Amount":${formatTiyn(input.amountTiyn)}}`,
  };
}

const apiAnswer = z.object({
  Success: z.boolean(),
  Message: z.string().nullish(),
  Model: z.object({ TransactionId: z.union([z.number(), z.string()]).optional() }).nullish(),
});

export function parseCloudPaymentsRefundResponse(response: ProviderHttpResponse): RefundOutcome {
  if (response.status >= 500) throw new ProviderResponseError("cloudpayments", `HTTP ${response.status}`, response.status);
  let parsed: z.infer<typeof apiAnswer> | null = null;
  try {
    const result = apiAnswer.safeParse(JSON.parse(response.body));
    if (result.success) parsed = result.data;
  } catch {
    // handled below: unreadable
  }
  if (response.status >= 400) return { status: "failed", message: parsed?.Message ?? `HTTP ${response.status}` };
  if (!parsed) throw new ProviderResponseError("cloudpayments", "unreadable refund answer", response.status);
  if (!parsed.Success) return { status: "failed", message: parsed.Message ?? "refused" };
  const refundId = parsed.Model?.TransactionId;
  return { status: "succeeded", providerRefundId: refundId === undefined ? null : String(refundId) };
}

export interface CloudPaymentsTestNotification extends TestNotificationBase {
  kind: "check" | "paid" | "failed" | "refunded";
  /** A refund's own transaction id; random when absent. */
  providerRefundId?: string;
  email?: string;
}

const randomTransactionId = () => String(randomInt(100_000_000, 1_000_000_000));

/** A notification as CloudPayments would send it, form-encoded with lower-case escapes and signed. */
export function signCloudPaymentsTestNotification(
  config: CloudPaymentsConfig,
  input: CloudPaymentsTestNotification,
): SignedNotification {
  const amount = formatTiyn(input.amountTiyn);
  const paymentId = input.providerPaymentId ?? randomTransactionId();
  const dateTime = input.now.toISOString().slice(0, 19).replace("T", " ");
  const account = input.email
    ? ([
        ["AccountId", input.email],
        ["Email", input.email],
      ] as const)
    : [];
  let event: CloudPaymentsEvent;
  let fields: (readonly [string, string])[];
  if (input.kind === "refunded") {
    event = "refund";
    fields = [
      ["TransactionId", input.providerRefundId ?? randomTransactionId()],
      ["PaymentTransactionId", paymentId],
      ["Amount", amount],
      ["DateTime", dateTime],
      ["OperationType", "Refund"],
      ["InvoiceId", input.orderNumber],
      ...account,
    ];
  } else {
    event = input.kind === "check" ? "check" : input.kind === "paid" ? "pay" : "fail";
    fields = [
      ["TransactionId", paymentId],
      ["Amount", amount],
      ["Currency", "KZT"],
      ["PaymentAmount", amount],
      ["PaymentCurrency", "KZT"],
      ["OperationType", "Payment"],
      ["InvoiceId", input.orderNumber],
      ...account,
      ["DateTime", dateTime],
      ["CardFirstSix", "400000"],
      ["CardLastFour", "0002"],
      ["CardType", "Visa"],
      ["Description", "Тестовый платёж"],
      ["TestMode", "1"],
      ...(input.kind === "failed"
        ? ([
            ["Status", "Declined"],
            ["Reason", "InsufficientFunds"],
            ["ReasonCode", "5051"],
          ] as const)
        : ([["Status", "Completed"]] as const)),
    ];
  }
  const rawBody = encodeForm(fields);
  return {
    url: cloudPaymentsNotificationUrl(input.notificationUrl, event),
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      "Content-HMAC": cloudPaymentsSignature(config.apiSecret, rawBody),
    },
    rawBody,
  };
}

export function createCloudPaymentsProvider(config: CloudPaymentsConfig, deps: { transport: Transport }): PaymentProvider {
  return {
    id: "cloudpayments",
    // The widget needs nothing from the server: the payment is created when the payer submits it.
    createPayment: async (order: PaymentOrder): Promise<PaymentStart> => ({
      kind: "widget",
      scriptUrl: config.widgetScriptUrl ?? CLOUDPAYMENTS_WIDGET_URL,
      params: cloudPaymentsWidgetParams(config, order),
      successUrl: order.successUrl,
      failureUrl: order.failureUrl,
    }),
    verifyNotification: (input) => verifyCloudPaymentsNotification(config, input),
    answer: (result, ctx) => answerCloudPayments(result, ctx),
    refund: async (input) =>
      parseCloudPaymentsRefundResponse(await deps.transport(buildCloudPaymentsRefundRequest(config, input))),
  };
}
