import type { Db } from "@/server/db-client";
import { db as defaultDb } from "@/server/db";
import { getEnv } from "@/env";
import { almatyDay } from "@/lib/almaty-time";
import { getMailer } from "@/server/email/get-mailer";
import type { EmailToSend, Mailer } from "@/server/email/mailer";

import { getCatalog } from "../catalog/catalog";

import {
  DigestScope,
  recordOutcomes,
  type ClaimedDelivery,
  type DigestSeeker,
  type DueSubscription,
  type Outcome,
} from "./digest-deliveries";
import { DigestEmailBuilder, type DigestGroupPlan } from "./digest-emails";
import { criteriaQuery, SubscriptionMatcher, WindowText, type Match } from "./match-subscriptions";
import { loadVacancyWindow } from "./vacancy-window";

export { LEASE_MS, MAX_ATTEMPTS } from "./digest-deliveries";
export { digestIdempotencyKey } from "./digest-emails";

// The subscription digest job (SPEC §3, §8), run by /api/cron/digest at 07:00 Asia/Almaty.
//
// For the Almaty day of `now`: every daily subscription, and on Mondays every weekly one too, of
// every seeker whose digests are on and whose account is confirmed and not blocked, gets the
// vacancies published since its last digest (or since it was made) that match it as the search
// page would and are still live; a seeker gets ONE email with a group per subscription, and none
// when nothing matched.
//
// Claims. A seeker's digest of the day is a DigestDelivery row (unique per seeker and day),
// claimed by inserting it with ON CONFLICT before anything is sent, so two runs at once never
// serve the same seeker. The claim fixes `cutoffAt` (the run's `now` less a minute, see
// CUTOFF_MARGIN_MS): each subscription's window
// is (lastDigestAt ?? createdAt, cutoffAt]. After the mailer has answered, one transaction marks
// the deliveries SENT / EMPTY / FAILED and moves lastDigestAt of their subscriptions to cutoffAt
// (SENT and EMPTY only), so the next digest starts exactly where this one stopped.
//
// Crashes. A claim still PENDING after LEASE_MS belongs to a run that died: a later run the same
// day takes it over with the same cutoffAt, so it builds the same email, and sends it with the same
// idempotency key `digest:{userId}:{yyyy-mm-dd}`: if the dead run had handed it to the mailer, the
// mailer returns that email instead of sending another. Nothing is sent twice, nothing is skipped.
//
// Failures. A delivery the mailer reports as not delivered (the provider refused it) is FAILED and
// its subscriptions stay where they were. A later run the same day (a second cron call, or the
// next one) retries it, up to MAX_ATTEMPTS in all, each retry with its own idempotency key
// (`…:2`, `…:3`), since the mailer never resends a key that failed. After the last attempt the
// next day's digest carries those vacancies, as the subscriptions never moved on.
//
// Scale. Matching runs in memory (see vacancy-window.ts and match-subscriptions.ts): the window's
// vacancies are read once, the words of all subscriptions are matched once by PostgreSQL, and
// each subscription is a few bitset operations. Seekers are claimed, built and sent in batches.

/** Vacancies shown per subscription in an email; the "see all" link has the rest. */
export const DIGEST_GROUP_SIZE = 5;
/**
 * A window never starts earlier than this before the cutoff: a subscription paused for months,
 * or whose digests were off, starts again with the last two weeks (vacancies live 30 days).
 */
export const MAX_LOOKBACK_DAYS = 14;
/**
 * The cutoff is this long before the run: a vacancy published just before it by a transaction
 * that commits after the window was read would otherwise fall between two digests.
 */
export const CUTOFF_MARGIN_MS = 60_000;
const DEFAULT_BATCH_SIZE = 500;
const DAY_MS = 86_400_000;

export interface RunDigestOptions {
  now?: Date;
  /** Seekers claimed, built and sent together; default 500. */
  batchSize?: number;
  db?: Db;
  /** The database `db` works on (a connection of its own matches the words); default DATABASE_URL. */
  databaseUrl?: string;
  /** Default: the application's mailer (getMailer). */
  mailer?: Mailer;
  appUrl?: string;
}

export interface DigestRunResult {
  /** The Almaty day served, YYYY-MM-DD. */
  periodDate: string;
  /** Whether weekly subscriptions were due (a Monday). */
  weekly: boolean;
  /** Seekers with due subscriptions and no finished digest today, as this run found them. */
  seekers: number;
  /** Of those, claimed by this run (another run at the same time has the rest). */
  claimed: number;
  sent: number;
  empty: number;
  failed: number;
  subscriptions: number;
  /** Live vacancies published in the run's window. */
  windowVacancies: number;
  durationMs: number;
  /** Where the time went, ms per step summed over the batches. */
  timings: Record<string, number>;
}

interface PreparedBatch {
  claimedAt: Date;
  outcomes: Map<number, Outcome>;
  emails: { deliveryId: number; email: EmailToSend; vacancies: number; subscriptions: number[] }[];
}

/** One seeker's digest before it is built: the groups that matched and the subscriptions it covers. */
interface SeekerPlan {
  delivery: ClaimedDelivery;
  seeker: DigestSeeker | undefined;
  groups: DigestGroupPlan[];
  covered: number[];
}

export const isMonday = (periodDate: string) => new Date(`${periodDate}T00:00:00Z`).getUTCDay() === 1;

export async function runDigest(options: RunDigestOptions = {}): Promise<DigestRunResult> {
  return new DigestRun(options).run();
}

/** One call of the job: its settings, the state it shares between batches, and its counts. */
class DigestRun {
  private readonly started = performance.now();
  private readonly now: Date;
  private readonly cutoff: Date;
  private readonly batchSize: number;
  private readonly db: Db;
  private readonly appUrl: string;
  private readonly mailer: Mailer;
  private readonly scope: DigestScope;
  private readonly result: DigestRunResult;
  private matcher!: SubscriptionMatcher;
  private emails!: DigestEmailBuilder;
  // Subscriptions with the same criteria and window (common: most were last sent by yesterday's
  // run) have the same matches.
  private readonly matches = new Map<string, Match>();

  constructor(private readonly options: RunDigestOptions) {
    this.now = options.now ?? new Date();
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) throw new RangeError("batchSize must be a positive integer");
    this.db = options.db ?? defaultDb;
    this.appUrl = options.appUrl ?? getEnv().APP_URL;
    this.mailer = options.mailer ?? getMailer();
    const periodDate = almatyDay(this.now);
    const weekly = isMonday(periodDate);
    this.cutoff = new Date(this.now.getTime() - CUTOFF_MARGIN_MS);
    this.scope = new DigestScope(this.db, periodDate, weekly ? ["DAILY", "WEEKLY"] : ["DAILY"], this.now);
    this.result = {
      periodDate,
      weekly,
      seekers: 0,
      claimed: 0,
      sent: 0,
      empty: 0,
      failed: 0,
      subscriptions: 0,
      windowVacancies: 0,
      durationMs: 0,
      timings: {},
    };
  }

  /** Timestamps written by the run follow `now`, so that a run for another moment (tests, replays) stays consistent. */
  private clock(): Date {
    return new Date(this.now.getTime() + Math.round(performance.now() - this.started));
  }

  private async timed<T>(step: string, work: () => Promise<T> | T): Promise<T> {
    const at = performance.now();
    try {
      return await work();
    } finally {
      this.result.timings[step] = Math.round((this.result.timings[step] ?? 0) + performance.now() - at);
    }
  }

  async run(): Promise<DigestRunResult> {
    if (await this.prepare()) {
      await this.claimAndDeliver();
      for (const [step, ms] of Object.entries(this.matcher.timings)) this.result.timings[`words.${step}`] = ms;
    }
    this.result.durationMs = Math.round(performance.now() - this.started);
    return this.result;
  }

  /**
   * Reads the window (from the earliest start among the open seekers' due subscriptions to the
   * cutoff) and matches the words of every due subscription once. False when nobody is due.
   */
  private async prepare(): Promise<boolean> {
    const earliest = await this.timed("window", () => this.scope.earliestStart());
    if (!earliest) return false;
    const start = new Date(Math.max(earliest.getTime(), this.now.getTime() - MAX_LOOKBACK_DAYS * DAY_MS));
    const range = { start, end: this.cutoff, now: this.now };
    const databaseUrl = this.options.databaseUrl ?? getEnv().DATABASE_URL;
    // The window's text index is built by the database while this process reads the window.
    const text = WindowText.open(databaseUrl, range);
    // Its failure is reported where the words wait for it; until then it must not count as unhandled.
    text.catch(() => undefined);
    try {
      const [window, catalog, criteria] = await this.timed("window", () =>
        Promise.all([
          loadVacancyWindow(this.db, start, this.cutoff, this.now),
          getCatalog(this.options.db),
          this.scope.criteria(),
        ]),
      );
      this.result.windowVacancies = window.size;
      this.matcher = new SubscriptionMatcher(this.db, window, catalog, range, databaseUrl);
      await this.timed("words", () =>
        this.matcher.prepare(
          criteria.map((row) => ({ query: criteriaQuery(row.criteria), since: row.since })),
          { text },
        ),
      );
    } finally {
      // Whatever happened above; a text index that failed to open has nothing to close.
      await text.then(
        (t) => t.close(),
        () => undefined,
      );
    }
    this.emails = await DigestEmailBuilder.create(this.db, this.matcher.window, {
      appUrl: this.appUrl,
      periodDate: this.result.periodDate,
      now: this.now,
    });
    return true;
  }

  /**
   * Batches of the next seekers by id. One batch is with the mailer while the next one is claimed,
   * matched and built: the mailer waits mostly on the database, the building on this process.
   */
  private async claimAndDeliver(): Promise<void> {
    let delivering: Promise<{ error: unknown } | null> | null = null;
    const delivered = async () => {
      const failure = await delivering;
      delivering = null;
      if (failure) throw failure.error;
    };
    try {
      let cursor = 0;
      for (;;) {
        const candidates = await this.timed("claim", () => this.scope.candidates(cursor, this.batchSize));
        if (candidates.length === 0) break;
        cursor = candidates[candidates.length - 1]!.id;
        this.result.seekers += candidates.length;
        const batch = await this.prepareBatch(candidates.map((c) => c.id));
        await delivered();
        if (batch)
          delivering = this.deliverBatch(batch).then(
            () => null,
            (error: unknown) => ({ error }),
          );
        if (candidates.length < this.batchSize) break;
      }
      await delivered();
    } finally {
      // A batch still with the mailer is finished (or fails) before the run ends either way.
      await delivering;
    }
  }

  /** Claims these seekers' digests of the day, matches their subscriptions and builds their emails. */
  private async prepareBatch(userIds: number[]): Promise<PreparedBatch | null> {
    const claimedAt = this.clock();
    const claimed = await this.timed("claim", () => this.scope.claim(userIds, this.cutoff, claimedAt));
    if (claimed.length === 0) return null;
    this.result.claimed += claimed.length;

    const { seekers, subscriptions } = await this.timed("load", () => this.scope.load(claimed.map((c) => c.user_id)));
    // Criteria edited or added since the run started (or reaching further back) are matched now.
    await this.timed("words", () =>
      this.matcher.prepare(subscriptions.map((s) => ({ query: criteriaQuery(s.criteria), since: s.since }))),
    );
    const plans = await this.timed("match", () => this.plan(claimed, seekers, subscriptions));
    await this.timed("load", () => this.emails.loadVacancies(plans.flatMap((p) => p.groups.flatMap((g) => g.vacancyIds))));
    return this.timed("compose", () => this.compose(claimedAt, plans));
  }

  /** Matches every claimed seeker's subscriptions against the window. */
  private plan(claimed: ClaimedDelivery[], seekers: DigestSeeker[], subscriptions: DueSubscription[]): SeekerPlan[] {
    const seekerById = new Map(seekers.map((s) => [s.id, s]));
    const subscriptionsOf = new Map<number, DueSubscription[]>();
    for (const s of subscriptions) {
      const list = subscriptionsOf.get(s.user_id) ?? [];
      list.push(s);
      subscriptionsOf.set(s.user_id, list);
    }
    return claimed.map((delivery) => {
      const seeker = seekerById.get(delivery.user_id);
      const groups: DigestGroupPlan[] = [];
      const covered: number[] = [];
      if (seeker) {
        for (const subscription of subscriptionsOf.get(delivery.user_id) ?? []) {
          // Made after this delivery's cutoff: its first window starts later.
          if (subscription.since >= delivery.cutoff_at) continue;
          covered.push(subscription.id);
          this.result.subscriptions++;
          const query = criteriaQuery(subscription.criteria);
          const match = this.matchOf(query, subscription.since, delivery.cutoff_at);
          if (match.total > 0) {
            const lookback = delivery.cutoff_at.getTime() - MAX_LOOKBACK_DAYS * DAY_MS;
            const seeAllSince = new Date(Math.max(subscription.since.getTime(), lookback));
            groups.push({ subscription, query, ...match, seeAllSince });
          }
        }
      }
      return { delivery, seeker, groups, covered };
    });
  }

  private matchOf(query: string, since: Date, cutoff: Date): Match {
    const key = `${since.getTime()}\u0000${cutoff.getTime()}\u0000${query}`;
    let match = this.matches.get(key);
    if (!match) this.matches.set(key, (match = this.matcher.match(query, since, cutoff, DIGEST_GROUP_SIZE)));
    return match;
  }

  /** The emails of a batch; a seeker with nothing new (or whose digests went off) gets none. */
  private compose(claimedAt: Date, plans: SeekerPlan[]): PreparedBatch {
    const outcomes = new Map<number, Outcome>();
    const emails: PreparedBatch["emails"] = [];
    for (const { delivery, seeker, groups, covered } of plans) {
      const vacancies = groups.reduce((sum, g) => sum + g.total, 0);
      if (!seeker || vacancies === 0) {
        // The subscriptions move on only when the seeker is still served.
        outcomes.set(delivery.id, { status: "EMPTY", vacancies: 0, emailId: null, subscriptions: seeker ? covered : [] });
        continue;
      }
      try {
        const email = this.emails.build(seeker, groups, delivery.attempts);
        emails.push({ deliveryId: delivery.id, vacancies, subscriptions: covered, email });
      } catch (error) {
        console.error(`Building the digest of user ${delivery.user_id} failed:`, error);
        outcomes.set(delivery.id, { status: "FAILED", vacancies, emailId: null, subscriptions: [] });
      }
    }
    return { claimedAt, outcomes, emails };
  }

  /**
   * Hands a batch's emails to the mailer, then records every outcome in one transaction. If the
   * mailer throws (the database is gone), the claims stay PENDING and a later run takes them over
   * after the lease; the idempotency keys keep what was already stored from going twice.
   */
  private async deliverBatch({ claimedAt, outcomes, emails }: PreparedBatch): Promise<void> {
    const sent = await this.timed("send", () => this.mailer.sendMany(emails.map((e) => e.email)));
    emails.forEach((e, i) => {
      const r = sent[i];
      outcomes.set(
        e.deliveryId,
        r?.delivered
          ? { status: "SENT", vacancies: e.vacancies, emailId: r.emailId || null, subscriptions: e.subscriptions }
          : { status: "FAILED", vacancies: e.vacancies, emailId: r?.emailId || null, subscriptions: [] },
      );
    });
    const recorded = await this.timed("record", () => recordOutcomes(this.db, claimedAt, outcomes, this.clock()));
    for (const row of recorded) {
      if (row.status === "SENT") this.result.sent++;
      else if (row.status === "EMPTY") this.result.empty++;
      else this.result.failed++;
    }
  }
}
