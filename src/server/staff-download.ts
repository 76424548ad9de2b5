import { dynamicTranslator } from "@/i18n/translator";
import { isDomainError } from "@/server/errors";

// The console's downloads (audit log, metrics) answer a refusal as JSON with a translated message
// and the HTTP status of the domain error's code.

const STATUS = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 403 } as const;

export function downloadProblem(status: number, language: "ru" | "kk", key: string): Response {
  return Response.json(
    { error: { message: dynamicTranslator(language).t(key) } },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}

/** A domain refusal as its answer; anything else is thrown on (a 500). */
export function downloadRefusal(error: unknown, language: "ru" | "kk"): Response {
  if (isDomainError(error) && error.code in STATUS) {
    return downloadProblem(STATUS[error.code as keyof typeof STATUS], language, error.messageKey);
  }
  throw error;
}
