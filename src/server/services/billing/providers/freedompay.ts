import { createHash, randomBytes, randomInt } from "node:crypto";

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
  type SignedNotification,
  type TestNotificationBase,
  type Transport,
  type VerifyResult,
} from "./payment-provider";
import {
  contentTypeParameter,
  encodeForm,
  lastPathSegment,
  mediaType,
  parseMultipartFields,
  queryOf,
  readHeader,
  safeEqual,
} from "./wire";

/**
 * Freedom Pay (formerly PayBox): we register the payment server to server (init_payment.php) and
 * send the payer to the page it returns; Freedom Pay then calls our webhook to check the order
 * before charging and with the result after, every message signed with pg_sig.
 *
 * Refunds are made with revoke.php and known from its answer. The protocol's refund callback
 * (pg_refund_url) is not used: its fields could not be confirmed in Freedom Pay's documentation, so
 * we never ask for it, and a callback that looks like one is acknowledged and ignored.
 */
export interface FreedomPayConfig {
  merchantId: string;
  secretKey: string;
  apiBaseUrl?: string;
}

export const FREEDOMPAY_API_BASE_URL = "https://api.freedompay.kz";

/** Ordered name/value pairs; a value is text or, for PHP-style `a[b]` fields, nested pairs. */
export type PgParams = ReadonlyMap<string, PgValue>;
export type PgValue = string | PgParams;

/**
 * Freedom Pay's published flattening (its PHP `makeFlatParamsArray`): each field is renamed to its
 * path plus a three-digit position ("pg_amount003", "pg_items002name001") so that sorting by name
 * keeps nested fields together and in order.
 */
function flattenForSignature(params: PgParams, parent = ""): [string, string][] {
  const flat: [string, string][] = [];
  let position = 0;
  for (const [key, value] of params) {
    position += 1;
    const name = `${parent}${key}${String(position).padStart(3, "0")}`;
    if (typeof value === "string") flat.push([name, value]);
    else flat.push(...flattenForSignature(value, name));
  }
  return flat;
}

/**
 * pg_sig: lower-case hex md5 of the called script's name (the URL's last path segment), the values
 * of all other fields sorted by name (pg_salt included, pg_sig left out) and the secret key, joined
 * with ";".
 */
export function freedomPaySignature(scriptName: string, params: PgParams, secretKey: string): string {
  const signed = new Map(params);
  signed.delete("pg_sig");
  const values = flattenForSignature(signed)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, value]) => value);
  return createHash("md5")
    .update([scriptName, ...values, secretKey].join(";"), "utf8")
    .digest("hex");
}

/** Fields named like PHP arrays (`pg_items[0][name]`) nested as PHP would receive them. */
export function nestFields(fields: Iterable<readonly [string, string]>): PgParams {
  const root = new Map<string, PgValue>();
  for (const [key, value] of fields) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(key);
    if (!match) {
      root.set(key, value);
      continue;
    }
    let node = root;
    let name = match[1]!;
    for (const [, segment = ""] of match[2]!.matchAll(/\[([^[\]]*)\]/g)) {
      let child = node.get(name);
      if (typeof child !== "object") {
        child = new Map<string, PgValue>();
        node.set(name, child);
      }
      node = child as Map<string, PgValue>;
      name = segment === "" ? String(node.size) : segment;
    }
    node.set(name, value);
  }
  return root;
}

const toPlain = (params: PgParams): Record<string, unknown> =>
  Object.fromEntries([...params].map(([key, value]) => [key, typeof value === "string" ? value : toPlain(value)]));

/** The callback's fields: POSTed form-encoded or multipart, or in the query when it came by GET. */
function readParams(input: NotificationInput): PgParams | null {
  if (input.rawBody.trim() === "") return nestFields(queryOf(input.url));
  const contentType = readHeader(input.headers, "Content-Type");
  const type = mediaType(contentType);
  if (type === "multipart/form-data") {
    const boundary = contentTypeParameter(contentType, "boundary");
    const fields = boundary ? parseMultipartFields(input.rawBody, boundary) : null;
    return fields ? nestFields(fields) : null;
  }
  if (type === "application/x-www-form-urlencoded" || type === "") return nestFields(new URLSearchParams(input.rawBody));
  return null;
}

const text = (params: PgParams, name: string): string | undefined => {
  const value = params.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * There is no staleness check: pg_salt is random and nothing signed carries a time we could trust
 * (pg_payment_date has no zone). A replayed callback repeats its eventKey, and exactly-once
 * processing makes it a no-op; occurredAt is therefore when we received it.
 */
export function verifyFreedomPayNotification(config: FreedomPayConfig, input: NotificationInput): VerifyResult {
  const params = readParams(input);
  if (!params) return { ok: false, reason: "malformed" };
  const signature = text(params, "pg_sig");
  if (!signature) return { ok: false, reason: "missing-signature" };
  const expected = freedomPaySignature(lastPathSegment(input.url), params, config.secretKey);
  if (!safeEqual(Buffer.from(signature.toLowerCase()), Buffer.from(expected))) return { ok: false, reason: "bad-signature" };

  const result = text(params, "pg_result");
  if (result === undefined && (params.has("pg_refund_id") || params.has("pg_refund_type"))) {
    return { ok: true, ignored: true, eventType: "refund" };
  }
  const kind = result === undefined ? "check" : result === "1" ? "paid" : result === "0" ? "failed" : null;
  const orderNumber = text(params, "pg_order_id");
  const paymentId = text(params, "pg_payment_id");
  const amount = text(params, "pg_amount");
  const amountTiyn = amount === undefined ? null : parseAmountTiyn(amount);
  const currency = text(params, "pg_currency");
  if (
    kind === null ||
    !orderNumber ||
    !paymentId ||
    !/^\d{1,20}$/.test(paymentId) ||
    amountTiyn === null ||
    amountTiyn <= 0n ||
    !currency ||
    !/^[A-Z]{3}$/.test(currency)
  ) {
    return { ok: false, reason: "malformed" };
  }
  return {
    ok: true,
    ignored: false,
    event: {
      kind,
      eventKey: `${kind}:${paymentId}`,
      orderNumber,
      providerPaymentId: paymentId,
      amountTiyn,
      currency,
      occurredAt: input.now,
      testMode: text(params, "pg_testing_mode") === "1",
      raw: toPlain(params),
    },
  };
}

const randomSalt = () => randomBytes(8).toString("hex");

const escapeXml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

/**
 * Our answer, signed like a request with our script's name. "rejected" means something only to a
 * check or to a result with pg_can_reject=1 (Freedom Pay then cancels the payment); a failed payment
 * is simply acknowledged. A rejection of a result with pg_can_reject=0 is not honoured by Freedom
 * Pay: billing must refund such a payment itself.
 */
export function answerFreedomPay(config: FreedomPayConfig, result: AnswerResult, ctx: AnswerContext): HttpAnswer {
  const rejection = !result.accepted && (ctx.kind === "check" || ctx.kind === "paid") ? result.reason : null;
  const fields = new Map<string, string>([
    ["pg_status", rejection ? "rejected" : "ok"],
    ["pg_description", ctx.description ?? rejection ?? "ok"],
    ["pg_salt", ctx.salt ?? randomSalt()],
  ]);
  fields.set("pg_sig", freedomPaySignature(lastPathSegment(ctx.url), fields, config.secretKey));
  const body = [...fields].map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join("");
  return {
    status: 200,
    contentType: "application/xml; charset=utf-8",
    body: `<?xml version="1.0" encoding="utf-8"?><response>${body}</response>`,
  };
}

function signedRequest(config: FreedomPayConfig, script: string, fields: Map<string, string>): ProviderHttpRequest {
  fields.set("pg_sig", freedomPaySignature(script, fields, config.secretKey));
  return {
    method: "POST",
    url: `${config.apiBaseUrl ?? FREEDOMPAY_API_BASE_URL}/${script}`,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams([...fields]).toString(),
  };
}

/**
 * init_payment.php, signed. Check and result both come to our webhook (told apart by pg_result);
 * no refund URL is given (see above). pg_language "kk": Freedom Pay's pages disagree on "kk" and
 * "kz"; "kk" is the ISO 639-1 code they say the field takes.
 */
export function buildFreedomPayInitRequest(config: FreedomPayConfig, order: PaymentOrder, salt: string): ProviderHttpRequest {
  const fields = new Map<string, string>([
    ["pg_merchant_id", config.merchantId],
    ["pg_order_id", order.number],
    ["pg_amount", formatTiyn(order.amountTiyn)],
    ["pg_currency", order.currency],
    ["pg_description", order.description],
    ["pg_salt", salt],
    ["pg_check_url", order.notificationUrl],
    ["pg_result_url", order.notificationUrl],
    ["pg_request_method", "POST"],
    ["pg_success_url", order.successUrl],
    ["pg_success_url_method", "GET"],
    ["pg_failure_url", order.failureUrl],
    ["pg_failure_url_method", "GET"],
    ["pg_language", order.locale],
  ]);
  if (order.email) fields.set("pg_user_contact_email", order.email);
  return signedRequest(config, "init_payment.php", fields);
}

/** revoke.php: a full or partial refund of a captured payment. */
export function buildFreedomPayRefundRequest(config: FreedomPayConfig, input: RefundInput, salt: string): ProviderHttpRequest {
  if (input.amountTiyn <= 0n) throw new RangeError("a refund must be of a positive amount");
  return signedRequest(
    config,
    "revoke.php",
    new Map([
      ["pg_merchant_id", config.merchantId],
      ["pg_payment_id", input.providerPaymentId],
      ["pg_refund_amount", formatTiyn(input.amountTiyn)],
      ["pg_salt", salt],
    ]),
  );
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) =>
    entity.startsWith("#x") || entity.startsWith("#X")
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith("#")
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (XML_ENTITIES[entity.toLowerCase()] ?? ""),
  );

/**
 * The top-level text fields of an API answer (`<response><pg_status>ok</pg_status>…`). The answer's
 * own pg_sig is not checked: it comes over TLS from the API host we called, and which script name
 * the API signs answers with is not documented clearly enough to refuse a payment over it.
 */
export function readFreedomPayXml(xml: string): Map<string, string> | null {
  const body = /<response>([\s\S]*)<\/response>/.exec(xml)?.[1];
  if (body === undefined) return null;
  const fields = new Map<string, string>();
  for (const [, name = "", value = ""] of body.matchAll(/<([a-z_][\w-]*)>([^<]*)<\/\1>/gi)) {
    if (!fields.has(name)) fields.set(name, decodeXml(value));
  }
  return fields;
}

const apiFailure = (fields: Map<string, string>) =>
  fields.get("pg_error_description") ?? fields.get("pg_description") ?? fields.get("pg_error_code") ?? "refused";

export function parseFreedomPayInitResponse(response: ProviderHttpResponse): PaymentStart {
  const fields = response.status < 400 ? readFreedomPayXml(response.body) : null;
  const url = fields?.get("pg_redirect_url");
  if (!fields || fields.get("pg_status") !== "ok" || !url) {
    const reason = fields ? apiFailure(fields) : `HTTP ${response.status}`;
    throw new ProviderResponseError("freedompay", `init_payment: ${reason}`, response.status);
  }
  return { kind: "redirect", url, providerReference: fields.get("pg_payment_id") ?? null };
}

export function parseFreedomPayRefundResponse(response: ProviderHttpResponse): RefundOutcome {
  if (response.status >= 500) throw new ProviderResponseError("freedompay", `HTTP ${response.status}`, response.status);
  const fields = readFreedomPayXml(response.body);
  if (!fields) {
    if (response.status >= 400) return { status: "failed", message: `HTTP ${response.status}` };
    throw new ProviderResponseError("freedompay", "unreadable refund answer", response.status);
  }
  // revoke.php has been seen answering "success" where other scripts say "ok"; both mean done.
  switch (fields.get("pg_status")) {
    case "ok":
    case "success":
      return { status: "succeeded", providerRefundId: null };
    case "pending":
      return { status: "pending", providerRefundId: null };
    case "error":
    case "rejected":
    case "failed":
      return { status: "failed", message: apiFailure(fields) };
    default:
      throw new ProviderResponseError("freedompay", `unknown refund status ${fields.get("pg_status")}`, response.status);
  }
}

export interface FreedomPayTestNotification extends TestNotificationBase {
  /** A refund callback is not signed here: we do not consume one (see above). */
  kind: "check" | "paid" | "failed";
  email?: string;
  salt?: string;
}

/** A check or result callback as Freedom Pay would POST it to our webhook, signed. */
export function signFreedomPayTestNotification(config: FreedomPayConfig, input: FreedomPayTestNotification): SignedNotification {
  const amount = formatTiyn(input.amountTiyn);
  const fields = new Map<string, string>([
    ["pg_order_id", input.orderNumber],
    ["pg_payment_id", input.providerPaymentId ?? String(randomInt(100_000_000, 1_000_000_000))],
    ["pg_amount", amount],
    ["pg_currency", "KZT"],
    ["pg_net_amount", amount],
    ["pg_ps_amount", amount],
    ["pg_ps_full_amount", amount],
    ["pg_ps_currency", "KZT"],
    ["pg_description", "Тестовый платёж"],
    ["pg_payment_date", input.now.toISOString().slice(0, 19).replace("T", " ")],
    ["pg_can_reject", "1"],
    ["pg_testing_mode", "1"],
    ["pg_payment_method", "bankcard"],
  ]);
  if (input.email) fields.set("pg_user_contact_email", input.email);
  if (input.kind === "paid") fields.set("pg_result", "1").set("pg_captured", "1");
  if (input.kind === "failed") {
    fields.set("pg_result", "0").set("pg_failure_code", "101").set("pg_failure_description", "Insufficient funds");
  }
  fields.set("pg_salt", input.salt ?? randomSalt());
  fields.set("pg_sig", freedomPaySignature(lastPathSegment(input.notificationUrl), fields, config.secretKey));
  return {
    url: input.notificationUrl,
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
    rawBody: encodeForm(fields),
  };
}

export function createFreedomPayProvider(
  config: FreedomPayConfig,
  deps: { transport: Transport; salt?: () => string },
): PaymentProvider {
  const salt = deps.salt ?? randomSalt;
  return {
    id: "freedompay",
    createPayment: async (order) =>
      parseFreedomPayInitResponse(await deps.transport(buildFreedomPayInitRequest(config, order, salt()))),
    verifyNotification: (input) => verifyFreedomPayNotification(config, input),
    answer: (result, ctx) => answerFreedomPay(config, result, { ...ctx, salt: ctx.salt ?? salt() }),
    refund: async (input) =>
      parseFreedomPayRefundResponse(await deps.transport(buildFreedomPayRefundRequest(config, input, salt()))),
  };
}
