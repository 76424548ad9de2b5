import { dynamicTranslator } from "@/i18n/translator";
import { METRICS_ROLES } from "@/lib/admin-queues";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor, requireStaffRole } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { isDomainError } from "@/server/errors";
import { metricsCsv } from "@/server/services/admin/metrics-csv";
import { csvResponse } from "@/server/services/billing/documents/csv";

// GET ?part=activity|revenue&from=&to=&lang=: the numbers of the metrics page's tables as CSV
// (the part's roles, after the second factor).

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
  const part = url.searchParams.get("part");
  if (part !== "activity" && part !== "revenue") return problem(400, language, "errors.invalidInput");
  const user = await getCurrentUser();
  if (!user) return problem(401, language, "errors.unauthorized");
  try {
    const role = requireStaffRole(user, METRICS_ROLES[part]);
    requireSecondFactor(user);
    const range = { from: url.searchParams.get("from"), to: url.searchParams.get("to") };
    const csv = await metricsCsv(part, { role }, range, language);
    return csvResponse(
      csv.filename,
      csv.header,
      (async function* () {
        yield csv.rows;
      })(),
    );
  } catch (error) {
    if (isDomainError(error) && error.code in STATUS) {
      return problem(STATUS[error.code as keyof typeof STATUS], language, error.messageKey);
    }
    throw error;
  }
});
