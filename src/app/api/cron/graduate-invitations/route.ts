import { cronRoute } from "@/server/cron/cron-route";
import { runGraduateInvitations } from "@/server/services/schools/graduate-invitations";

// The graduate invitations job, daily: a driving school's graduate who was a minor when they
// graduated is invited on their 18th birthday if still graduated (and one who got an email
// later, once), and an invitation whose email was never stored is sent with a fresh token
// (src/server/services/schools/graduate-invitations.ts). Rows are locked in batches, so
// overlapping or repeated calls send nothing twice. Called with `Authorization: Bearer
// $CRON_SECRET` by GET or POST; answers `{ ok: true, invited, resent, ms }`.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const { GET, POST } = cronRoute("Graduate invitations job", async () => {
  const { invited, resent } = await runGraduateInvitations(new Date());
  return { invited, resent };
});
