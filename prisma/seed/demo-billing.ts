import type { Db } from "@/server/db-client";
import { adjustBalance } from "@/server/services/billing/adjust-balance";
import { addCartLine } from "@/server/services/billing/change-cart";
import { checkout } from "@/server/services/billing/checkout";
import { priceList } from "@/server/services/billing/tariffs";

import { DEMO_EMAILS } from "./demo-accounts";

/** What each demo organisation buys: 10 or more of a kind, so the credits last 365 days (H 4.6). */
const DEMO_CREDITS: { productCode: string; quantity: number }[] = [
  { productCode: "vacancy.standard", quantity: 20 },
  { productCode: "vacancy.premium", quantity: 10 },
  { productCode: "vacancy.anonymous", quantity: 10 },
];

/** What the demo school buys besides: a year of its monthly plan, so its registry can be changed. */
const DEMO_SCHOOL_PLAN = { productCode: "school.plan.month", quantity: 12 };

/**
 * Paid publication credits for the verified organisations of the demo employer and the demo
 * school (and the school's plan for a year), bought the way a customer buys them: the administrator (a superadmin) credits the
 * balance with a reasoned adjustment, the owner fills the cart and pays it from the balance. The
 * billing services run on the application's database client (DATABASE_URL must name the same
 * database as `db`). Organisations that already have credits are left alone.
 */
export async function seedDemoCredits(db: Db, options: { log?: (line: string) => void } = {}): Promise<number> {
  const log = options.log ?? (() => {});
  const admin = await db.user.findUnique({ where: { email: DEMO_EMAILS.admin }, select: { id: true } });
  if (!admin) return 0;
  const owners = await db.membership.findMany({
    where: {
      role: "OWNER",
      user: { email: { in: [DEMO_EMAILS.employer, DEMO_EMAILS.school] } },
      organization: { verification: "VERIFIED", blockedAt: null, entitlements: { none: {} } },
    },
    select: { userId: true, organizationId: true, organization: { select: { type: true } } },
    orderBy: { organizationId: "asc" },
  });
  if (owners.length === 0) return 0;
  const prices = new Map((await priceList()).map((p) => [p.code, p.price.priceTiyn]));
  const cost = (lines: typeof DEMO_CREDITS) =>
    lines.reduce((sum, c) => sum + (prices.get(c.productCode) ?? 0n) * BigInt(c.quantity), 0n);
  for (const { userId, organizationId, organization } of owners) {
    const owner = { userId, ip: null };
    const lines = organization.type === "DRIVING_SCHOOL" ? [...DEMO_CREDITS, DEMO_SCHOOL_PLAN] : DEMO_CREDITS;
    const total = cost(lines);
    await adjustBalance({
      organizationId,
      amountTiyn: total,
      reason: "Демо-данные: баланс для публикаций",
      actor: { userId: admin.id, ip: null },
    });
    for (const line of lines) await addCartLine({ organizationId, ...line, actor: owner });
    await checkout({ organizationId, method: "BALANCE", actor: owner });
  }
  log(`bought demo publication credits for ${owners.length} organizations`);
  return owners.length;
}
