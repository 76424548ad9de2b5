import { esfCsvRoute } from "@/server/services/billing/documents/export-routes";

// GET ?from=&to=: every act of the period with buyer and lines, for issuing ESF (finance staff).
export const GET = esfCsvRoute;
