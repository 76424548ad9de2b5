import { almatyDay } from "@/lib/almaty-time";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor, requireStaffRole } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { AUDIT_CSV_HEADER, auditLogCsv } from "@/server/services/admin/audit-log";
import { csvResponse } from "@/server/services/billing/documents/csv";
import { downloadProblem, downloadRefusal } from "@/server/download-problem";
import { ZodError } from "zod";

// GET ?actor=&action=&entityType=&entityId=&from=&to=&lang=: the audit log entries the viewer's
// filters match, as a streamed CSV (superadmins, after the second factor).

export const GET = withDatabaseUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const language = url.searchParams.get("lang") === "kk" ? "kk" : "ru";
  const user = await getCurrentUser();
  if (!user) return downloadProblem(401, language, "errors.unauthorized");
  try {
    requireStaffRole(user, []);
    requireSecondFactor(user);
    const rows = auditLogCsv(Object.fromEntries(url.searchParams));
    return csvResponse(`audit-${almatyDay(new Date())}.csv`, AUDIT_CSV_HEADER[language], rows);
  } catch (error) {
    if (error instanceof ZodError) return downloadProblem(400, language, "errors.invalidInput");
    return downloadRefusal(error, language);
  }
});
