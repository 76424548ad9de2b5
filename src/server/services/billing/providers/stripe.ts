import { randomBytes } from "node:crypto";

import Stripe from "stripe";
import { z } from "zod";

import {
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
  type SignedNotification,
  type TestNotificationBase,
  type Transport,
  type VerifyResult,
} from "./payment-provider";
import { readHeader } from "./wire";

/**
 * Stripe Checkout: we create a Checkout Session and send the payer to its page; Stripe reports the
 * outcome to the webhook endpoint configured in its Dashboard (there is no per-payment notification
 * URL), signing each event with the endpoint's secret.
 *
 * API calls are built here as plain requests and sent through the injected Transport rather than
 * with the SDK's client: the parameters are still typed by the SDK, the builders can be checked
 * exactly in tests, and every provider reaches the network the same way. The SDK is used for what
 * it is best at, the webhook signature.
 */
export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
}

export const STRIPE_API_BASE_URL = "https://api.stripe.com";
/** Stripe's own default: an event signed more than five minutes ago is refused. */
export const STRIPE_TOLERANCE_SECONDS = 300;

/** Stripe's form encoding: nested objects and arrays as `a[b][0][c]=…`. */
function formFields(value: unknown, prefix: string, out: [string, string][]): [string, string][] {
  if (value === undefined || value === null) return out;
  if (Array.isArray(value)) value.forEach((item, index) => formFields(item, `${prefix}[${index}]`, out));
  else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) formFields(item, prefix ? `${prefix}[${key}]` : key, out);
  } else out.push([prefix, String(value)]);
  return out;
}

const encodeStripeForm = (params: object) => new URLSearchParams(formFields(params, "", [])).toString();

/** KZT is a two-decimal currency in Stripe: its minor unit is the tiyn. */
function stripeAmount(tiyn: bigint): number {
  const amount = Number(tiyn);
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`not an amount Stripe can take: ${tiyn}`);
  return amount;
}

function apiRequest(config: StripeConfig, path: string, params: object, idempotencyKey: string): ProviderHttpRequest {
  return {
    method: "POST",
    url: `${STRIPE_API_BASE_URL}${path}`,
    headers: {
      Authorization: `Bearer ${config.secretKey}`,
      "Content-Type": "application/x-www-form-urlencoded",
      // Pinned to the version the SDK's types describe, whatever the account's default.
      "Stripe-Version": Stripe.API_VERSION,
      "Idempotency-Key": idempotencyKey,
    },
    body: encodeStripeForm(params),
  };
}

/**
 * The order number travels in the PaymentIntent's metadata because payment_intent.succeeded is the
 * event we act on (see verifyStripeNotification). Checkout has no Kazakh page, so a Kazakh-speaking
 * payer gets the Russian one. A network retry reuses the Idempotency-Key and gets the same session.
 */
export function buildStripeCheckoutRequest(config: StripeConfig, order: PaymentOrder): ProviderHttpRequest {
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: order.currency.toLowerCase(),
          unit_amount: stripeAmount(order.amountTiyn),
          product_data: { name: order.description },
        },
      },
    ],
    client_reference_id: order.number,
    customer_email: order.email,
    locale: "ru",
    success_url: order.successUrl,
    cancel_url: order.failureUrl,
    metadata: { order_number: order.number },
    payment_intent_data: { description: order.description, metadata: { order_number: order.number } },
  };
  return apiRequest(config, "/v1/checkout/sessions", params, `checkout-session:${order.number}:${order.amountTiyn}`);
}

export function buildStripeRefundRequest(config: StripeConfig, input: RefundInput): ProviderHttpRequest {
  const params: Stripe.RefundCreateParams = { payment_intent: input.providerPaymentId, amount: stripeAmount(input.amountTiyn) };
  return apiRequest(config, "/v1/refunds", params, input.idempotencyKey);
}

const errorBody = z.object({ error: z.object({ message: z.string().optional(), code: z.string().optional() }) });

function readJson(response: ProviderHttpResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    return null;
  }
}

const errorMessage = (response: ProviderHttpResponse) => {
  const parsed = errorBody.safeParse(readJson(response));
  return parsed.success
    ? (parsed.data.error.message ?? parsed.data.error.code ?? `HTTP ${response.status}`)
    : `HTTP ${response.status}`;
};

export function parseStripeCheckoutResponse(response: ProviderHttpResponse): PaymentStart {
  const session = z.object({ id: z.string(), url: z.url() }).safeParse(readJson(response));
  if (response.status >= 300 || !session.success) {
    throw new ProviderResponseError("stripe", `checkout session: ${errorMessage(response)}`, response.status);
  }
  return { kind: "redirect", url: session.data.url, providerReference: session.data.id };
}

export function parseStripeRefundResponse(response: ProviderHttpResponse): RefundOutcome {
  if (response.status >= 500) throw new ProviderResponseError("stripe", `HTTP ${response.status}`, response.status);
  if (response.status >= 400) return { status: "failed", message: errorMessage(response) };
  const refund = z.object({ id: z.string(), status: z.string().nullish() }).safeParse(readJson(response));
  if (!refund.success) throw new ProviderResponseError("stripe", "unreadable refund answer", response.status);
  switch (refund.data.status) {
    case "succeeded":
      return { status: "succeeded", providerRefundId: refund.data.id };
    case "pending":
    case "requires_action":
      return { status: "pending", providerRefundId: refund.data.id };
    case "failed":
    case "canceled":
      return { status: "failed", message: `refund ${refund.data.id} ${refund.data.status}` };
    default:
      throw new ProviderResponseError("stripe", `unknown refund status ${refund.data.status}`, response.status);
  }
}

const amount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const currency = z.string().regex(/^[a-z]{3}$/i);
const metadata = z.record(z.string(), z.string()).nullish();
const paymentIntentShape = z.object({ id: z.string().min(1), amount, amount_received: z.number().int(), currency, metadata });
const chargeShape = z.object({
  id: z.string().min(1),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  amount_refunded: amount,
  currency,
  metadata,
});

/**
 * payment_intent.succeeded is the authoritative "paid": it fires when the money is taken, for every
 * payment method (checkout.session.completed can arrive before an asynchronous method settles) and
 * it carries the PaymentIntent id that refunds need. checkout.session.completed is therefore ignored,
 * as is any PaymentIntent without our order number (made outside our checkout).
 */
function normalize(event: Stripe.Event): VerifyResult {
  const base = { eventKey: event.id, occurredAt: new Date(event.created * 1000), testMode: !event.livemode };
  const object: unknown = event.data.object;
  if (event.type === "payment_intent.succeeded" || event.type === "payment_intent.payment_failed") {
    const intent = paymentIntentShape.safeParse(object);
    if (!intent.success) return { ok: false, reason: "malformed" };
    const orderNumber = intent.data.metadata?.order_number;
    if (!orderNumber) return { ok: true, ignored: true, eventType: event.type };
    const paid = event.type === "payment_intent.succeeded";
    const tiyn = paid ? intent.data.amount_received : intent.data.amount;
    if (tiyn <= 0) return { ok: false, reason: "malformed" };
    return {
      ok: true,
      ignored: false,
      event: {
        ...base,
        kind: paid ? "paid" : "failed",
        orderNumber,
        providerPaymentId: intent.data.id,
        amountTiyn: BigInt(tiyn),
        currency: intent.data.currency.toUpperCase(),
        raw: event as unknown as Record<string, unknown>,
      },
    };
  }
  if (event.type === "charge.refunded") {
    const charge = chargeShape.safeParse(object);
    if (!charge.success) return { ok: false, reason: "malformed" };
    const intent = charge.data.payment_intent;
    if (!intent) return { ok: true, ignored: true, eventType: event.type };
    return {
      ok: true,
      ignored: false,
      event: {
        ...base,
        kind: "refunded",
        orderNumber: charge.data.metadata?.order_number ?? null,
        providerPaymentId: typeof intent === "string" ? intent : intent.id,
        providerRefundId: null,
        // The charge says how much of it is refunded so far, not how much this refund was.
        amountTiyn: BigInt(charge.data.amount_refunded),
        amountIs: "refunded-to-date",
        currency: charge.data.currency.toUpperCase(),
        raw: event as unknown as Record<string, unknown>,
      },
    };
  }
  return { ok: true, ignored: true, eventType: event.type };
}

// The SDK parses the JSON but checks nothing of its shape.
const eventEnvelope = z.object({
  id: z.string().min(1),
  type: z.string(),
  created: z.number().int().nonnegative(),
  livemode: z.boolean(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});

const isSignatureError = (error: unknown) => error instanceof Stripe.errors.StripeSignatureVerificationError;

export function verifyStripeNotification(config: StripeConfig, input: NotificationInput): VerifyResult {
  const header = readHeader(input.headers, "Stripe-Signature");
  if (!header?.trim()) return { ok: false, reason: "missing-signature" };
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      input.rawBody,
      header,
      config.webhookSecret,
      STRIPE_TOLERANCE_SECONDS,
      undefined,
      input.now.getTime(),
    );
  } catch (error) {
    if (!isSignatureError(error)) return { ok: false, reason: "malformed" };
    // The SDK says "timestamp outside the tolerance zone" only in its message; asking again with no
    // tolerance (0 turns the age check off) tells a stale event from a forged one without parsing it.
    try {
      Stripe.webhooks.constructEvent(input.rawBody, header, config.webhookSecret, 0);
    } catch (retryError) {
      if (isSignatureError(retryError)) return { ok: false, reason: "bad-signature" };
    }
    return { ok: false, reason: "stale" };
  }
  return eventEnvelope.safeParse(event).success ? normalize(event) : { ok: false, reason: "malformed" };
}

/**
 * Stripe has no way to refuse an event: anything but a 2xx only makes it retry for days. A rejected
 * payment is acknowledged too, and billing refunds it.
 */
export function answerStripe(_result: AnswerResult): HttpAnswer {
  return { status: 200, contentType: "application/json; charset=utf-8", body: '{"received":true}' };
}

export interface StripeTestNotification extends TestNotificationBase {
  kind: "paid" | "failed" | "refunded";
  /** Random when absent; fix it to deliver the same event twice. */
  eventId?: string;
}

const randomId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;

/** An event as Stripe would deliver it, signed with the endpoint secret by the SDK's own helper. */
export function signStripeTestNotification(config: StripeConfig, input: StripeTestNotification): SignedNotification {
  const created = Math.floor(input.now.getTime() / 1000);
  const intentId = input.providerPaymentId ?? randomId("pi");
  const value = stripeAmount(input.amountTiyn);
  const metadata = { order_number: input.orderNumber };
  const object =
    input.kind === "refunded"
      ? {
          id: randomId("ch"),
          object: "charge",
          amount: value,
          amount_captured: value,
          amount_refunded: value,
          refunded: true,
          currency: "kzt",
          payment_intent: intentId,
          metadata,
          status: "succeeded",
          created,
          livemode: false,
        }
      : {
          id: intentId,
          object: "payment_intent",
          amount: value,
          amount_received: input.kind === "paid" ? value : 0,
          currency: "kzt",
          metadata,
          status: input.kind === "paid" ? "succeeded" : "requires_payment_method",
          ...(input.kind === "failed"
            ? {
                last_payment_error: {
                  code: "card_declined",
                  decline_code: "insufficient_funds",
                  message: "Your card has insufficient funds.",
                },
              }
            : {}),
          created,
          livemode: false,
        };
  const event = {
    id: input.eventId ?? randomId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: { paid: "payment_intent.succeeded", failed: "payment_intent.payment_failed", refunded: "charge.refunded" }[input.kind],
  };
  const rawBody = JSON.stringify(event, null, 2);
  return {
    url: input.notificationUrl,
    method: "POST",
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Stripe-Signature": Stripe.webhooks.generateTestHeaderString({
        payload: rawBody,
        secret: config.webhookSecret,
        timestamp: created,
      }),
    },
    rawBody,
  };
}

export function createStripeProvider(config: StripeConfig, deps: { transport: Transport }): PaymentProvider {
  return {
    id: "stripe",
    createPayment: async (order) => parseStripeCheckoutResponse(await deps.transport(buildStripeCheckoutRequest(config, order))),
    verifyNotification: (input) => verifyStripeNotification(config, input),
    answer: (result) => answerStripe(result),
    refund: async (input) => parseStripeRefundResponse(await deps.transport(buildStripeRefundRequest(config, input))),
  };
}
