import { almatyDay } from "@/lib/almaty-time";
import { getCurrentUser } from "@/server/auth/current-user";
import { requireSecondFactor } from "@/server/auth/guards";
import { withDatabaseUnavailable } from "@/server/db-unavailable";
import { downloadProblem as problem, downloadRefusal } from "@/server/download-problem";
import { requestMeta } from "@/server/request-meta";

import { csvResponse } from "./csv";
import { ESF_CSV_HEADER, esfCsv, LEDGER_CSV_HEADER, ledgerCsv, parseKinds, parsePeriod } from "./exports";

// GET /api/billing/ledger/{orgId}/csv?kind=&from=&to=&lang= and
// GET /api/admin/finance/esf.csv?from=&to= — streamed CSV downloads (see csv.ts for the format).

const STATUS = { VALIDATION: 400, UNAUTHORIZED: 401, FORBIDDEN: 404, NOT_FOUND: 404 } as const;

const fail = (error: unknown, language: "ru" | "kk", status: Record<string, number> = STATUS) =>
  downloadRefusal(error, language, status);

export const ledgerCsvRoute = withDatabaseUnavailable(
  async (request: Request, { params }: { params: Promise<{ orgId: string }> }) => {
    const url = new URL(request.url);
    const language = url.searchParams.get("lang") === "kk" ? "kk" : "ru";
    const user = await getCurrentUser();
    if (!user) return problem(401, language, "errors.unauthorized");
    const raw = (await params).orgId;
    const organizationId = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    if (organizationId <= 0) return problem(404, language, "errors.billing.documentNotFound");
    try {
      // Staff read any organisation's ledger, so only after their second factor (403 before it).
      requireSecondFactor(user);
      const actor = { userId: user.id, ip: requestMeta(request.headers).ip };
      const filter = {
        ...parsePeriod(url.searchParams.get("from"), url.searchParams.get("to")),
        kinds: parseKinds(url.searchParams.getAll("kind")),
      };
      const rows = await ledgerCsv(actor, organizationId, filter);
      return csvResponse(`ledger-${organizationId}-${almatyDay(new Date())}.csv`, LEDGER_CSV_HEADER[language], rows);
    } catch (error) {
      return fail(error, language, { ...STATUS, FORBIDDEN: 403 });
    }
  },
);

export const esfCsvRoute = withDatabaseUnavailable(async (request: Request) => {
  const url = new URL(request.url);
  const user = await getCurrentUser();
  if (!user) return problem(401, "ru", "errors.unauthorized");
  try {
    requireSecondFactor(user);
    const actor = { userId: user.id, ip: requestMeta(request.headers).ip };
    const period = parsePeriod(url.searchParams.get("from"), url.searchParams.get("to"));
    const rows = await esfCsv(actor, period);
    return csvResponse(`esf-${almatyDay(new Date())}.csv`, ESF_CSV_HEADER, rows);
  } catch (error) {
    // Staff pages are no secret: a signed-in non-finance caller is told it is forbidden.
    return fail(error, "ru", { ...STATUS, FORBIDDEN: 403 });
  }
});
