import { ledgerCsvRoute } from "@/server/services/billing/documents/export-routes";

// GET ?kind=&from=&to=&lang=: the organisation's ledger as CSV, for its members and finance staff.
export const GET = ledgerCsvRoute;
