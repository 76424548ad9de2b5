import { authorizeCron } from "@/server/cron/authorize";
import { runDigest } from "@/server/services/digest/run-digest";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";

// The subscription digest job: daily at 07:00 Asia/Almaty (02:00 UTC), weekly subscriptions on
// Mondays in the same emails. Called by a scheduler with `Authorization: Bearer $CRON_SECRET`, by
// GET or POST; safe to call again or twice at once (each seeker gets one email a day). Answers
// `{ ok: true, periodDate, weekly, seekers, claimed, sent, empty, failed, subscriptions,
// windowVacancies, timings, ms }` (timings: ms per step of the job).

export const dynamic = "force-dynamic";
// A run over many seekers takes a while; platforms that cap a function's duration read this.
export const maxDuration = 300;

const noStore = { "Cache-Control": "no-store" };

async function run(request: Request): Promise<Response> {
  try {
    const refused = authorizeCron(request);
    if (refused) return refused;
    const { durationMs, ...counts } = await runDigest();
    return Response.json({ ok: true, ...counts, ms: durationMs }, { headers: noStore });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("Subscription digest job failed:", error);
    return Response.json({ ok: false }, { status: 500, headers: noStore });
  }
}

export async function GET(request: Request) {
  return run(request);
}

export async function POST(request: Request) {
  return run(request);
}
