import { getEnv } from "@/env";
import { defaultLocale, isLocale, type AppLocale } from "@/i18n/routing";
import { isDomainError } from "@/server/errors";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import { readBodyWithin } from "@/server/http/request-guards";

// An email's unsubscribe link, `/api/unsubscribe…?token=…`, for any kind of email that carries
// a signed token (the digests, a saved resume search's alerts):
//
// POST is the RFC 8058 one-click unsubscribe that mail clients send from the List-Unsubscribe
// header (body `List-Unsubscribe=One-Click`): no cookies, no session, no CSRF token; the signed
// token is the authority. It answers 200 `{ ok: true }` (also when the emails were already off),
// 400 `{ ok: false, error }` for a forged or expired token, 404 when what it names is gone.
// The email's page posts here too, with `action=unsubscribe|resubscribe` and its `locale`; it gets
// a 303 back to the page, which shows the new state or what went wrong.
//
// GET changes nothing (mail scanners and previews fetch links): it sends the browser to the page
// with the button, in the recipient's language.

export interface UnsubscribeEmails {
  /** The page with the button, after the locale (e.g. `/unsubscribe`). */
  pagePath: string;
  /** The token's language; throws a DomainError for a forged or expired token. */
  readLocale(token: string): Promise<AppLocale>;
  /** Turns the emails off or on; throws a DomainError (NOT_FOUND when what the token names is gone). */
  set(token: string, on: boolean, via: "page" | "one-click"): Promise<unknown>;
  /** What the server log calls these emails. */
  name: string;
}

const noStore = { "Cache-Control": "no-store" };
/** A one-click body is 26 bytes and the page's form a few hundred; more is not read. */
const MAX_BODY_BYTES = 4096;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { ...noStore, Location: location } });

/**
 * The form fields of the request; an empty set when there are none, they cannot be read, or the
 * body passes MAX_BODY_BYTES (declared or not: it is read within the limit).
 */
async function formFields(request: Request): Promise<URLSearchParams> {
  try {
    const body = await readBodyWithin(request, MAX_BODY_BYTES);
    const type = request.headers.get("content-type") ?? "";
    if (type.toLowerCase().startsWith("multipart/form-data")) {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
      const fields = new URLSearchParams();
      for (const [key, value] of form) if (typeof value === "string") fields.append(key, value);
      return fields;
    }
    return new URLSearchParams(new TextDecoder().decode(body));
  } catch {
    // Too large (BodyTooLargeError) or not a form: as if nothing were sent.
    return new URLSearchParams();
  }
}

/** The route handlers (GET and POST) of one kind of email's unsubscribe link. */
export function unsubscribeRoute(emails: UnsubscribeEmails) {
  const pageUrl = (locale: AppLocale, token: string, done?: "on" | "off") => {
    const url = new URL(`/${locale}${emails.pagePath}`, getEnv().APP_URL);
    url.searchParams.set("token", token);
    if (done) url.searchParams.set("done", done);
    return url.toString();
  };

  async function GET(request: Request) {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    let locale: AppLocale = defaultLocale;
    try {
      locale = await emails.readLocale(token);
    } catch (error) {
      // The page explains what is wrong with the token, in the default language.
      if (!isDomainError(error)) console.error(`Reading the unsubscribe token of ${emails.name} failed:`, error);
    }
    return seeOther(pageUrl(locale, token));
  }

  async function POST(request: Request) {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const fields = await formFields(request);
    const action = fields.get("action");
    const fromPage = action === "unsubscribe" || action === "resubscribe";
    const pageLocale: AppLocale = isLocale(fields.get("locale")) ? (fields.get("locale") as AppLocale) : defaultLocale;
    const on = action === "resubscribe";
    try {
      await emails.set(token, on, fromPage ? "page" : "one-click");
      if (fromPage) return seeOther(pageUrl(pageLocale, token, on ? "on" : "off"));
      return Response.json({ ok: true }, { headers: noStore });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
      if (!isDomainError(error)) {
        console.error(`Unsubscribing from ${emails.name} failed:`, error);
        return Response.json({ ok: false }, { status: 500, headers: noStore });
      }
      if (fromPage) return seeOther(pageUrl(pageLocale, token));
      const status = error.code === "NOT_FOUND" ? 404 : 400;
      return Response.json({ ok: false, error: error.messageKey }, { status, headers: noStore });
    }
  }

  return { GET, POST };
}
