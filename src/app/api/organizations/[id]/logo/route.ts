import { getEnv } from "@/env";
import { isLocale, type AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { getCurrentUser } from "@/server/auth/current-user";
import { DomainError, type DomainErrorCode } from "@/server/errors";
import { BodyTooLargeError, isFromOwnSite, readBodyWithin } from "@/server/http/request-guards";
import { requestMeta } from "@/server/request-meta";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import {
  authorizeLogoChange,
  LOGO_MAX_BYTES,
  removeOrganizationLogo,
  saveOrganizationLogo,
  type LogoChange,
} from "@/server/services/organizations/logo";
import { revalidateOrganizationPagesAfterCommit } from "@/server/services/vacancies/vacancy-cache";

// Upload (POST, multipart/form-data with the file in `logo`) and removal (DELETE) of an
// organisation's logo, by its owner. Answers `{ logoPath }`, or `{ error: { message, field? } }`
// with the message in the caller's language (?locale=, the x-locale header, the NEXT_LOCALE
// cookie; Russian otherwise).

/** The form around the file adds a little to its size; anything bigger is refused unread. */
const MAX_BODY_BYTES = LOGO_MAX_BYTES + 512 * 1024;

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

type Params = { params: Promise<{ id: string }> };

function cookie(request: Request, name: string): string | null {
  for (const part of request.headers.get("cookie")?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

function localeOf(request: Request): AppLocale {
  const candidates = [
    new URL(request.url).searchParams.get("locale"),
    request.headers.get("x-locale"),
    cookie(request, "NEXT_LOCALE"),
  ];
  return candidates.find(isLocale) ?? "ru";
}

function errorResponse(request: Request, status: number, messageKey: string, field?: string) {
  const { t, has } = dynamicTranslator(localeOf(request));
  const message = t(has(messageKey) ? messageKey : "errors.internal");
  return Response.json({ error: field ? { message, field } : { message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The session cookie is sent with cross-site requests too: a change comes from our own pages only. */
const fromOwnSite = (request: Request) => isFromOwnSite(request, getEnv().APP_URL);

function organizationIdOf(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/** The body, or null once it grows past `limit` (whatever Content-Length claimed). */
async function readBody(request: Request, limit: number): Promise<Uint8Array | null> {
  try {
    return await readBodyWithin(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return null;
    throw error;
  }
}

async function uploadedFile(request: Request, body: Uint8Array): Promise<Buffer | null> {
  const form = await new Response(body as BodyInit, {
    headers: { "Content-Type": request.headers.get("content-type") ?? "" },
  })
    .formData()
    .catch(() => null);
  const file = form?.get("logo");
  if (!(file instanceof Blob) || file.size === 0) return null;
  return Buffer.from(await file.arrayBuffer());
}

/**
 * The checks both methods share, in order: the request comes from the site's own pages, the id
 * is well formed, the body is not too big (POST; judged by Content-Length before it is read),
 * the caller owns the organisation. Domain errors become translated JSON answers.
 */
async function handle(
  request: Request,
  params: Params["params"],
  options: { maxBodyBytes?: number },
  change: (authorized: LogoChange & { ip: string | null }) => Promise<Response>,
) {
  try {
    if (!fromOwnSite(request)) return errorResponse(request, 403, "errors.forbidden");
    const organizationId = organizationIdOf((await params).id);
    if (organizationId === null) return errorResponse(request, 404, "errors.notFound");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (options.maxBodyBytes !== undefined && declared > options.maxBodyBytes) {
      return errorResponse(request, 413, "errors.logo.tooLarge", "logo");
    }
    const user = await getCurrentUser();
    // Like every change, a logo waits until the new terms are accepted.
    if (user?.legalPending) return errorResponse(request, 403, "errors.legal.acceptanceRequired");
    const authorized = await authorizeLogoChange(user?.id ?? null, organizationId);
    const response = await change({ ...authorized, ip: requestMeta(request.headers).ip });
    // The logo shows on the organisation's page and beside its vacancies.
    const { id, type, slug } = authorized.organization;
    if (response.ok) await revalidateOrganizationPagesAfterCommit({ id, type, slugs: [slug] });
    return response;
  } catch (error) {
    if (error instanceof DomainError) {
      const status = error.messageKey === "errors.logo.tooLarge" ? 413 : STATUS[error.code];
      return errorResponse(request, status, error.messageKey, error.options.field);
    }
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("Organisation logo change failed:", error);
    return errorResponse(request, 500, "errors.internal");
  }
}

const noStore = { headers: { "Cache-Control": "no-store" } };

export async function POST(request: Request, { params }: Params) {
  return handle(request, params, { maxBodyBytes: MAX_BODY_BYTES }, async ({ userId, organization, ip }) => {
    // Content-Length may be absent or wrong: the stream itself is capped too.
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) return errorResponse(request, 413, "errors.logo.tooLarge", "logo");
    const file = await uploadedFile(request, body);
    if (!file) return errorResponse(request, 400, "errors.logo.missing", "logo");
    const { logoPath } = await saveOrganizationLogo(organization.id, userId, file, ip);
    return Response.json({ logoPath }, noStore);
  });
}

export async function DELETE(request: Request, { params }: Params) {
  return handle(request, params, {}, async ({ userId, organization, ip }) => {
    const { logoPath } = await removeOrganizationLogo(organization.id, userId, ip);
    return Response.json({ logoPath }, noStore);
  });
}
