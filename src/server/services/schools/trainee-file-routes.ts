import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { dynamicTranslator } from "@/i18n/translator";
import { TRAINEE_STATUSES } from "@/lib/validation/school";
import { parseLicenceCategory } from "@/lib/schools/licence-categories";
import { getCurrentUser } from "@/server/auth/current-user";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { isDomainError, type DomainErrorCode } from "@/server/errors";
import { BodyTooLargeError, isFromOwnSite, readBodyWithin } from "@/server/http/request-guards";
import { requestMeta } from "@/server/request-meta";

import { exportTrainees, type FileDownload, type SheetFormat } from "./export-trainees";
import { commitTraineeImport, previewTraineeImport, type ImportPreview } from "./import-trainees";
import { MAX_IMPORT_BYTES } from "./read-trainee-file";
import { columnLabel } from "./trainee-columns";
import { traineeTemplate } from "./trainee-template";

// The registry's file routes:
//   POST /api/schools/{orgId}/trainees/import?mode=preview|commit&lang=  (owners and managers)
//        body: the file itself, or multipart/form-data with it in `file`
//   GET  /api/schools/{orgId}/trainees/export?format=csv|xlsx&lang=&q=&groupId=&status=&category=
//   GET  /api/schools/trainee-template?format=csv|xlsx&lang=
// Errors answer JSON `{ error: { message } }` in the caller's language.

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};
const noStore = { "Cache-Control": "private, no-store" };

const languageOf = (url: URL): AppLocale => (url.searchParams.get("lang") === "kk" ? "kk" : "ru");

function problem(status: number, language: AppLocale, key: string, extra: Record<string, unknown> = {}) {
  const { t, has } = dynamicTranslator(language);
  return Response.json({ error: { message: t(has(key) ? key : "errors.internal") }, ...extra }, { status, headers: noStore });
}

function fail(error: unknown, language: AppLocale) {
  if (isDomainError(error)) return problem(STATUS[error.code], language, error.messageKey);
  throw error;
}

const organizationIdOf = (raw: string) => (/^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);
const formatOf = (url: URL): SheetFormat | null => {
  const format = url.searchParams.get("format") ?? "xlsx";
  return format === "csv" || format === "xlsx" ? format : null;
};

function download(file: FileDownload): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "X-Robots-Tag": "noindex",
      ...noStore,
    },
  });
}

/** The session cookie is sent with cross-site requests too: a change comes from our own pages only. */
const fromOwnSite = (request: Request) => isFromOwnSite(request, getEnv().APP_URL);

/** The issues with the column's name and the reason in the caller's language. */
function translatePreview(preview: ImportPreview, language: AppLocale) {
  const { t } = dynamicTranslator(language);
  return {
    rows: preview.rows,
    validRows: preview.validRows,
    issues: preview.issues.map((issue) => ({
      row: issue.row,
      column: issue.column,
      columnLabel: columnLabel(issue.column, language),
      message: t(issue.messageKey),
    })),
  };
}

type OrgParams = { params: Promise<{ orgId: string }> };

async function fileOf(request: Request, body: Uint8Array): Promise<Uint8Array | null> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) return body;
  const form = await new Response(body as BodyInit, { headers: { "Content-Type": request.headers.get("content-type")! } })
    .formData()
    .catch(() => null);
  const file = form?.get("file");
  return file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : null;
}

export const importTraineesRoute = withDatabaseUnavailable(async (request: Request, { params }: OrgParams) => {
  const url = new URL(request.url);
  const language = languageOf(url);
  if (!fromOwnSite(request)) return problem(403, language, "errors.forbidden");
  const user = await getCurrentUser();
  if (!user) return problem(401, language, "errors.unauthorized");
  // Like every change, an import waits until the new terms are accepted.
  if (user.legalPending) return problem(403, language, "errors.legal.acceptanceRequired");
  const organizationId = organizationIdOf((await params).orgId);
  if (organizationId === null) return problem(404, language, "errors.notFound");
  const mode = url.searchParams.get("mode") ?? "preview";
  if (mode !== "preview" && mode !== "commit") return problem(400, language, "errors.invalidInput");
  // The form around a file adds a little to it.
  const limit = MAX_IMPORT_BYTES + 64 * 1024;
  let body: Uint8Array;
  try {
    body = await readBodyWithin(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, language, "errors.school.import.tooLarge");
    throw error;
  }
  try {
    const actor = { userId: user.id, ip: requestMeta(request.headers).ip };
    const file = await fileOf(request, body);
    if (!file) return problem(400, language, "errors.school.import.fileMissing");
    if (mode === "preview") {
      return Response.json(translatePreview(await previewTraineeImport(actor, organizationId, file), language), {
        headers: noStore,
      });
    }
    const outcome = await commitTraineeImport(actor, organizationId, file);
    if (outcome.preview)
      return problem(422, language, "errors.school.import.hasErrors", translatePreview(outcome.preview, language));
    return Response.json({ imported: outcome.imported }, { headers: noStore });
  } catch (error) {
    return fail(error, language);
  }
});

export const exportTraineesRoute = withDatabaseUnavailable(async (request: Request, { params }: OrgParams) => {
  const url = new URL(request.url);
  const language = languageOf(url);
  const user = await getCurrentUser();
  if (!user) return problem(401, language, "errors.unauthorized");
  const organizationId = organizationIdOf((await params).orgId);
  if (organizationId === null) return problem(404, language, "errors.notFound");
  const format = formatOf(url);
  if (!format) return problem(400, language, "errors.invalidInput");
  const search = url.searchParams;
  const groupId = search.get("groupId");
  const status = search.get("status");
  const category = search.get("category");
  if (
    (groupId !== null && organizationIdOf(groupId) === null) ||
    (status !== null && !(TRAINEE_STATUSES as readonly string[]).includes(status)) ||
    (category !== null && parseLicenceCategory(category) === null)
  ) {
    return problem(400, language, "errors.invalidInput");
  }
  try {
    const actor = { userId: user.id, ip: requestMeta(request.headers).ip };
    const filters = {
      query: search.get("q") ?? undefined,
      groupId: groupId === null ? undefined : Number(groupId),
      status: (status ?? undefined) as (typeof TRAINEE_STATUSES)[number] | undefined,
      category: category === null ? undefined : parseLicenceCategory(category)!,
    };
    return download(await exportTrainees(actor, organizationId, filters, format, language));
  } catch (error) {
    return fail(error, language);
  }
});

export async function traineeTemplateRoute(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const language = languageOf(url);
  const format = formatOf(url);
  if (!format) return problem(400, language, "errors.invalidInput");
  return download(await traineeTemplate(format, language));
}
