import { authorizeCron } from "@/server/cron/authorize";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/server/db-unavailable";
import { expireEntitlements } from "@/server/services/billing/expire-entitlements";
import { expireOrders } from "@/server/services/billing/expire-orders";

// The billing job, hourly: unpaid orders past their payment window expire (a card order after
// 24 hours, an invoice after 10 days), and credits and resume-database accesses whose period is
// over end with their unused units forfeited (H 4.7-4.8, 17.15). Both steps work in batches that
// lock their rows, so overlapping or repeated calls do nothing twice. Called with
// `Authorization: Bearer $CRON_SECRET` by GET or POST; answers
// `{ ok: true, ordersExpired, entitlementsExpired, unitsForfeited, ms }`.

export const dynamic = "force-dynamic";
export const maxDuration = 300;

const noStore = { "Cache-Control": "no-store" };

async function run(request: Request): Promise<Response> {
  try {
    const refused = authorizeCron(request);
    if (refused) return refused;
    const started = performance.now();
    const now = new Date();
    const orders = await expireOrders(now);
    const entitlements = await expireEntitlements(now);
    return Response.json(
      {
        ok: true,
        ordersExpired: orders.expired,
        entitlementsExpired: entitlements.expired,
        unitsForfeited: entitlements.unitsForfeited,
        ms: Math.round(performance.now() - started),
      },
      { headers: noStore },
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    console.error("Billing job failed:", error);
    return Response.json({ ok: false }, { status: 500, headers: noStore });
  }
}

export async function GET(request: Request) {
  return run(request);
}

export async function POST(request: Request) {
  return run(request);
}
