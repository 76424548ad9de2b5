import type { PaymentProvider as ProviderEnum } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";

import type {
  AnswerResult,
  HeaderSource,
  HttpAnswer,
  NormalizedEvent,
  PaymentEvent,
  PaymentProvider,
  ProviderId,
  RefundEvent,
  RejectReason,
} from "./providers/payment-provider";
import { recordPayment, type RecordPaymentResult } from "./record-payment";
import { recordRefundNotification, type RefundNotificationResult } from "./record-refund-notification";
import { BILLING_TRANSACTION } from "./transaction-options";

export const PROVIDER_ENUM: Readonly<Record<ProviderId, ProviderEnum>> = {
  cloudpayments: "CLOUDPAYMENTS",
  freedompay: "FREEDOMPAY",
  stripe: "STRIPE",
};

export interface IncomingNotification {
  headers: HeaderSource;
  rawBody: string;
  url: string;
  now: Date;
}

/** What the webhook did, for its answer and for tests and the benchmark. */
export type NotificationOutcome =
  | { status: "unauthenticated"; reason: string }
  | { status: "ignored"; notificationId: number }
  | { status: "replay"; notificationId: number }
  | { status: "processed"; notificationId: number; accepted: boolean; pending: boolean };

export interface ProcessedNotification {
  outcome: NotificationOutcome;
  answer: HttpAnswer;
}

const UNAUTHENTICATED: HttpAnswer = {
  status: 401,
  contentType: "text/plain; charset=utf-8",
  body: "Unauthorized: the notification's signature is missing, wrong or too old\n",
};

/** Headers worth keeping with a notification (never cookies or authorization). */
function keptHeaders(headers: HeaderSource): Record<string, string> {
  const entries: [string, string][] =
    headers instanceof Headers
      ? [...headers.entries()]
      : Object.entries(headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : String(v)]]));
  return Object.fromEntries(
    entries.map(([k, v]) => [k.toLowerCase(), v] as const).filter(([k]) => !/^(cookie|authorization)$/.test(k)),
  );
}

type Verdict = {
  answer: AnswerResult;
  result: Prisma.InputJsonValue;
  flag: string | null;
  paymentId: number | null;
  /** A refund whose payment is not in yet: kept unprocessed, replayed when the payment arrives. */
  pending: boolean;
};

function paymentRejection(result: RecordPaymentResult): RejectReason | null {
  if (result.outcome !== "REJECTED") return null;
  if (result.reason === "ORDER_NOT_FOUND") return "unknown-order";
  if (result.reason === "ORDER_NOT_CHECKED_OUT") return "rejected";
  return "wrong-amount";
}

/** CloudPayments Check / Freedom Pay check: may this payment go ahead? Nothing is written. */
async function checkPayment(tx: DbTx, event: PaymentEvent): Promise<Verdict> {
  const order = await tx.order.findUnique({
    where: { number: event.orderNumber },
    select: { status: true, amountTiyn: true, currency: true },
  });
  let reason: RejectReason | null = null;
  if (!order) reason = "unknown-order";
  else if (order.status === "EXPIRED" || order.status === "CANCELLED") reason = "expired";
  else if (order.status !== "PENDING") reason = "rejected";
  else if (order.amountTiyn !== event.amountTiyn || order.currency !== event.currency) reason = "wrong-amount";
  return {
    answer: reason ? { accepted: false, reason } : { accepted: true },
    result: { kind: "check", accepted: reason === null, ...(reason ? { reason } : {}) },
    flag: null,
    paymentId: null,
    pending: false,
  };
}

/**
 * A payment and its refunds take turns (a transaction-scoped lock on the provider's payment id):
 * a refund that finds no payment has been stored as pending before the payment looks for it.
 */
async function lockProviderPayment(tx: DbTx, provider: ProviderEnum, providerPaymentId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${provider}:${providerPaymentId}`}))`;
}

async function paid(tx: DbTx, provider: ProviderEnum, event: PaymentEvent, now: Date): Promise<Verdict> {
  await lockProviderPayment(tx, provider, event.providerPaymentId);
  const result = await recordPayment(tx, {
    orderNumber: event.orderNumber,
    provider,
    providerPaymentId: event.providerPaymentId,
    amountTiyn: event.amountTiyn,
    currency: event.currency,
    paidAt: event.occurredAt,
    actor: SYSTEM_ACTOR,
    now,
  });
  const rejection = paymentRejection(result);
  return {
    // Money has moved at the provider: a refusal only stops CloudPayments from retrying sooner.
    answer: rejection ? { accepted: false, reason: rejection } : { accepted: true },
    result: { kind: "paid", ...result },
    flag: result.flag
      ? `payment ${result.outcome.toLowerCase()}: ${"reason" in result ? result.reason : "differs from the first record"}`
      : null,
    paymentId: "paymentId" in result ? result.paymentId : null,
    pending: false,
  };
}

async function refunded(tx: DbTx, provider: ProviderEnum, event: RefundEvent, now: Date): Promise<Verdict> {
  await lockProviderPayment(tx, provider, event.providerPaymentId);
  let amountTiyn = event.amountTiyn;
  if (event.amountIs === "refunded-to-date") {
    // Stripe reports the charge's refunded total: this refund is what is new in it.
    const settled = await tx.refund.aggregate({
      where: { payment: { provider, providerPaymentId: event.providerPaymentId }, status: "COMPLETED" },
      _sum: { amountTiyn: true },
    });
    amountTiyn -= settled._sum.amountTiyn ?? 0n;
  }
  const result: RefundNotificationResult = await recordRefundNotification(tx, {
    provider,
    providerPaymentId: event.providerPaymentId,
    providerRefundId: event.providerRefundId ?? event.eventKey,
    amountTiyn,
    now,
  });
  const pending = result.outcome === "PAYMENT_NOT_SEEN";
  return {
    answer: { accepted: true },
    result: { kind: "refunded", providerPaymentId: event.providerPaymentId, ...result },
    flag:
      result.outcome === "UNMATCHED"
        ? "a refund made at the provider that nobody requested here"
        : pending
          ? "refund of a payment not received yet: processed when it arrives"
          : null,
    paymentId: "paymentId" in result ? result.paymentId : null,
    pending,
  };
}

async function decide(tx: DbTx, provider: ProviderEnum, event: NormalizedEvent, now: Date): Promise<Verdict> {
  switch (event.kind) {
    case "check":
      return checkPayment(tx, event);
    case "paid":
      return paid(tx, provider, event, now);
    case "refunded":
      return refunded(tx, provider, event, now);
    case "failed":
      // A declined attempt changes nothing: the order waits for another attempt or expires.
      return { answer: { accepted: true }, result: { kind: "failed" }, flag: null, paymentId: null, pending: false };
  }
}

/** Refund notifications that came before their payment, processed now that it is recorded. */
async function replayPendingRefunds(tx: DbTx, provider: ProviderEnum, providerPaymentId: string, now: Date) {
  const waiting = await tx.$queryRaw<{ id: number; result: { event?: SerializedRefund } | null }[]>`
    SELECT id, result FROM payment_notifications
    WHERE provider = ${provider}::"PaymentProvider" AND verified AND processed_at IS NULL
      AND result ->> 'kind' = 'refunded' AND result ->> 'providerPaymentId' = ${providerPaymentId}
    ORDER BY id
    FOR UPDATE`;
  for (const row of waiting) {
    const event = row.result?.event;
    if (!event) continue;
    const verdict = await refunded(tx, provider, deserializeRefund(event), now);
    await tx.paymentNotification.update({
      where: { id: row.id },
      data: {
        result: { ...(verdict.result as Prisma.InputJsonObject), event },
        processedAt: verdict.pending ? null : now,
        flaggedForFinance: verdict.flag !== null,
        flagReason: verdict.flag,
        paymentId: verdict.paymentId,
      },
    });
  }
}

type SerializedRefund = Omit<RefundEvent, "amountTiyn" | "occurredAt" | "raw"> & { amountTiyn: string; occurredAt: string };
const serializeRefund = (e: RefundEvent): SerializedRefund => {
  const { raw: _raw, ...rest } = e;
  return { ...rest, amountTiyn: e.amountTiyn.toString(), occurredAt: e.occurredAt.toISOString() };
};
const deserializeRefund = (e: SerializedRefund): RefundEvent => ({
  ...e,
  amountTiyn: BigInt(e.amountTiyn),
  occurredAt: new Date(e.occurredAt),
  raw: {},
});

/**
 * A provider's notification, from the raw request to the answer the provider expects:
 *
 * - the signature is checked first; a missing, wrong or stale one answers 401 and writes nothing;
 * - an authentic notification is stored raw with its result, in the same transaction as its effect;
 * - exactly once: the (provider, event key) of a verified notification is unique, so a concurrent
 *   copy waits for the first to commit and then finds it (a replay: answered as accepted, no effect);
 * - refunds that arrive before their payment are kept and carried out when the payment arrives;
 *   declines change nothing; wrong orders, amounts and currencies are refused and flagged.
 */
export async function processNotification(
  provider: PaymentProvider,
  incoming: IncomingNotification,
): Promise<ProcessedNotification> {
  const verified = provider.verifyNotification(incoming);
  if (!verified.ok) return { outcome: { status: "unauthenticated", reason: verified.reason }, answer: UNAUTHENTICATED };
  const providerEnum = PROVIDER_ENUM[provider.id];
  const headers = keptHeaders(incoming.headers);

  if (verified.ignored) {
    const row = await db.paymentNotification.create({
      data: {
        provider: providerEnum,
        headers,
        body: incoming.rawBody,
        verified: true,
        result: { ignored: verified.eventType },
        receivedAt: incoming.now,
        processedAt: incoming.now,
      },
      select: { id: true },
    });
    return {
      outcome: { status: "ignored", notificationId: row.id },
      answer: provider.answer({ accepted: true }, { kind: null, url: incoming.url }),
    };
  }

  const event = verified.event;
  const answerFor = (result: AnswerResult) => provider.answer(result, { kind: event.kind, url: incoming.url });
  return db.$transaction(async (tx) => {
    // The unique index on verified (provider, event_key) makes a concurrent copy wait here until
    // the first commits; it then inserts nothing and reads the first one's result.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO payment_notifications (provider, event_key, headers, body, verified, received_at)
      VALUES (${providerEnum}::"PaymentProvider", ${event.eventKey}, ${JSON.stringify(headers)}::jsonb, ${incoming.rawBody},
              true, ${incoming.now})
      ON CONFLICT (provider, event_key) WHERE verified DO NOTHING
      RETURNING id`;
    const id = inserted[0]?.id;
    if (id === undefined) {
      const first = await tx.paymentNotification.findFirstOrThrow({
        where: { provider: providerEnum, eventKey: event.eventKey, verified: true },
        select: { id: true, result: true },
      });
      const accepted = (first.result as { accepted?: boolean } | null)?.accepted;
      return {
        outcome: { status: "replay", notificationId: first.id },
        answer: answerFor(accepted === false ? { accepted: false, reason: "rejected" } : { accepted: true }),
      } satisfies ProcessedNotification;
    }

    const verdict = await decide(tx, providerEnum, event, incoming.now);
    const result: Prisma.InputJsonObject = {
      ...(verdict.result as Prisma.InputJsonObject),
      accepted: verdict.answer.accepted,
      ...(event.kind === "refunded" && verdict.pending ? { event: serializeRefund(event) } : {}),
    };
    await tx.paymentNotification.update({
      where: { id },
      data: {
        result,
        processedAt: verdict.pending ? null : incoming.now,
        flaggedForFinance: verdict.flag !== null,
        flagReason: verdict.flag?.slice(0, 500) ?? null,
        paymentId: verdict.paymentId,
      },
    });
    if (event.kind === "paid" && verdict.paymentId !== null)
      await replayPendingRefunds(tx, providerEnum, event.providerPaymentId, incoming.now);
    return {
      outcome: { status: "processed", notificationId: id, accepted: verdict.answer.accepted, pending: verdict.pending },
      answer: answerFor(verdict.answer),
    } satisfies ProcessedNotification;
  }, BILLING_TRANSACTION);
}
