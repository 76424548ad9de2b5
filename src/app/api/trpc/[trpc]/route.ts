import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { getEnv } from "@/env";
import { isLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { appRouter } from "@/server/api/root";
import { createContext, responseMeta } from "@/server/api/trpc";
import { getCurrentUser } from "@/server/auth/current-user";
import { BodyTooLargeError, isCrossSite, isFormBody, readBodyWithin } from "@/server/http/request-guards";
import { requestMeta } from "@/server/request-meta";

/**
 * The largest body a call may carry. The biggest input is a vacancy: a 100,000-character
 * description in HTML stays well under it.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Calls per batched request: a page makes a handful; hundreds would only multiply the work. */
export const MAX_BATCH_CALLS = 20;

function refuse(req: Request, status: number, key: string) {
  const requested = req.headers.get("x-jumys-locale");
  const { t } = dynamicTranslator(isLocale(requested) ? requested : "ru");
  return Response.json({ error: { message: t(key), code: status } }, { status, headers: { "Cache-Control": "no-store" } });
}

async function handler(req: Request) {
  // Checked before the body is read or anything parsed: a mutation from another site (the
  // session cookie would ride along), form bodies (which any site can post), too many calls at
  // once, too many bytes.
  if (req.method === "POST") {
    if (isCrossSite(req, getEnv().APP_URL)) return refuse(req, 403, "errors.forbidden");
    if (isFormBody(req)) return refuse(req, 415, "errors.unsupportedBody");
  }
  const path = new URL(req.url).pathname.slice("/api/trpc/".length);
  if (path.split(",").length > MAX_BATCH_CALLS) return refuse(req, 400, "errors.tooManyCalls");

  let body: Uint8Array | undefined;
  if (req.method === "POST") {
    try {
      body = await readBodyWithin(req, MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(req, 413, "errors.bodyTooLarge");
      throw error;
    }
  }
  const request =
    body === undefined ? req : new Request(req.url, { method: req.method, headers: req.headers, body: body as BodyInit });

  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () =>
      createContext({
        user: await getCurrentUser(),
        ...requestMeta(req.headers),
        locale: req.headers.get("x-jumys-locale"),
      }),
    // Retry-After while the database is unavailable (those calls answer 503).
    responseMeta,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
