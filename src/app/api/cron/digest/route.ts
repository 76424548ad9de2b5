import { cronRoute } from "@/server/cron/cron-route";
import { runDigest } from "@/server/services/digest/run-digest";

// The subscription digest job: daily at 07:00 Asia/Almaty (02:00 UTC), weekly subscriptions on
// Mondays in the same emails. Called by a scheduler with `Authorization: Bearer $CRON_SECRET`, by
// GET or POST; safe to call again or twice at once (each seeker gets one email a day). Answers
// `{ ok: true, periodDate, weekly, seekers, claimed, sent, empty, failed, subscriptions,
// windowVacancies, timings, ms }` (timings: ms per step of the job).
// A run over many seekers takes a while; platforms that cap a function's duration read this.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const { GET, POST } = cronRoute("Subscription digest job", async () => {
  // The route measures the whole call itself.
  const { durationMs: _measured, ...counts } = await runDigest();
  return counts;
});
