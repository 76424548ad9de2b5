import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";

// The digest's bookkeeping in the database: which seekers are due, the per-seeker-and-day claim
// (digest_deliveries), and the outcome recorded with the subscriptions moved on. See run-digest.ts
// for how a run uses them.

/** Sending attempts per seeker and day. */
export const MAX_ATTEMPTS = 3;
/** A PENDING claim older than this belongs to a run that is gone. */
export const LEASE_MS = 15 * 60_000;

export type DeliveryStatus = "SENT" | "EMPTY" | "FAILED";

export interface ClaimedDelivery {
  id: number;
  user_id: number;
  cutoff_at: Date;
  attempts: number;
}

export interface DueSubscription {
  id: number;
  user_id: number;
  name: string;
  criteria: unknown;
  since: Date;
}

export interface DigestSeeker {
  id: number;
  email: string;
  name: string;
  locale: "ru" | "kk";
}

export interface Outcome {
  status: DeliveryStatus;
  vacancies: number;
  emailId: number | null;
  /** Subscriptions that move on to the delivery's cutoff (none after a failure). */
  subscriptions: number[];
}

/** Which seekers and subscriptions one day's run serves. */
export class DigestScope {
  readonly leaseStart: Date;
  private readonly due: Prisma.Sql;
  private readonly eligible = Prisma.sql`u.notify_digests AND u.email_verified_at IS NOT NULL AND u.blocked_at IS NULL`;

  constructor(
    private readonly db: Db,
    readonly periodDate: string,
    frequencies: readonly ("DAILY" | "WEEKLY")[],
    now: Date,
  ) {
    this.leaseStart = new Date(now.getTime() - LEASE_MS);
    this.due = Prisma.sql`s.paused_at IS NULL AND s.frequency = ANY (${[...frequencies]}::"SubscriptionFrequency"[])`;
  }

  /**
   * Seekers still to be served today: no delivery yet, or one that may be taken over. The repeated
   * `> cursor` bound lets the planner start its index scans at the cursor.
   */
  private open(cursor: number) {
    return Prisma.sql`NOT EXISTS (
      SELECT 1 FROM digest_deliveries d
      WHERE d.user_id = u.id AND d.user_id > ${cursor} AND d.period_date = ${this.periodDate}::date
        AND NOT ((d.status = 'PENDING' AND d.claimed_at < ${this.leaseStart}) OR (d.status = 'FAILED' AND d.attempts < ${MAX_ATTEMPTS})))`;
  }

  /** The earliest window start among the open seekers' due subscriptions, or null when none is due. */
  async earliestStart(): Promise<Date | null> {
    const rows = await this.db.$queryRaw<{ since: Date | null }[]>`
      SELECT min(coalesce(s.last_digest_at, s.created_at)) AS since
      FROM subscriptions s JOIN users u ON u.id = s.user_id
      WHERE ${this.due} AND ${this.eligible} AND ${this.open(0)}`;
    return rows[0]?.since ?? null;
  }

  /** The distinct criteria of the due subscriptions, each with the earliest start that uses it. */
  criteria(): Promise<{ criteria: unknown; since: Date }[]> {
    return this.db.$queryRaw`
      SELECT s.criteria, min(coalesce(s.last_digest_at, s.created_at)) AS since
      FROM subscriptions s JOIN users u ON u.id = s.user_id
      WHERE ${this.due} AND ${this.eligible} AND ${this.open(0)}
      GROUP BY s.criteria`;
  }

  /** The next `limit` open seekers with a due subscription after `cursor`, by id. */
  candidates(cursor: number, limit: number): Promise<{ id: number }[]> {
    return this.db.$queryRaw`
      SELECT u.id FROM users u
      WHERE u.id > ${cursor} AND ${this.eligible} AND ${this.open(cursor)}
        AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND s.user_id > ${cursor} AND ${this.due})
      ORDER BY u.id
      LIMIT ${limit}`;
  }

  /**
   * Claims these seekers' digests of the day: new claims get `cutoff`; a PENDING claim past its
   * lease is taken over with its own cutoff; a FAILED one is retried while attempts remain.
   */
  claim(userIds: number[], cutoff: Date, claimedAt: Date): Promise<ClaimedDelivery[]> {
    return this.db.$queryRaw`
      INSERT INTO digest_deliveries AS d (user_id, period_date, cutoff_at, claimed_at)
      SELECT c.id, ${this.periodDate}::date, ${cutoff}, ${claimedAt} FROM unnest(${userIds}::integer[]) AS c(id)
      ON CONFLICT (user_id, period_date) DO UPDATE
        SET claimed_at = excluded.claimed_at, status = 'PENDING', finished_at = NULL,
            attempts = CASE WHEN d.status = 'FAILED' THEN d.attempts + 1 ELSE d.attempts END
        WHERE (d.status = 'PENDING' AND d.claimed_at < ${this.leaseStart}) OR (d.status = 'FAILED' AND d.attempts < ${MAX_ATTEMPTS})
      RETURNING d.id, d.user_id, d.cutoff_at, d.attempts`;
  }

  /** The claimed seekers (still eligible) and their due subscriptions, oldest first. */
  async load(userIds: number[]): Promise<{ seekers: DigestSeeker[]; subscriptions: DueSubscription[] }> {
    const [seekers, subscriptions] = await Promise.all([
      this.db.$queryRaw<DigestSeeker[]>`
        SELECT u.id, u.email, u.name, u.locale::text AS locale FROM users u
        WHERE u.id = ANY (${userIds}::integer[]) AND ${this.eligible}`,
      this.db.$queryRaw<DueSubscription[]>`
        SELECT s.id, s.user_id, s.name, s.criteria, coalesce(s.last_digest_at, s.created_at) AS since
        FROM subscriptions s
        WHERE s.user_id = ANY (${userIds}::integer[]) AND ${this.due}
        ORDER BY s.user_id, s.created_at, s.id`,
    ]);
    return { seekers, subscriptions };
  }
}

/**
 * One transaction: the deliveries this run still holds (claimed at `claimedAt`) get their
 * outcome, and their subscriptions move on to the delivery's cutoff. Returns the deliveries
 * recorded: one missing was taken over by another run after the lease, which reports it.
 */
export async function recordOutcomes(
  db: Db,
  claimedAt: Date,
  outcomes: ReadonlyMap<number, Outcome>,
  finishedAt: Date,
): Promise<{ id: number; status: DeliveryStatus }[]> {
  const ids = [...outcomes.keys()];
  const list = [...outcomes.values()];
  const advance = [...outcomes].flatMap(([deliveryId, o]) => o.subscriptions.map((s) => [s, deliveryId] as const));
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; status: DeliveryStatus }[]>`
      UPDATE digest_deliveries d
      SET status = x.status::"DigestStatus", finished_at = ${finishedAt}, vacancy_count = x.vacancies, email_id = x.email_id
      FROM unnest(${ids}::integer[], ${list.map((o) => o.status)}::text[], ${list.map((o) => o.vacancies)}::integer[],
                  ${list.map((o) => o.emailId)}::integer[]) AS x(id, status, vacancies, email_id)
      WHERE d.id = x.id AND d.status = 'PENDING' AND d.claimed_at = ${claimedAt}
      RETURNING d.id, d.status::text AS status`;
    if (advance.length > 0 && rows.length > 0) {
      await tx.$executeRaw`
        UPDATE subscriptions s SET last_digest_at = d.cutoff_at
        FROM unnest(${advance.map((a) => a[0])}::integer[], ${advance.map((a) => a[1])}::integer[]) AS x(subscription_id, delivery_id)
        JOIN digest_deliveries d ON d.id = x.delivery_id
        WHERE s.id = x.subscription_id AND d.id = ANY (${rows.map((r) => r.id)}::integer[])
          AND coalesce(s.last_digest_at, s.created_at) < d.cutoff_at`;
    }
    return rows;
  });
}
