import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";

import { authorizeCron } from "./authorize";

const noStore = { "Cache-Control": "no-store" };

/**
 * The route handlers of a scheduled job: the scheduler calls by GET or POST (schedulers differ)
 * with `Authorization: Bearer $CRON_SECRET`; the answer is `{ ok: true, ...what the job returns,
 * ms }`, never cached. A database that cannot be reached answers 503 (the scheduler retries); any
 * other failure is logged and answers 500 without details.
 */
export function cronRoute(name: string, job: () => Promise<object>) {
  async function run(request: Request): Promise<Response> {
    try {
      const refused = authorizeCron(request);
      if (refused) return refused;
      const started = performance.now();
      const result = await job();
      return Response.json({ ok: true, ...result, ms: Math.round(performance.now() - started) }, { headers: noStore });
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
      console.error(`${name} failed:`, error);
      return Response.json({ ok: false }, { status: 500, headers: noStore });
    }
  }
  return { GET: run, POST: run };
}
