import { authorizeCron } from "@/server/cron/authorize";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import { runGraduateInvitations } from "@/server/services/schools/graduate-invitations";

// The graduate invitations job, daily: a driving school's graduate who was a minor when they
// graduated is invited on their 18th birthday if still graduated (and one who got an email
// later, once), and an invitation whose email was never stored is sent with a fresh token
// (src/server/services/schools/graduate-invitations.ts). Rows are locked in batches, so
// overlapping or repeated calls send nothing twice. Called with `Authorization: Bearer
// $CRON_SECRET` by GET or POST; answers `{ ok: true, invited, resent, ms }`.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

const noStore = { "Cache-Control": "no-store" };

async function run(request: Request): Promise<Response> {
  try {
    const refused = authorizeCron(request);
    if (refused) return refused;
    const started = performance.now();
    const { invited, resent } = await runGraduateInvitations(new Date());
    return Response.json({ ok: true, invited, resent, ms: Math.round(performance.now() - started) }, { headers: noStore });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("Graduate invitations job failed:", error);
    return Response.json({ ok: false }, { status: 500, headers: noStore });
  }
}

export async function GET(request: Request) {
  return run(request);
}

export async function POST(request: Request) {
  return run(request);
}
