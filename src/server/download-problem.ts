import { dynamicTranslator } from "@/i18n/translator";
import { isDomainError } from "@/server/errors";

// Downloads (CSV exports, the console's and billing's) answer a refusal as JSON with a translated
// message and the HTTP status of the domain error's code.

const STATUS: Readonly<Record<string, number>> = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 403 };

export function downloadProblem(status: number, language: "ru" | "kk", key: string): Response {
  return Response.json(
    { error: { message: dynamicTranslator(language).t(key) } },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}

/** A domain refusal as its answer, by code (`status`); anything else is thrown on (a 500). */
export function downloadRefusal(
  error: unknown,
  language: "ru" | "kk",
  status: Readonly<Record<string, number>> = STATUS,
): Response {
  const code = isDomainError(error) ? status[error.code] : undefined;
  if (isDomainError(error) && code !== undefined) return downloadProblem(code, language, error.messageKey);
  throw error;
}
