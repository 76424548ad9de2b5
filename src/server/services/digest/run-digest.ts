import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db-client";
import { db as defaultDb } from "@/server/db";
import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { getMailer } from "@/server/email/get-mailer";
import type { EmailToSend, Mailer } from "@/server/email/mailer";
import {
  createDigestComposer,
  digestSalary,
  type DigestComposer,
  type DigestEmailGroup,
  type DigestEmailVacancy,
} from "@/server/email/templates/subscription-digest";

import { getCatalog } from "../catalog/catalog";
import { almatyDay } from "@/lib/almaty-time";

import { seeAllUrl, subscriptionsUrl, unsubscribeLinks, vacancyUrl } from "./digest-links";
import { criteriaQuery, SubscriptionMatcher, type Match } from "./match-subscriptions";
import { has, loadVacancyWindow } from "./vacancy-window";

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
/** A PENDING claim older than this belongs to a run that is gone. */
export const LEASE_MS = 15 * 60_000;
/** Sending attempts per seeker and day. */
export const MAX_ATTEMPTS = 3;
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
const TEMPLATE = "subscription-digest";

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

interface ClaimedDelivery {
  id: number;
  user_id: number;
  cutoff_at: Date;
  attempts: number;
}

interface DueSubscription {
  id: number;
  user_id: number;
  name: string;
  criteria: unknown;
  since: Date;
}

interface Seeker {
  id: number;
  email: string;
  name: string;
  locale: AppLocale;
}

interface VacancyInfo {
  id: number;
  slug: string;
  title: string;
  salary_from: number | null;
  salary_to: number | null;
  salary_gross: boolean;
  anonymous: boolean;
  city_ru: string;
  city_kk: string;
  company: string;
}

interface PreparedBatch {
  claimedAt: Date;
  outcomes: Map<number, Outcome>;
  emails: { deliveryId: number; email: EmailToSend; vacancies: number; subscriptions: number[] }[];
}

type Outcome = { status: "SENT" | "EMPTY" | "FAILED"; vacancies: number; emailId: number | null; subscriptions: number[] };

/** `digest:{userId}:{yyyy-mm-dd}`, and for a retry after a failure the attempt's number after it. */
export const digestIdempotencyKey = (userId: number, periodDate: string, attempt: number) =>
  `digest:${userId}:${periodDate}${attempt > 1 ? `:${attempt}` : ""}`;

export const isMonday = (periodDate: string) => new Date(`${periodDate}T00:00:00Z`).getUTCDay() === 1;

export async function runDigest(options: RunDigestOptions = {}): Promise<DigestRunResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  // Timestamps written by this run follow `now`, so that a run for another moment (tests, replays)
  // stays consistent with itself.
  const clock = () => new Date(now.getTime() + Math.round(performance.now() - started));
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const db = options.db ?? defaultDb;
  const appUrl = options.appUrl ?? getEnv().APP_URL;
  const mailer = options.mailer ?? getMailer();

  const periodDate = almatyDay(now);
  const weekly = isMonday(periodDate);
  const frequencies = weekly ? ["DAILY", "WEEKLY"] : ["DAILY"];
  const leaseStart = new Date(now.getTime() - LEASE_MS);
  const cutoff = new Date(now.getTime() - CUTOFF_MARGIN_MS);
  const result: DigestRunResult = {
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
  const timed = async <T>(step: string, work: () => Promise<T> | T): Promise<T> => {
    const at = performance.now();
    try {
      return await work();
    } finally {
      result.timings[step] = Math.round((result.timings[step] ?? 0) + performance.now() - at);
    }
  };

  const dueSubscription = Prisma.sql`s.paused_at IS NULL AND s.frequency = ANY (${frequencies}::"SubscriptionFrequency"[])`;
  const eligible = Prisma.sql`u.notify_digests AND u.email_verified_at IS NOT NULL AND u.blocked_at IS NULL`;
  // Seekers still to be served today: no delivery yet, or one that may be taken over.
  const openAfter = (cursor: number) => Prisma.sql`NOT EXISTS (
    SELECT 1 FROM digest_deliveries d
    WHERE d.user_id = u.id AND d.user_id > ${cursor} AND d.period_date = ${periodDate}::date
      AND NOT ((d.status = 'PENDING' AND d.claimed_at < ${leaseStart}) OR (d.status = 'FAILED' AND d.attempts < ${MAX_ATTEMPTS})))`;
  const open = openAfter(0);

  // The window: from the earliest start among the open seekers' due subscriptions to now.
  const scope = await timed(
    "window",
    () => db.$queryRaw<{ since: Date | null }[]>`
      SELECT min(coalesce(s.last_digest_at, s.created_at)) AS since
      FROM subscriptions s JOIN users u ON u.id = s.user_id
      WHERE ${dueSubscription} AND ${eligible} AND ${open}`,
  );
  const earliest = scope[0]?.since;
  if (!earliest) return finish();
  const windowStart = new Date(Math.max(earliest.getTime(), now.getTime() - MAX_LOOKBACK_DAYS * DAY_MS));
  const windowEnd = cutoff;

  const [vacancyWindow, catalog, criteria] = await timed("window", () =>
    Promise.all([
      loadVacancyWindow(db, windowStart, windowEnd, now),
      getCatalog(options.db),
      db.$queryRaw<{ criteria: unknown; since: Date }[]>`
        SELECT s.criteria, min(coalesce(s.last_digest_at, s.created_at)) AS since
        FROM subscriptions s JOIN users u ON u.id = s.user_id
        WHERE ${dueSubscription} AND ${eligible} AND ${open}
        GROUP BY s.criteria`,
    ]),
  );
  result.windowVacancies = vacancyWindow.size;
  const matcher = new SubscriptionMatcher(
    db,
    vacancyWindow,
    catalog,
    { start: windowStart, end: windowEnd, now },
    options.databaseUrl ?? getEnv().DATABASE_URL,
  );
  await timed("words", () =>
    matcher.prepare(
      criteria.map((row) => ({ query: criteriaQuery(row.criteria), since: row.since })),
      { bulk: true },
    ),
  );

  const composers: Record<AppLocale, DigestComposer> = {
    ru: await createDigestComposer("ru"),
    kk: await createDigestComposer("kk"),
  };
  const composerFor = (locale: AppLocale) => composers[locale];
  const vacancyInfo = new Map<number, VacancyInfo | null>();
  const emailVacancies: Record<AppLocale, Map<number, DigestEmailVacancy>> = { ru: new Map(), kk: new Map() };
  // Subscriptions with the same criteria and window (common: most were last sent by yesterday's
  // run) have the same matches.
  const matches = new Map<string, Match>();
  const matchOf = (query: string, since: Date, cutoff: Date) => {
    const key = `${since.getTime()}\u0000${cutoff.getTime()}\u0000${query}`;
    let match = matches.get(key);
    if (!match) matches.set(key, (match = matcher.match(query, since, cutoff, DIGEST_GROUP_SIZE)));
    return match;
  };
  const searchLinks = new Map<string, string>();
  const searchLink = (locale: AppLocale, query: string, since: Date) => {
    const key = `${locale}\u0000${since.getTime()}\u0000${query}`;
    let url = searchLinks.get(key);
    if (url === undefined) searchLinks.set(key, (url = seeAllUrl(appUrl, locale, query, since)));
    return url;
  };

  // One batch is with the mailer while the next one is claimed, matched and built: the mailer
  // waits mostly on the database, the building on this process.
  let delivering: Promise<{ error: unknown } | null> | null = null;
  const delivered = async () => {
    const failure = await delivering;
    delivering = null;
    if (failure) throw failure.error;
  };
  try {
    await claimAll();
    await delivered();
  } finally {
    // A batch still with the mailer is finished (or fails) before the run ends either way.
    await delivering;
  }
  for (const [step, ms] of Object.entries(matcher.timings)) result.timings[`words.${step}`] = ms;
  return finish();

  // The candidates of a batch: the next seekers by id. The repeated `> cursor` bounds let the
  // planner start every index scan at the cursor instead of at the first seeker.
  async function claimAll(): Promise<void> {
    let cursor = 0;
    for (;;) {
      const candidates = await timed(
        "claim",
        () => db.$queryRaw<{ id: number }[]>`
        SELECT u.id FROM users u
        WHERE u.id > ${cursor} AND ${eligible} AND ${openAfter(cursor)}
          AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = u.id AND s.user_id > ${cursor} AND ${dueSubscription})
        ORDER BY u.id
        LIMIT ${batchSize}`,
      );
      if (candidates.length === 0) return;
      cursor = candidates[candidates.length - 1]!.id;
      result.seekers += candidates.length;
      const batch = await prepareBatch(candidates.map((c) => c.id));
      await delivered();
      if (batch)
        delivering = deliverBatch(batch).then(
          () => null,
          (error: unknown) => ({ error }),
        );
      if (candidates.length < batchSize) return;
    }
  }

  function finish(): DigestRunResult {
    result.durationMs = Math.round(performance.now() - started);
    return result;
  }

  /** Claims these seekers' digests of the day, matches their subscriptions and builds their emails. */
  async function prepareBatch(userIds: number[]): Promise<PreparedBatch | null> {
    const claimedAt = clock();
    const claimed = await timed(
      "claim",
      () => db.$queryRaw<ClaimedDelivery[]>`
      INSERT INTO digest_deliveries AS d (user_id, period_date, cutoff_at, claimed_at)
      SELECT c.id, ${periodDate}::date, ${cutoff}, ${claimedAt} FROM unnest(${userIds}::integer[]) AS c(id)
      ON CONFLICT (user_id, period_date) DO UPDATE
        SET claimed_at = excluded.claimed_at, status = 'PENDING', finished_at = NULL,
            attempts = CASE WHEN d.status = 'FAILED' THEN d.attempts + 1 ELSE d.attempts END
        WHERE (d.status = 'PENDING' AND d.claimed_at < ${leaseStart}) OR (d.status = 'FAILED' AND d.attempts < ${MAX_ATTEMPTS})
      RETURNING d.id, d.user_id, d.cutoff_at, d.attempts`,
    );
    if (claimed.length === 0) return null;
    result.claimed += claimed.length;
    const ids = claimed.map((c) => c.user_id);

    const [seekers, subscriptions] = await timed("load", () =>
      Promise.all([
        db.$queryRaw<Seeker[]>`
        SELECT u.id, u.email, u.name, u.locale::text AS locale FROM users u WHERE u.id = ANY (${ids}::integer[]) AND ${eligible}`,
        db.$queryRaw<DueSubscription[]>`
        SELECT s.id, s.user_id, s.name, s.criteria, coalesce(s.last_digest_at, s.created_at) AS since
        FROM subscriptions s
        WHERE s.user_id = ANY (${ids}::integer[]) AND ${dueSubscription}
        ORDER BY s.user_id, s.created_at, s.id`,
      ]),
    );
    const seekerById = new Map(seekers.map((s) => [s.id, s]));
    const subscriptionsOf = new Map<number, DueSubscription[]>();
    for (const s of subscriptions) {
      const list = subscriptionsOf.get(s.user_id) ?? [];
      list.push(s);
      subscriptionsOf.set(s.user_id, list);
    }
    // Criteria edited or added since the run started (or reaching further back) are matched now.
    await timed("words", () => matcher.prepare(subscriptions.map((s) => ({ query: criteriaQuery(s.criteria), since: s.since }))));

    // Match every seeker's subscriptions, then read the few vacancies the emails will show.
    const matchStarted = performance.now();
    const plans = claimed.map((delivery) => {
      const seeker = seekerById.get(delivery.user_id);
      const groups: { subscription: DueSubscription; query: string; total: number; vacancyIds: number[] }[] = [];
      const covered: number[] = [];
      if (seeker) {
        for (const subscription of subscriptionsOf.get(delivery.user_id) ?? []) {
          // Made after this delivery's cutoff: its first window starts later.
          if (subscription.since >= delivery.cutoff_at) continue;
          covered.push(subscription.id);
          result.subscriptions++;
          const query = criteriaQuery(subscription.criteria);
          const match = matchOf(query, subscription.since, delivery.cutoff_at);
          if (match.total > 0) groups.push({ subscription, query, ...match });
        }
      }
      return { delivery, seeker, groups, covered };
    });
    result.timings.match = Math.round((result.timings.match ?? 0) + performance.now() - matchStarted);
    await timed("load", () => loadVacancies(plans.flatMap((p) => p.groups.flatMap((g) => g.vacancyIds))));

    const composeStarted = performance.now();
    const outcomes = new Map<number, Outcome>();
    const emails: { deliveryId: number; email: EmailToSend; vacancies: number; subscriptions: number[] }[] = [];
    for (const { delivery, seeker, groups, covered } of plans) {
      const vacancies = groups.reduce((sum, g) => sum + g.total, 0);
      if (!seeker || vacancies === 0) {
        // Nothing new (or digests switched off since the claim): no email. The subscriptions
        // move on only when the seeker is still served.
        outcomes.set(delivery.id, { status: "EMPTY", vacancies: 0, emailId: null, subscriptions: seeker ? covered : [] });
        continue;
      }
      try {
        const emailGroups: DigestEmailGroup[] = groups.map((g) => ({
          name: g.subscription.name,
          total: g.total,
          seeAllUrl: searchLink(
            seeker.locale,
            g.query,
            new Date(Math.max(g.subscription.since.getTime(), delivery.cutoff_at.getTime() - MAX_LOOKBACK_DAYS * DAY_MS)),
          ),
          vacancies: g.vacancyIds.flatMap((id) => emailVacancy(id, seeker.locale) ?? []),
        }));
        const links = unsubscribeLinks(appUrl, seeker.locale, seeker.id, now);
        const composed = composerFor(seeker.locale).compose({
          name: seeker.name,
          groups: emailGroups,
          manageUrl: subscriptionsUrl(appUrl, seeker.locale),
          unsubscribeUrl: links.page,
        });
        emails.push({
          deliveryId: delivery.id,
          vacancies,
          subscriptions: covered,
          email: {
            to: seeker.email,
            subject: composed.subject,
            html: composed.html,
            text: composed.text,
            template: TEMPLATE,
            locale: seeker.locale,
            userId: seeker.id,
            headers: links.headers,
            idempotencyKey: digestIdempotencyKey(seeker.id, periodDate, delivery.attempts),
          },
        });
      } catch (error) {
        console.error(`Building the digest of user ${delivery.user_id} failed:`, error);
        outcomes.set(delivery.id, { status: "FAILED", vacancies, emailId: null, subscriptions: [] });
      }
    }

    result.timings.compose = Math.round((result.timings.compose ?? 0) + performance.now() - composeStarted);
    return { claimedAt, outcomes, emails };
  }

  /** Hands a batch's emails to the mailer, then records every outcome in one transaction. */
  async function deliverBatch({ claimedAt, outcomes, emails }: PreparedBatch): Promise<void> {
    // If the mailer throws (the database is gone), the claims stay PENDING and a later run takes
    // them over after the lease; the idempotency keys keep what was already stored from going twice.
    const sent = await timed("send", () => mailer.sendMany(emails.map((e) => e.email)));
    emails.forEach((e, i) => {
      const r = sent[i];
      outcomes.set(
        e.deliveryId,
        r?.delivered
          ? { status: "SENT", vacancies: e.vacancies, emailId: r.emailId || null, subscriptions: e.subscriptions }
          : { status: "FAILED", vacancies: e.vacancies, emailId: r?.emailId || null, subscriptions: [] },
      );
    });
    await timed("record", () => recordOutcomes(claimedAt, outcomes));
  }

  /** One transaction: the deliveries this run still holds get their outcome, their subscriptions move on. */
  async function recordOutcomes(claimedAt: Date, outcomes: Map<number, Outcome>): Promise<void> {
    const ids = [...outcomes.keys()];
    const list = [...outcomes.values()];
    const advance = [...outcomes].flatMap(([deliveryId, o]) => o.subscriptions.map((s) => [s, deliveryId] as const));
    const finishedAt = clock();
    const recorded = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: number; status: Outcome["status"] }[]>`
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
    // A delivery missing here was taken over by another run after the lease: that run reports it.
    for (const row of recorded) {
      if (row.status === "SENT") result.sent++;
      else if (row.status === "EMPTY") result.empty++;
      else result.failed++;
    }
  }

  async function loadVacancies(ids: number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !vacancyInfo.has(id));
    if (missing.length === 0) return;
    const rows = await db.$queryRaw<VacancyInfo[]>`
      SELECT v.id, v.slug, v.title, v.salary_from, v.salary_to, v.salary_gross, v.publication_type = 'ANONYMOUS' AS anonymous,
             c.name_ru AS city_ru, c.name_kk AS city_kk, o.display_name AS company
      FROM vacancies v JOIN cities c ON c.id = v.city_id JOIN organizations o ON o.id = v.organization_id
      WHERE v.id = ANY (${missing}::integer[])`;
    for (const id of missing) vacancyInfo.set(id, null);
    for (const row of rows) vacancyInfo.set(row.id, row);
  }

  /** A vacancy as the emails of one language show it; null when it has disappeared meanwhile. */
  function emailVacancy(id: number, locale: AppLocale): DigestEmailVacancy | null {
    const known = emailVacancies[locale].get(id);
    if (known) return known;
    const v = vacancyInfo.get(id);
    if (!v) return null;
    const city = locale === "kk" ? v.city_kk : v.city_ru;
    const row = vacancyWindow.rowOf(id);
    const built: DigestEmailVacancy = {
      id,
      title: v.title,
      url: vacancyUrl(appUrl, locale, id, v.slug),
      meta: v.anonymous ? city : `${v.company} · ${city}`,
      salary: digestSalary(locale, v.salary_from, v.salary_to, v.salary_gross),
      premium: row !== undefined && has(vacancyWindow.premium, row),
    };
    emailVacancies[locale].set(id, built);
    return built;
  }
}
