import { cronRoute } from "@/server/cron/cron-route";
import { runRetention } from "@/server/services/retention/run-retention";

// The retention job, daily: warns the owners of accounts unused for almost three years, deletes
// the accounts still unused 30 days after the warning, and purges finished records older than
// three months (SPEC §3, Q 10.8, K 4.12; see runRetention). Called by a scheduler with
// `Authorization: Bearer $CRON_SECRET`, by GET or POST; safe to call again or twice at once.
// Answers `{ ok: true, reminded, deleted, keptAsLastOwner, purged: { emails, sessions,
// emailTokens, invitations, rateLimits }, ms }`.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const { GET, POST } = cronRoute("Retention job", () => runRetention(new Date()));
