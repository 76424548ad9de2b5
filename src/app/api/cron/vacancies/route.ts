import { cronRoute } from "@/server/cron/cron-route";
import { expireVacancies } from "@/server/services/vacancies/expire";
import { revalidateVacancyPages } from "@/server/services/vacancies/vacancy-cache";

// The vacancy lifecycle job: archives published vacancies past their expiry date and ends premium
// highlights that ran out. Called by a scheduler with `Authorization: Bearer $CRON_SECRET`, by GET
// or POST (schedulers differ); safe to call often and twice at once. Answers
// `{ ok: true, archived, premiumEnded, ms }`.

export const dynamic = "force-dynamic";

export const { GET, POST } = cronRoute("Vacancy expiry job", () =>
  expireVacancies(new Date(), { revalidate: revalidateVacancyPages }),
);
