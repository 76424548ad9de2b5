import { cronRoute } from "@/server/cron/cron-route";
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

export const { GET, POST } = cronRoute("Billing job", async () => {
  const now = new Date();
  const orders = await expireOrders(now);
  const entitlements = await expireEntitlements(now);
  return {
    ordersExpired: orders.expired,
    entitlementsExpired: entitlements.expired,
    unitsForfeited: entitlements.unitsForfeited,
  };
});
