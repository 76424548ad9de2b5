import { dynamicTranslator } from "@/i18n/translator";
import { almatyDay } from "@/lib/almaty-time";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor, requireStaffRole } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { isDomainError } from "@/server/errors";
import { AUDIT_CSV_HEADER, auditLogCsv } from "@/server/services/admin/audit-log";
import { csvResponse } from "@/server/services/billing/documents/csv";
import { ZodError } from "zod";

// GET ?actor=&action=&entityType=&entityId=&from=&to=&lang=: the audit log entries the viewer's
// filters match, as a streamed CSV (superadmins, after the second factor).

const STATUS = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 403 } as const;

function problem(status: number, language: "ru" | "kk", key: string) {
  return Response.json(
    { error: { message: dynamicTranslator(language).t(key) } },
    { status, headers: { "Cache-Control": "private, no-store" } },
  );
}

export const GET = withDatabaseUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const language = url.searchParams.get("lang") === "kk" ? "kk" : "ru";
  const user = await getCurrentUser();
  if (!user) return problem(401, language, "errors.unauthorized");
  try {
    requireStaffRole(user, []);
    requireSecondFactor(user);
    const rows = auditLogCsv(Object.fromEntries(url.searchParams));
    return csvResponse(`audit-${almatyDay(new Date())}.csv`, AUDIT_CSV_HEADER[language], rows);
  } catch (error) {
    if (error instanceof ZodError) return problem(400, language, "errors.invalidInput");
    if (isDomainError(error) && error.code in STATUS) {
      return problem(STATUS[error.code as keyof typeof STATUS], language, error.messageKey);
    }
    throw error;
  }
});
