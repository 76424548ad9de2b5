import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import { BodyTooLargeError, readBodyWithin } from "@/server/http/request-guards";
import { processNotification } from "@/server/services/billing/process-notification";
import { isProviderId } from "@/server/services/billing/providers/payment-provider";
import { getPaymentProviders } from "@/server/services/billing/providers/runtime";

// Payment providers' notifications: POST /api/webhooks/cloudpayments?event=check|pay|fail|refund,
// /api/webhooks/freedompay (check and result URL) and /api/webhooks/stripe. No cookies, no Origin
// check: the signature over the raw body is the only authority (see process-notification.ts).

export const dynamic = "force-dynamic";

/** A real notification is a few kilobytes; anything far larger is not one. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra },
  });

export async function POST(request: Request, context: { params: Promise<{ provider: string }> }): Promise<Response> {
  const { provider: id } = await context.params;
  const provider = isProviderId(id) ? getPaymentProviders().get(id) : null;
  if (!provider) return plain(404, "Not Found: no such payment provider is configured");

  let rawBody: string;
  try {
    // The signature covers the bytes as sent: read them before anything parses the body.
    rawBody = new TextDecoder("utf-8", { fatal: true }).decode(await readBodyWithin(request, WEBHOOK_BODY_LIMIT));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return plain(413, "Payload Too Large");
    return plain(400, "Bad Request: the body is not UTF-8 text");
  }

  try {
    const { answer } = await processNotification(provider, {
      headers: request.headers,
      rawBody,
      url: request.url,
      now: new Date(),
    });
    return new Response(answer.body, {
      status: answer.status,
      headers: { "Content-Type": answer.contentType, "Cache-Control": "no-store" },
    });
  } catch (error) {
    // Nothing was committed: the provider retries later.
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error(`Payment notification from ${id} failed:`, error);
    return plain(500, "Internal Server Error: try again later");
  }
}
