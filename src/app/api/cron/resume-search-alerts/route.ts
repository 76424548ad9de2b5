import { cronRoute } from "@/server/cron/cron-route";
import { refreshExperienceYears } from "@/server/services/resume-database/experience-years";
import { runResumeSearchAlerts } from "@/server/services/saved-resume-searches/run-resume-search-alerts";

// The saved resume searches' emails: daily at 07:00 Asia/Almaty (02:00 UTC), weekly searches on
// Mondays. Called by a scheduler with `Authorization: Bearer $CRON_SECRET`, by GET or POST; safe
// to call again or twice at once (each saved search gets one email a day). First, resumes whose
// ongoing experience completed another year are counted again, so that "experience from N years"
// reads them from the search index (experience-years.ts). Answers `{ ok: true,
// experienceRecounted, periodDate, weekly, due, claimed, sent, empty, failed, ms }`.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

export const { GET, POST } = cronRoute("Saved resume search job", async () => {
  const experienceRecounted = await refreshExperienceYears(new Date());
  const { durationMs: _measured, ...counts } = await runResumeSearchAlerts();
  return { experienceRecounted, ...counts };
});
