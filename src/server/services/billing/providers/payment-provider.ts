/**
 * One shape for every payment provider (CloudPayments / TipTop Pay, Freedom Pay, Stripe), so billing
 * services and the webhook route never branch on the provider.
 *
 * The layer is pure: no database, no Next request objects, no clock and no network of its own.
 * Webhook routes pass what they received (headers, the raw body as text, the URL) and the time;
 * calls to a provider's API go through an injected `Transport`, which keeps each provider testable
 * with a fake and lets the request builders be checked byte for byte.
 */

export const PROVIDER_IDS = ["cloudpayments", "freedompay", "stripe"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

export interface PaymentOrder {
  /** Our order number; every provider echoes it back (InvoiceId, pg_order_id, metadata.order_number). */
  number: string;
  amountTiyn: bigint;
  currency: "KZT";
  description: string;
  email?: string;
  locale: "ru" | "kk";
  successUrl: string;
  failureUrl: string;
  notificationUrl: string;
}

export type PaymentStart =
  /**
   * Send the payer to `url`. `providerReference` is the provider's handle on this attempt when it
   * hands one out before payment (Freedom Pay pg_payment_id, Stripe Checkout Session id); it is not
   * necessarily the id later notifications carry.
   */
  | { kind: "redirect"; url: string; providerReference: string | null }
  /**
   * Open the provider's widget on our page: load `scriptUrl`, start a charge with `params`, and
   * send the payer to `successUrl` or `failureUrl` when the widget reports the outcome (the
   * webhook, not this, activates the order).
   */
  | {
      kind: "widget";
      scriptUrl: string;
      params: Readonly<Record<string, string>>;
      successUrl: string;
      failureUrl: string;
    };

/** Headers as a Fetch `Headers` or a plain record (names in any case). */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface NotificationInput {
  headers: HeaderSource;
  /** The body exactly as received (`await request.text()`), before any parsing. */
  rawBody: string;
  /**
   * The URL the notification was sent to, path and query as received. CloudPayments sends every
   * notification type in the same shape, so the type travels in the URL; Freedom Pay signs with the
   * URL's last path segment and may put its fields in the query.
   */
  url: string;
  now: Date;
}

export type NotificationKind = "check" | "paid" | "failed" | "refunded";

interface EventBase {
  /** Unique per provider event (pair it with the provider id): duplicates and retries repeat it. */
  eventKey: string;
  amountTiyn: bigint;
  /** ISO 4217, upper case. */
  currency: string;
  occurredAt: Date;
  testMode: boolean;
  raw: Record<string, unknown>;
}

export interface PaymentEvent extends EventBase {
  kind: "check" | "paid" | "failed";
  orderNumber: string;
  providerPaymentId: string;
}

export interface RefundEvent extends EventBase {
  kind: "refunded";
  /** Null when the notification does not name the order: find it by `providerPaymentId`. */
  orderNumber: string | null;
  /** The original payment's id, the one its "paid" event carried. */
  providerPaymentId: string;
  providerRefundId: string | null;
  /**
   * What `amountTiyn` measures. CloudPayments reports each refund's own amount; Stripe's
   * charge.refunded only carries the charge's refunded total so far, so a second partial refund
   * reports the sum of both. Billing must not add a "refunded-to-date" amount to earlier refunds.
   */
  amountIs: "this-refund" | "refunded-to-date";
}

export type NormalizedEvent = PaymentEvent | RefundEvent;

export type VerifyFailure = "missing-signature" | "bad-signature" | "stale" | "malformed";

export type VerifyResult =
  | { ok: false; reason: VerifyFailure }
  | { ok: true; ignored: false; event: NormalizedEvent }
  /**
   * Authentic, but nothing billing acts on (an event type we do not use, a payment made outside our
   * checkout). Answer it as accepted so the provider stops retrying.
   */
  | { ok: true; ignored: true; eventType: string };

export type RejectReason = "unknown-order" | "wrong-amount" | "expired" | "rejected";

export type AnswerResult = { accepted: true } | { accepted: false; reason: RejectReason };

export interface AnswerContext {
  /** The kind of the notification being answered; null for an ignored one. */
  kind: NotificationKind | null;
  /** The URL the notification came to (Freedom Pay signs its answer with its last path segment). */
  url: string;
  /** Text a provider may show the payer on a rejection (Freedom Pay's pg_description). */
  description?: string;
  /** Salt for signed answers; random when absent (tests fix it). */
  salt?: string;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface RefundInput {
  /** The original payment's id, as its "paid" event carried it. */
  providerPaymentId: string;
  amountTiyn: bigint;
  /**
   * Stable per refund we mean to make: Stripe collapses retries carrying it for 24 hours. The other
   * providers take no such key, so billing records the refund as requested before calling.
   */
  idempotencyKey: string;
}

export type RefundOutcome =
  | { status: "succeeded" | "pending"; providerRefundId: string | null }
  /** The provider definitely refused (no money moved). */
  | { status: "failed"; message: string };

export interface ProviderHttpRequest {
  method: "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface ProviderHttpResponse {
  status: number;
  body: string;
}

/** Sends one request to a provider's API; throws when no answer arrived. */
export type Transport = (request: ProviderHttpRequest) => Promise<ProviderHttpResponse>;

/**
 * The provider answered something we cannot read, or a server error: whether the operation happened
 * is unknown, so it must be checked (or retried with the same idempotency key), never assumed failed.
 */
export class ProviderResponseError extends Error {
  constructor(
    readonly provider: ProviderId,
    message: string,
    readonly status: number | null = null,
  ) {
    super(`${provider}: ${message}`);
    this.name = "ProviderResponseError";
  }
}

export interface PaymentProvider {
  readonly id: ProviderId;
  createPayment(order: PaymentOrder): Promise<PaymentStart>;
  verifyNotification(input: NotificationInput): VerifyResult;
  answer(result: AnswerResult, ctx: AnswerContext): HttpAnswer;
  refund(input: RefundInput): Promise<RefundOutcome>;
}

/** What a provider would send to our webhook: used by the dev checkout that plays the provider. */
export interface SignedNotification {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  rawBody: string;
}

export interface TestNotificationBase {
  orderNumber: string;
  amountTiyn: bigint;
  /** Our webhook URL, as createPayment received it. */
  notificationUrl: string;
  now: Date;
  /** The payment's id at the provider; random when absent. For a refund, the original payment. */
  providerPaymentId?: string;
}
