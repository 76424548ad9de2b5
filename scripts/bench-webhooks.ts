/**
 * Payment webhooks under fire:
 *
 *   npm run bench:webhooks [-- --orders 1000 --copies 20 --concurrency 16]
 *
 * Creates a fresh database (on BENCH_ADMIN_URL, default the server on 127.0.0.1:5432), places the
 * card orders through the billing services, then delivers every notification the three providers
 * would send — CloudPayments and Freedom Pay checks and payments, Stripe payment events, refunds
 * announced before their payments, second payments for orders already paid — each `copies` times,
 * all shuffled and concurrent, with forged and stale ones mixed in, through the webhook's route
 * handler (real signatures, real Request objects). Finance then refunds the money the second
 * payments left on the balance and the providers' refund notifications arrive the same way.
 *
 * Prints notifications per second and checks the invariants: every order activated exactly once,
 * every balance equal to payments minus purchases minus refunds and never negative, forged and
 * stale notifications answered 401 with nothing written, nothing left pending. PASS only if every
 * invariant holds (exit status 1 otherwise). The database is dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import pg from "pg";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SECRETS = {
  CLOUDPAYMENTS_PUBLIC_ID: "pk_bench",
  CLOUDPAYMENTS_API_SECRET: "cp-bench-secret-0123456789",
  FREEDOMPAY_MERCHANT_ID: "556677",
  FREEDOMPAY_SECRET_KEY: "fp-bench-secret-0123456789",
  STRIPE_SECRET_KEY: "sk_test_bench0123456789",
  STRIPE_WEBHOOK_SECRET: "whsec_bench0123456789",
};
const APP_URL = "http://127.0.0.1:3000";

function options() {
  const { values } = parseArgs({
    options: {
      orders: { type: "string", default: "1000" },
      copies: { type: "string", default: "20" },
      concurrency: { type: "string", default: "16" },
    },
  });
  const int = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    orders: int("orders", values.orders, 3, 100_000),
    copies: int("copies", values.copies, 1, 100),
    concurrency: int("concurrency", values.concurrency, 1, 256),
  };
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

interface Delivery {
  provider: "cloudpayments" | "freedompay" | "stripe";
  url: string;
  headers: Record<string, string>;
  rawBody: string;
  /** What the webhook must answer: 200 for an authentic one, 401 for a forged or stale one. */
  expect: 200 | 401;
  key: string | null;
}

async function main(): Promise<number> {
  const opts = options();
  const adminUrl = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `jumys_bench_webhooks_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  // Server code imports the `server-only` marker: resolve it to its empty build, as Next does.
  const empty = pathToFileURL(path.join(REPO, "node_modules", "server-only", "empty.js")).href;
  register(
    `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, n) { return s === "server-only" ? { url: ${JSON.stringify(empty)}, shortCircuit: true } : n(s, c); }`)}`,
  );
  Object.assign(process.env, SECRETS, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(36).toString("base64url"),
    APP_URL,
    DEV_CHECKOUT_PAGE: "false",
  });

  try {
    const { applyMigrations } = await import("../src/server/db/migrator");
    await applyMigrations(databaseUrl, { migrationsDir: path.join(REPO, "prisma", "migrations") });
    return await run(opts);
  } finally {
    const { db } = await import("../src/server/db");
    await db.$disconnect().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function run(opts: ReturnType<typeof options>): Promise<number> {
  const { db } = await import("../src/server/db");
  const { createBuyer, createFinanceActor } = await import("../test/support/factories");
  const { addCartLine } = await import("../src/server/services/billing/change-cart");
  const { checkout } = await import("../src/server/services/billing/checkout");
  const { refundBalance } = await import("../src/server/services/billing/refunds");
  const cp = await import("../src/server/services/billing/providers/cloudpayments");
  const fp = await import("../src/server/services/billing/providers/freedompay");
  const st = await import("../src/server/services/billing/providers/stripe");
  const { POST } = await import("../src/app/api/webhooks/[provider]/route");

  const cpConfig = { publicId: SECRETS.CLOUDPAYMENTS_PUBLIC_ID, apiSecret: SECRETS.CLOUDPAYMENTS_API_SECRET };
  const fpConfig = { merchantId: SECRETS.FREEDOMPAY_MERCHANT_ID, secretKey: SECRETS.FREEDOMPAY_SECRET_KEY };
  const stConfig = { secretKey: SECRETS.STRIPE_SECRET_KEY, webhookSecret: SECRETS.STRIPE_WEBHOOK_SECRET };
  const hook = (provider: string) => `${APP_URL}/api/webhooks/${provider}`;

  // Orders: 10 per organisation, placed through the services.
  const setupStarted = performance.now();
  const buyers = await Promise.all(Array.from({ length: Math.ceil(opts.orders / 10) }, () => createBuyer()));
  const products = ["vacancy.standard", "vacancy.premium", "vacancy.anonymous"];
  const orders: { orderId: number; number: string; amountTiyn: bigint; organizationId: number }[] = [];
  await pool(buyers, 8, async (buyer) => {
    for (let i = 0; i < 10 && orders.length < opts.orders; i++) {
      await addCartLine({
        organizationId: buyer.organizationId,
        productCode: products[i % 3]!,
        quantity: 1 + (i % 4),
        actor: buyer.owner,
      });
      const placed = await checkout({ organizationId: buyer.organizationId, method: "CARD", actor: buyer.owner });
      orders.push({ ...placed, organizationId: buyer.organizationId });
    }
  });
  const setupMs = performance.now() - setupStarted;

  // Every notification, `copies` times.
  const deliveries: Delivery[] = [];
  const authenticKeys = new Set<string>();
  const doublePaid: { order: (typeof orders)[number]; paymentId: string }[] = [];
  let refundsBeforePayment = 0;
  const add = (
    provider: Delivery["provider"],
    signed: { url: string; headers: Record<string, string>; rawBody: string },
    key: string,
  ) => {
    authenticKeys.add(`${provider}:${key}`);
    for (let c = 0; c < opts.copies; c++) deliveries.push({ provider, ...signed, expect: 200, key });
  };
  orders.forEach((order, i) => {
    const now = new Date();
    const base = { orderNumber: order.number, amountTiyn: order.amountTiyn, now };
    const paymentId = String(100_000_000 + i);
    if (i % 3 === 0) {
      const common = { ...base, notificationUrl: hook("cloudpayments"), providerPaymentId: paymentId };
      add("cloudpayments", cp.signCloudPaymentsTestNotification(cpConfig, { ...common, kind: "check" }), `check:${paymentId}`);
      add("cloudpayments", cp.signCloudPaymentsTestNotification(cpConfig, { ...common, kind: "paid" }), `paid:${paymentId}`);
      if (i % 30 === 0) {
        // A refund made at the provider, announced before (or with) the payment's own notification.
        const refundId = String(500_000_000 + i);
        add(
          "cloudpayments",
          cp.signCloudPaymentsTestNotification(cpConfig, { ...common, kind: "refunded", providerRefundId: refundId }),
          `refunded:${refundId}`,
        );
        refundsBeforePayment++;
      }
      if (i % 15 === 3) {
        // The payer paid twice: the second payment stays on the balance (finance refunds it below).
        const second = String(300_000_000 + i);
        add(
          "cloudpayments",
          cp.signCloudPaymentsTestNotification(cpConfig, {
            ...base,
            notificationUrl: hook("cloudpayments"),
            providerPaymentId: second,
            kind: "paid",
          }),
          `paid:${second}`,
        );
        doublePaid.push({ order, paymentId: second });
      }
      const forged = cp.signCloudPaymentsTestNotification(
        { ...cpConfig, apiSecret: "not-the-secret-000" },
        { ...common, kind: "paid" },
      );
      deliveries.push({ provider: "cloudpayments", ...forged, expect: 401, key: null });
    } else if (i % 3 === 1) {
      const common = { ...base, notificationUrl: hook("freedompay"), providerPaymentId: paymentId };
      add("freedompay", fp.signFreedomPayTestNotification(fpConfig, { ...common, kind: "check" }), `check:${paymentId}`);
      add("freedompay", fp.signFreedomPayTestNotification(fpConfig, { ...common, kind: "paid" }), `paid:${paymentId}`);
      const forged = fp.signFreedomPayTestNotification(
        { ...fpConfig, secretKey: "not-the-secret-000" },
        { ...common, kind: "paid" },
      );
      deliveries.push({ provider: "freedompay", ...forged, expect: 401, key: null });
    } else {
      const common = { ...base, notificationUrl: hook("stripe"), providerPaymentId: `pi_bench_${i}`, eventId: `evt_bench_${i}` };
      add("stripe", st.signStripeTestNotification(stConfig, { ...common, kind: "paid" }), `evt_bench_${i}`);
      const stale = st.signStripeTestNotification(stConfig, {
        ...common,
        eventId: `evt_stale_${i}`,
        kind: "paid",
        now: new Date(now.getTime() - 3_600_000),
      });
      deliveries.push({ provider: "stripe", ...stale, expect: 401, key: null });
    }
  });

  const wrong: string[] = [];
  async function deliver(d: Delivery) {
    const target = new URL(d.url);
    const response = await POST(
      new Request(`${APP_URL}${target.pathname}${target.search}`, { method: "POST", headers: d.headers, body: d.rawBody }),
      { params: Promise.resolve({ provider: d.provider }) },
    );
    const text = await response.text();
    const refusedCheck = /"code":\s*[1-9]/.test(text) || /<pg_status>rejected</.test(text);
    if (response.status !== d.expect || (d.expect === 200 && refusedCheck && !d.key?.startsWith("check:")))
      wrong.push(`${d.provider} ${d.key ?? "forged"}: ${response.status} ${text.slice(0, 80)}`);
  }

  shuffle(deliveries);
  const started = performance.now();
  await pool(deliveries, opts.concurrency, deliver);
  const deliveryMs = performance.now() - started;

  // Finance refunds what the second payments left on the balance; the provider announces each refund.
  const finance = await createFinanceActor();
  const refundDeliveries: Delivery[] = [];
  for (const { order, paymentId } of doublePaid) {
    const payment = await db.payment.findUniqueOrThrow({
      where: { provider_providerPaymentId: { provider: "CLOUDPAYMENTS", providerPaymentId: paymentId } },
      select: { id: true, amountTiyn: true },
    });
    await refundBalance({
      organizationId: order.organizationId,
      amountTiyn: payment.amountTiyn,
      reason: "Двойная оплата",
      paymentId: payment.id,
      actor: finance,
    });
    const refundId = String(700_000_000 + payment.id);
    const signed = cp.signCloudPaymentsTestNotification(cpConfig, {
      orderNumber: order.number,
      amountTiyn: payment.amountTiyn,
      notificationUrl: hook("cloudpayments"),
      now: new Date(),
      providerPaymentId: paymentId,
      providerRefundId: refundId,
      kind: "refunded",
    });
    authenticKeys.add(`cloudpayments:refunded:${refundId}`);
    for (let c = 0; c < opts.copies; c++)
      refundDeliveries.push({ provider: "cloudpayments", ...signed, expect: 200, key: `refunded:${refundId}` });
  }
  const refundStarted = performance.now();
  await pool(shuffle(refundDeliveries), opts.concurrency, deliver);
  const refundMs = performance.now() - refundStarted;

  // Invariants.
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const orderIds = orders.map((o) => o.orderId);
  const statuses = await db.order.groupBy({ by: ["status"], where: { id: { in: orderIds } }, _count: true });
  const activated = statuses.find((s) => s.status === "ACTIVATED")?._count ?? 0;
  check("every order activated", activated === orders.length, `${activated} of ${orders.length} ACTIVATED`);
  const entitlements = await db.entitlement.groupBy({ by: ["orderId"], where: { orderId: { in: orderIds } }, _count: true });
  const once = entitlements.length === orders.length && entitlements.every((e) => e._count === 1);
  check(
    "each activated once",
    once,
    `${entitlements.length} orders with entitlements, counts ${[...new Set(entitlements.map((e) => e._count))].join("/")}`,
  );
  const acts = await db.act.count({ where: { orderId: { in: orderIds } } });
  check("one act per order", acts === orders.length, `${acts} acts`);
  const payments = await db.payment.count();
  check(
    "one payment per provider payment",
    payments === orders.length + doublePaid.length,
    `${payments} payments (${doublePaid.length} second payments)`,
  );

  const balances = await db.$queryRaw<{ organization_id: number; balance: bigint; ledger: bigint; expected: bigint }[]>`
    SELECT a.organization_id, a.balance_tiyn AS balance,
      (SELECT coalesce(sum(amount_tiyn), 0) FROM ledger_entries l WHERE l.organization_id = a.organization_id)::bigint AS ledger,
      ((SELECT coalesce(sum(amount_tiyn), 0) FROM payments p WHERE p.organization_id = a.organization_id)
       - (SELECT coalesce(sum(amount_tiyn), 0) FROM orders o WHERE o.organization_id = a.organization_id AND o.status = 'ACTIVATED')
       - (SELECT coalesce(sum(amount_tiyn), 0) FROM refunds r WHERE r.organization_id = a.organization_id AND r.status <> 'FAILED'))::bigint AS expected
    FROM billing_accounts a`;
  const off = balances.filter((b) => b.balance !== b.ledger || b.balance !== b.expected);
  check("ledger = payments − purchases − refunds", off.length === 0, `${balances.length} accounts, ${off.length} off`);
  const negative = balances.filter((b) => b.balance < 0n).length;
  check("no negative balance", negative === 0, `${negative} negative`);
  const completed = await db.refund.count({ where: { status: "COMPLETED" } });
  check("each refund settled once", completed === doublePaid.length, `${completed} of ${doublePaid.length} refunds COMPLETED`);

  const stored = await db.paymentNotification.count();
  const storedVerified = await db.paymentNotification.count({ where: { verified: true } });
  check(
    "one stored notification per authentic event; forged and stale wrote nothing",
    stored === authenticKeys.size && storedVerified === stored,
    `${stored} stored for ${authenticKeys.size} distinct events`,
  );
  const pending = await db.paymentNotification.count({ where: { processedAt: null } });
  check(
    "no notification left pending",
    pending === 0,
    `${pending} pending (${refundsBeforePayment} refunds announced before their payment)`,
  );
  check("every delivery answered as expected", wrong.length === 0, wrong.length ? wrong.slice(0, 3).join("; ") : "all");

  const total = deliveries.length + refundDeliveries.length;
  const forged = deliveries.filter((d) => d.expect === 401).length;
  console.log(`bench:webhooks on ${os.cpus().length} cores, concurrency ${opts.concurrency}`);
  console.log(`orders ${orders.length} (placed in ${(setupMs / 1000).toFixed(1)} s), copies ${opts.copies}`);
  console.log(
    `deliveries ${total}: authentic ${total - forged}, forged or stale ${forged}; ` +
      `${authenticKeys.size} distinct events (${refundsBeforePayment} refunds before payment, ${doublePaid.length} second payments refunded)`,
  );
  console.log(
    `throughput ${Math.round(deliveries.length / (deliveryMs / 1000))} notifications/s ` +
      `(${(deliveryMs / 1000).toFixed(1)} s), refunds ${Math.round(refundDeliveries.length / Math.max(refundMs / 1000, 0.001))}/s`,
  );
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}: ${c.detail}`);
  const pass = checks.every((c) => c.ok);
  console.log(pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
