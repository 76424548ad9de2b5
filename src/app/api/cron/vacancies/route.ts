import { authorizeCron } from "@/server/cron/authorize";
import { expireVacancies } from "@/server/services/vacancies/expire";
import { revalidateVacancyPages } from "@/server/services/vacancies/vacancy-cache";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";

// The vacancy lifecycle job: archives published vacancies past their expiry date and ends premium
// highlights that ran out. Called by a scheduler with `Authorization: Bearer $CRON_SECRET`, by GET
// or POST (schedulers differ); safe to call often and twice at once. Answers
// `{ ok: true, archived, premiumEnded, ms }`.

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

async function run(request: Request): Promise<Response> {
  try {
    const refused = authorizeCron(request);
    if (refused) return refused;
    const started = performance.now();
    const { archived, premiumEnded } = await expireVacancies(new Date(), { revalidate: revalidateVacancyPages });
    const ms = Math.round(performance.now() - started);
    return Response.json({ ok: true, archived, premiumEnded, ms }, { headers: noStore });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("Vacancy expiry job failed:", error);
    return Response.json({ ok: false }, { status: 500, headers: noStore });
  }
}

export async function GET(request: Request) {
  return run(request);
}

export async function POST(request: Request) {
  return run(request);
}
