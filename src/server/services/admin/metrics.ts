import { Prisma } from "@/generated/prisma/client";
import type { StaffRole } from "@/generated/prisma/enums";
import { metricsVisibleTo, type MetricsPart } from "@/lib/admin-queues";
import { almatyDay, almatyDaySqlText } from "@/lib/almaty-time";
import { AccessDeniedError } from "@/server/auth/guards";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { parsePeriod } from "../billing/documents/exports";
import { REVENUE_MAX_DAYS } from "../billing/finance-console";

// The console's metrics, per Almaty calendar day: every query counts over a series of the range's
// days, so a day without events is a 0 (or no duration), never a missing row. Each table is read
// through a range on an indexed timestamp (or date), never the whole table.

export const METRICS_DEFAULT_DAYS = 30;
export const METRICS_MAX_DAYS = REVENUE_MAX_DAYS;
const DAY_MS = 86_400_000;

export interface MetricsRangeInput {
  /** First Almaty day shown (YYYY-MM-DD); default: METRICS_DEFAULT_DAYS days up to `to`. */
  from?: string | null;
  /** Last Almaty day shown, included; default: today. */
  to?: string | null;
}

export interface MetricsRange {
  from: string;
  to: string;
  days: string[];
  /** The instants the range starts and ends (exclusive). */
  start: Date;
  end: Date;
}

/** The days a request asks for: bad days, a range ending before it starts, or one above a year are refused. */
export function metricsRange(input: MetricsRangeInput, now = new Date()): MetricsRange {
  const end = period(null, input.to || almatyDay(now)).to;
  const to = almatyDay(new Date(end.getTime() - DAY_MS));
  const from = input.from || almatyDay(new Date(end.getTime() - METRICS_DEFAULT_DAYS * DAY_MS));
  const start = period(from, to).from;
  const count = Math.round((end.getTime() - start.getTime()) / DAY_MS);
  if (count > METRICS_MAX_DAYS) throw new DomainError("VALIDATION", "errors.billing.dateRangeTooLong");
  const days = Array.from({ length: count }, (_, i) => almatyDay(new Date(start.getTime() + i * DAY_MS)));
  return { from, to, days, start, end };
}

/** The exports' reading of a period, saying what a day must look like when one is not a day. */
function period(from: string | null, to: string) {
  try {
    const { from: start = new Date(0), to: end } = parsePeriod(from, to);
    if (!end) throw new DomainError("VALIDATION", "errors.metrics.dayInvalid");
    return { from: start, to: end };
  } catch (error) {
    if (error instanceof DomainError && error.messageKey === "errors.invalidInput")
      throw new DomainError("VALIDATION", "errors.metrics.dayInvalid");
    throw error;
  }
}

function requirePart(role: StaffRole, part: MetricsPart) {
  if (!metricsVisibleTo(part, role)) throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
}

/** The range's days as rows `d(day date)`, to which each metric is joined. */
const daySeries = (range: MetricsRange) =>
  Prisma.sql`(SELECT (${range.from}::date + i) AS day FROM generate_series(0, ${range.days.length - 1}::int) AS i) AS d`;

const dayOf = (column: string) => Prisma.raw(almatyDaySqlText(column));

// Listing every status lets the (status, published_at) index serve a range on published_at alone.
const VACANCY_STATUSES = Prisma.raw("'DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED', 'ARCHIVED', 'REMOVED'");
/** The moderator's decisions on a submitted vacancy (corrections are not decisions). */
const DECISIONS = Prisma.join([
  "vacancy.moderation.approve",
  "vacancy.moderation.return",
  "vacancy.moderation.remove",
  "vacancy.moderation.delete",
]);
/** What puts a vacancy before a moderator: a submission, or an edit of a live one's duties. */
const SUBMISSIONS = Prisma.join(["vacancy.submit", "vacancy.update.remoderate"]);

export interface ActivityDay {
  day: string;
  /** Vacancies whose current publication began that day (a republication moves a vacancy to its new day). */
  vacanciesPublished: number;
  applications: number;
  newSeekers: number;
  newOrganizations: number;
  digestsSent: number;
  digestsFailed: number;
  /** Moderators' decisions that day on submissions, and the time from submission to decision. */
  decisions: number;
  moderationMedianSeconds: number | null;
  moderationP90Seconds: number | null;
}

interface ActivityRow {
  day: string;
  vacancies: number;
  applications: number;
  seekers: number;
  organizations: number;
  digests_sent: number;
  digests_failed: number;
  decisions: number;
  median_seconds: number | null;
  p90_seconds: number | null;
}

/**
 * Publications, applications, sign-ups, digests and moderation time per day (superadmins).
 *
 * Moderation time pairs each decision (from the audit log) with the latest submission of the same
 * vacancy before it that no other decision answered: removing or deleting a live vacancy decides
 * no submission and is not counted.
 */
export async function activityMetrics(viewer: { role: StaffRole }, input: MetricsRangeInput, now = new Date()) {
  requirePart(viewer.role, "activity");
  const range = metricsRange(input, now);
  const { start, end } = range;
  const rows = await db.$queryRaw<ActivityRow[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(v.n, 0)::int AS vacancies, COALESCE(a.n, 0)::int AS applications,
           COALESCE(s.n, 0)::int AS seekers, COALESCE(o.n, 0)::int AS organizations,
           COALESCE(g.sent, 0)::int AS digests_sent, COALESCE(g.failed, 0)::int AS digests_failed,
           COALESCE(m.n, 0)::int AS decisions, m.median_seconds, m.p90_seconds
      FROM ${daySeries(range)}
      LEFT JOIN (SELECT ${dayOf("published_at")} AS day, count(*) AS n FROM vacancies
                  WHERE status IN (${VACANCY_STATUSES}) AND published_at >= ${start} AND published_at < ${end}
                  GROUP BY 1) v ON v.day = d.day
      LEFT JOIN (SELECT ${dayOf("created_at")} AS day, count(*) AS n FROM applications
                  WHERE origin = 'SEEKER' AND created_at >= ${start} AND created_at < ${end} GROUP BY 1) a ON a.day = d.day
      LEFT JOIN (SELECT ${dayOf("created_at")} AS day, count(*) AS n FROM users
                  WHERE is_seeker AND created_at >= ${start} AND created_at < ${end} GROUP BY 1) s ON s.day = d.day
      LEFT JOIN (SELECT ${dayOf("created_at")} AS day, count(*) AS n FROM organizations
                  WHERE created_at >= ${start} AND created_at < ${end} GROUP BY 1) o ON o.day = d.day
      LEFT JOIN (SELECT period_date AS day, count(*) FILTER (WHERE status = 'SENT') AS sent,
                        count(*) FILTER (WHERE status = 'FAILED') AS failed
                   FROM digest_deliveries
                  WHERE period_date >= ${range.from}::date AND period_date <= ${range.to}::date
                    AND status IN ('SENT', 'FAILED')
                  GROUP BY 1) g ON g.day = d.day
      LEFT JOIN (SELECT ${dayOf("dec.created_at")} AS day, count(*) AS n,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM dec.created_at - sub.created_at))::float8
                          AS median_seconds,
                        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM dec.created_at - sub.created_at))::float8
                          AS p90_seconds
                   FROM audit_log dec
                   CROSS JOIN LATERAL (
                     SELECT s.created_at FROM audit_log s
                      WHERE s.entity_type = 'vacancy' AND s.entity_id = dec.entity_id
                        AND s.action IN (${SUBMISSIONS}) AND s.created_at <= dec.created_at
                      ORDER BY s.created_at DESC LIMIT 1) sub
                  WHERE dec.action IN (${DECISIONS}) AND dec.created_at >= ${start} AND dec.created_at < ${end}
                    AND NOT EXISTS (
                      SELECT 1 FROM audit_log p
                       WHERE p.entity_type = 'vacancy' AND p.entity_id = dec.entity_id AND p.action IN (${DECISIONS})
                         AND p.created_at >= sub.created_at AND p.created_at < dec.created_at)
                  GROUP BY 1) m ON m.day = d.day
     ORDER BY d.day`;
  const days: ActivityDay[] = rows.map((r) => ({
    day: r.day,
    vacanciesPublished: r.vacancies,
    applications: r.applications,
    newSeekers: r.seekers,
    newOrganizations: r.organizations,
    digestsSent: r.digests_sent,
    digestsFailed: r.digests_failed,
    decisions: r.decisions,
    moderationMedianSeconds: r.median_seconds === null ? null : Math.round(r.median_seconds),
    moderationP90Seconds: r.p90_seconds === null ? null : Math.round(r.p90_seconds),
  }));
  return { from: range.from, to: range.to, days };
}

export interface RevenueProduct {
  code: string;
  nameRu: string;
  nameKk: string;
}

export interface RevenueDay {
  day: string;
  /** Tiyn paid for each product that day, in the order of `products`. */
  byProduct: bigint[];
  purchases: bigint;
  /** Balance paid back that day, less refunds that failed (their money came back) that day. */
  refunds: bigint;
  /** Purchases less refunds. */
  net: bigint;
}

/**
 * Revenue per day from the ledger (finance and superadmins): each PURCHASE entry is the money an
 * activated order took, split by product along the order's lines (frozen at checkout, VAT
 * included). Refunds return unspent balance, never a product (refunds.ts), so they belong to no
 * product: they are their own column, the REFUND entries of the day (a request takes money out,
 * a failure puts it back), and are subtracted from the day's purchases to give the net.
 */
export async function revenueMetrics(viewer: { role: StaffRole }, input: MetricsRangeInput, now = new Date()) {
  requirePart(viewer.role, "revenue");
  const range = metricsRange(input, now);
  const { start, end } = range;
  const [lines, totals] = await Promise.all([
    db.$queryRaw<{ day: string; code: string; name_ru: string; name_kk: string; sort_order: number; amount: bigint }[]>`
      SELECT to_char(${dayOf("e.created_at")}, 'YYYY-MM-DD') AS day, p.code, p.name_ru, p.name_kk, p.sort_order,
             SUM(l.amount_tiyn)::bigint AS amount
        FROM ledger_entries e
        JOIN order_lines l ON l.order_id = e.order_id
        JOIN products p ON p.id = l.product_id
       WHERE e.kind = 'PURCHASE' AND e.created_at >= ${start} AND e.created_at < ${end}
       GROUP BY 1, 2, 3, 4, 5`,
    db.$queryRaw<{ day: string; purchases: bigint; refunds: bigint }[]>`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(e.purchases, 0)::bigint AS purchases,
             COALESCE(e.refunds, 0)::bigint AS refunds
        FROM ${daySeries(range)}
        LEFT JOIN (SELECT ${dayOf("created_at")} AS day,
                          -SUM(amount_tiyn) FILTER (WHERE kind = 'PURCHASE') AS purchases,
                          -SUM(amount_tiyn) FILTER (WHERE kind = 'REFUND') AS refunds
                     FROM ledger_entries
                    WHERE kind IN ('PURCHASE', 'REFUND') AND created_at >= ${start} AND created_at < ${end}
                    GROUP BY 1) e ON e.day = d.day
       ORDER BY d.day`,
  ]);
  const products = [...new Map(lines.map((l) => [l.code, l])).values()]
    .sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))
    .map((p): RevenueProduct => ({ code: p.code, nameRu: p.name_ru, nameKk: p.name_kk }));
  const column = new Map(products.map((p, i) => [p.code, i]));
  const amounts = new Map<string, bigint[]>();
  for (const line of lines) {
    const row = amounts.get(line.day) ?? products.map(() => 0n);
    row[column.get(line.code)!] = BigInt(line.amount);
    amounts.set(line.day, row);
  }
  const days: RevenueDay[] = totals.map((t) => {
    const purchases = BigInt(t.purchases);
    const refunds = BigInt(t.refunds);
    return { day: t.day, byProduct: amounts.get(t.day) ?? products.map(() => 0n), purchases, refunds, net: purchases - refunds };
  });
  const sum = (pick: (d: RevenueDay) => bigint) => days.reduce((acc, d) => acc + pick(d), 0n);
  return {
    from: range.from,
    to: range.to,
    products,
    days,
    total: {
      byProduct: products.map((_, i) => sum((d) => d.byProduct[i] ?? 0n)),
      purchases: sum((d) => d.purchases),
      refunds: sum((d) => d.refunds),
      net: sum((d) => d.net),
    },
  };
}
