import { getEnv } from "@/env";
import { defaultLocale, isLocale, type AppLocale } from "@/i18n/routing";
import { isDomainError } from "@/server/errors";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import { RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH } from "@/server/services/digest/digest-links";
import {
  readResumeSearchUnsubscribe,
  setResumeSearchEmailByToken,
} from "@/server/services/saved-resume-searches/unsubscribe-resume-search";

// The unsubscribe link of one saved resume search's emails, `/api/unsubscribe/resume-search?token=…`,
// answering as /api/unsubscribe does for the digests: POST is the RFC 8058 one-click (200
// `{ ok: true }`, 400 for a forged or expired token, 404 when the saved search is gone), or the
// page's form (`action=unsubscribe|resubscribe`, `locale`) answered by a 303 back to the page;
// GET changes nothing and sends the browser to the page, in the member's language.

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };
const MAX_BODY_BYTES = 4096;

function pageUrl(locale: AppLocale, token: string, done?: "on" | "off"): string {
  const url = new URL(`/${locale}${RESUME_SEARCH_UNSUBSCRIBE_PAGE_PATH}`, getEnv().APP_URL);
  url.searchParams.set("token", token);
  if (done) url.searchParams.set("done", done);
  return url.toString();
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { ...noStore, Location: location } });

async function formFields(request: Request): Promise<URLSearchParams> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(length) || length > MAX_BODY_BYTES) return new URLSearchParams();
  try {
    const text = await request.text();
    return new URLSearchParams(text.length > MAX_BODY_BYTES ? "" : text);
  } catch {
    return new URLSearchParams();
  }
}

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  let locale: AppLocale = defaultLocale;
  try {
    locale = (await readResumeSearchUnsubscribe(token)).locale;
  } catch (error) {
    if (!isDomainError(error)) console.error("Reading a resume search unsubscribe token failed:", error);
  }
  return seeOther(pageUrl(locale, token));
}

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const fields = await formFields(request);
  const action = fields.get("action");
  const fromPage = action === "unsubscribe" || action === "resubscribe";
  const pageLocale: AppLocale = isLocale(fields.get("locale")) ? (fields.get("locale") as AppLocale) : defaultLocale;
  const on = action === "resubscribe";
  try {
    await setResumeSearchEmailByToken(token, on);
    if (fromPage) return seeOther(pageUrl(pageLocale, token, on ? "on" : "off"));
    return Response.json({ ok: true }, { headers: noStore });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    if (!isDomainError(error)) {
      console.error("Unsubscribing from a saved resume search failed:", error);
      return Response.json({ ok: false }, { status: 500, headers: noStore });
    }
    if (fromPage) return seeOther(pageUrl(pageLocale, token));
    const status = error.code === "NOT_FOUND" ? 404 : 400;
    return Response.json({ ok: false, error: error.messageKey }, { status, headers: noStore });
  }
}
