import { METRICS_ROLES } from "@/lib/admin-queues";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor, requireStaffRole } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { metricsCsv } from "@/server/services/admin/metrics-csv";
import { csvResponse } from "@/server/services/billing/documents/csv";
import { downloadProblem, downloadRefusal } from "@/server/download-problem";

// GET ?part=activity|revenue&from=&to=&lang=: the numbers of the metrics page's tables as CSV
// (the part's roles, after the second factor).

export const GET = withDatabaseUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const language = url.searchParams.get("lang") === "kk" ? "kk" : "ru";
  const part = url.searchParams.get("part");
  if (part !== "activity" && part !== "revenue") return downloadProblem(400, language, "errors.invalidInput");
  const user = await getCurrentUser();
  if (!user) return downloadProblem(401, language, "errors.unauthorized");
  try {
    const role = requireStaffRole(user, METRICS_ROLES[part]);
    requireSecondFactor(user);
    const csv = await metricsCsv(
      part,
      { role },
      { from: url.searchParams.get("from"), to: url.searchParams.get("to") },
      language,
    );
    return csvResponse(
      csv.filename,
      csv.header,
      (async function* () {
        yield csv.rows;
      })(),
    );
  } catch (error) {
    return downloadRefusal(error, language);
  }
});
