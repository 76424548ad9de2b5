import { Prisma } from "@/generated/prisma/client";
import type { DigestStatus } from "@/generated/prisma/enums";
import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { almatyDay } from "@/lib/almaty-time";
import { localName } from "@/lib/local-name";
import { parseResumeSearchParams } from "@/lib/resume-search/params";
import { absoluteUrl } from "@/lib/urls";
import { db as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import type { EmailToSend, Mailer } from "@/server/email/mailer";
import { renderEmail } from "@/server/email/render";
import { resumeSearchAlertTemplate } from "@/server/email/templates/resume-search-alert";
import { isDomainError } from "@/server/errors";

import { LEASE_MS, MAX_ATTEMPTS } from "../digest/digest-deliveries";
import { savedResumeSearchesPath, unsubscribeLinks } from "../digest/digest-links";
import { CUTOFF_MARGIN_MS, isMonday, MAX_LOOKBACK_DAYS } from "../digest/run-digest";
import { searchResumes } from "../resume-database/search-resumes";

// The saved resume searches' job, run by /api/cron/resume-search-alerts at 07:00 Asia/Almaty.
//
// For the Almaty day of `now`: every daily saved search, and on Mondays every weekly one too,
// whose emails are on, whose member still belongs to the organisation with a confirmed, unblocked
// account, and whose organisation still sees the resume database (verified, not blocked), gets
// the resumes updated since its last email that `searchResumes` finds for the organisation (so
// visibility, "all except" lists and moderation are the search's own), in an email of its own:
// the first RESUME_ALERT_CARDS cards, a link to the whole search and a one-click unsubscribe for
// that search alone. Nothing new, no email.
//
// Claims, cutoffs, lease take-overs, retries and idempotency keys work as the subscription
// digests' (see digest/run-digest.ts), per saved search instead of per seeker: a delivery row per
// saved search and Almaty day is claimed before sending, fixes the window (last sent, cutoff], and
// the search moves on to the cutoff only when the email has been handed over (or nothing matched).

/** Resume cards in one email; the search link has the rest. */
export const RESUME_ALERT_CARDS = 10;
const DEFAULT_BATCH_SIZE = 200;
const DAY_MS = 86_400_000;
const TEMPLATE = "resume-search-alert";

/** `rsearch:{savedSearchId}:{yyyy-mm-dd}`, and for a retry after a failure the attempt's number after it. */
export const resumeAlertIdempotencyKey = (savedSearchId: number, periodDate: string, attempt: number) =>
  `rsearch:${savedSearchId}:${periodDate}${attempt > 1 ? `:${attempt}` : ""}`;

export interface RunResumeSearchAlertsOptions {
  now?: Date;
  /** Saved searches claimed and sent together; default 200. */
  batchSize?: number;
  db?: Db;
  /** Default: the application's mailer (getMailer). */
  mailer?: Mailer;
  appUrl?: string;
}

export interface ResumeAlertRunResult {
  periodDate: string;
  weekly: boolean;
  /** Saved searches due and not served yet today, as this run found them. */
  due: number;
  claimed: number;
  sent: number;
  empty: number;
  failed: number;
  durationMs: number;
}

interface Claimed {
  id: number;
  saved_search_id: number;
  cutoff_at: Date;
  attempts: number;
}

interface DueSearch {
  id: number;
  organization_id: number;
  user_id: number;
  name: string;
  query: string;
  since: Date;
  email: string;
  user_name: string;
  locale: AppLocale;
}

interface Outcome {
  status: Exclude<DigestStatus, "PENDING">;
  resumes: number;
  emailId: number | null;
  /** Whether the saved search moves on to the delivery's cutoff. */
  advance: boolean;
}

export async function runResumeSearchAlerts(options: RunResumeSearchAlertsOptions = {}): Promise<ResumeAlertRunResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const db = options.db ?? defaultDb;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const appUrl = options.appUrl ?? getEnv().APP_URL;
  const mailer = options.mailer ?? getMailer();
  const periodDate = almatyDay(now);
  const weekly = isMonday(periodDate);
  const frequencies = weekly ? ["DAILY", "WEEKLY"] : ["DAILY"];
  const cutoff = new Date(now.getTime() - CUTOFF_MARGIN_MS);
  const leaseStart = new Date(now.getTime() - LEASE_MS);
  const result: ResumeAlertRunResult = { periodDate, weekly, due: 0, claimed: 0, sent: 0, empty: 0, failed: 0, durationMs: 0 };

  // Who is still served: the member's account, the membership and the organisation's access.
  const eligible = Prisma.sql`s.email_on AND s.frequency = ANY (${frequencies}::"SubscriptionFrequency"[])
    AND u.email_verified_at IS NOT NULL AND u.blocked_at IS NULL
    AND organization_sees_resume_database(o.verification, o.blocked_at)
    AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = s.user_id AND m.organization_id = s.organization_id)`;
  const from = Prisma.sql`saved_resume_searches s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = s.organization_id`;
  const retryable = Prisma.sql`(d.status = 'PENDING' AND d.claimed_at < ${leaseStart}) OR (d.status = 'FAILED' AND d.attempts < ${MAX_ATTEMPTS})`;

  let cursor = 0;
  for (;;) {
    const candidates = await db.$queryRaw<{ id: number }[]>`
      SELECT s.id FROM ${from}
      WHERE s.id > ${cursor} AND ${eligible}
        AND NOT EXISTS (SELECT 1 FROM saved_resume_search_deliveries d
                        WHERE d.saved_search_id = s.id AND d.period_date = ${periodDate}::date AND NOT (${retryable}))
      ORDER BY s.id
      LIMIT ${batchSize}`;
    if (candidates.length === 0) break;
    cursor = candidates[candidates.length - 1]!.id;
    result.due += candidates.length;

    const claimedAt = new Date(now.getTime() + Math.round(performance.now() - started));
    const claimed = await db.$queryRaw<Claimed[]>`
      INSERT INTO saved_resume_search_deliveries AS d (saved_search_id, period_date, cutoff_at, claimed_at)
      SELECT c.id, ${periodDate}::date, ${cutoff}, ${claimedAt} FROM unnest(${candidates.map((c) => c.id)}::integer[]) AS c(id)
      ON CONFLICT (saved_search_id, period_date) DO UPDATE
        SET claimed_at = excluded.claimed_at, status = 'PENDING', finished_at = NULL,
            attempts = CASE WHEN d.status = 'FAILED' THEN d.attempts + 1 ELSE d.attempts END
        WHERE ${retryable}
      RETURNING d.id, d.saved_search_id, d.cutoff_at, d.attempts`;
    result.claimed += claimed.length;
    if (claimed.length > 0) {
      const outcomes = await serveBatch(db, claimed, eligible, from, { now, periodDate, appUrl, mailer });
      const finishedAt = new Date(now.getTime() + Math.round(performance.now() - started));
      const recorded = await recordOutcomes(db, claimedAt, outcomes, finishedAt);
      for (const row of recorded) {
        if (row.status === "SENT") result.sent++;
        else if (row.status === "EMPTY") result.empty++;
        else if (row.status === "FAILED") result.failed++;
      }
    }
    if (candidates.length < batchSize) break;
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Searches what each claimed saved search found since its last email, and sends the emails. */
async function serveBatch(
  db: Db,
  claimed: Claimed[],
  eligible: Prisma.Sql,
  from: Prisma.Sql,
  context: { now: Date; periodDate: string; appUrl: string; mailer: Mailer },
): Promise<Map<number, Outcome>> {
  const rows = await db.$queryRaw<DueSearch[]>`
    SELECT s.id, s.organization_id, s.user_id, s.name, s.query, coalesce(s.last_sent_at, s.created_at) AS since,
           u.email, u.name AS user_name, u.locale::text AS locale
    FROM ${from}
    WHERE s.id = ANY (${claimed.map((c) => c.saved_search_id)}::integer[]) AND ${eligible}`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const outcomes = new Map<number, Outcome>();
  const emails: { deliveryId: number; resumes: number; email: EmailToSend }[] = [];

  for (const delivery of claimed) {
    const search = byId.get(delivery.saved_search_id);
    // No longer served (the member left, the organisation lost access) or made after the cutoff.
    if (!search || search.since >= delivery.cutoff_at) {
      outcomes.set(delivery.id, { status: "EMPTY", resumes: 0, emailId: null, advance: false });
      continue;
    }
    const after = new Date(Math.max(search.since.getTime(), delivery.cutoff_at.getTime() - MAX_LOOKBACK_DAYS * DAY_MS));
    try {
      const { params } = parseResumeSearchParams(new URLSearchParams(search.query));
      const found = await searchResumes(
        search.organization_id,
        { ...params, sort: "date", page: 1 },
        { db, now: context.now, updatedWithin: { after, until: delivery.cutoff_at } },
      );
      if (found.total === 0) {
        outcomes.set(delivery.id, { status: "EMPTY", resumes: 0, emailId: null, advance: true });
        continue;
      }
      const email = await buildEmail(search, found, delivery, context);
      emails.push({ deliveryId: delivery.id, resumes: found.total, email });
    } catch (error) {
      // Refused by the search itself (the organisation lost access meanwhile): nothing to send.
      if (isDomainError(error) && error.code === "FORBIDDEN") {
        outcomes.set(delivery.id, { status: "EMPTY", resumes: 0, emailId: null, advance: false });
        continue;
      }
      console.error(`The new resumes of saved search ${search.id} failed:`, error);
      outcomes.set(delivery.id, { status: "FAILED", resumes: 0, emailId: null, advance: false });
    }
  }

  const sent = await context.mailer.sendMany(emails.map((e) => e.email));
  emails.forEach((e, i) => {
    const answer = sent[i];
    const delivered = answer?.delivered ?? false;
    outcomes.set(e.deliveryId, {
      status: delivered ? "SENT" : "FAILED",
      resumes: e.resumes,
      emailId: answer?.emailId ?? null,
      advance: delivered,
    });
  });
  return outcomes;
}

async function buildEmail(
  search: DueSearch,
  found: Awaited<ReturnType<typeof searchResumes>>,
  delivery: Claimed,
  context: { now: Date; periodDate: string; appUrl: string },
): Promise<EmailToSend> {
  const { locale } = search;
  const base = `/employer/${search.organization_id}/resumes`;
  const links = unsubscribeLinks(context.appUrl, locale, search.id, context.now, "rsearch");
  const query = new URLSearchParams(search.query);
  query.set("sort", "date");
  const template = resumeSearchAlertTemplate({
    locale,
    name: search.user_name,
    searchName: search.name,
    total: found.total,
    cards: found.items.slice(0, RESUME_ALERT_CARDS).map((card) => ({
      title: card.title,
      city: card.city ? localName(card.city, locale) : null,
      desiredSalary: card.desiredSalary,
      experienceMonths: card.experienceMonths,
      url: absoluteUrl(context.appUrl, locale, `${base}/${card.publicId}`),
    })),
    searchUrl: `${absoluteUrl(context.appUrl, locale, base)}?${query.toString()}`,
    manageUrl: absoluteUrl(context.appUrl, locale, savedResumeSearchesPath(search.organization_id)),
    unsubscribeUrl: links.page,
  });
  const { html, text } = await renderEmail(template.element);
  return {
    to: search.email,
    subject: template.subject,
    html,
    text,
    template: TEMPLATE,
    locale,
    userId: search.user_id,
    headers: links.headers,
    idempotencyKey: resumeAlertIdempotencyKey(search.id, context.periodDate, delivery.attempts),
  };
}

/**
 * One transaction: the deliveries this run still holds get their outcome, and their saved
 * searches move on to the cutoff. A delivery taken over by another run after the lease is left to it.
 */
async function recordOutcomes(
  db: Db,
  claimedAt: Date,
  outcomes: ReadonlyMap<number, Outcome>,
  finishedAt: Date,
): Promise<{ id: number; status: DigestStatus }[]> {
  const ids = [...outcomes.keys()];
  const list = [...outcomes.values()];
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; status: DigestStatus }[]>`
      UPDATE saved_resume_search_deliveries d
      SET status = x.status::"DigestStatus", finished_at = ${finishedAt}, resume_count = x.resumes, email_id = x.email_id
      FROM unnest(${ids}::integer[], ${list.map((o) => o.status)}::text[], ${list.map((o) => o.resumes)}::integer[],
                  ${list.map((o) => o.emailId)}::integer[]) AS x(id, status, resumes, email_id)
      WHERE d.id = x.id AND d.status = 'PENDING' AND d.claimed_at = ${claimedAt}
      RETURNING d.id, d.status::text AS status`;
    const recorded = new Set(rows.map((r) => r.id));
    const advance = ids.filter((id) => recorded.has(id) && outcomes.get(id)!.advance);
    if (advance.length > 0) {
      await tx.$executeRaw`
        UPDATE saved_resume_searches s SET last_sent_at = d.cutoff_at
        FROM saved_resume_search_deliveries d
        WHERE d.id = ANY (${advance}::integer[]) AND s.id = d.saved_search_id
          AND coalesce(s.last_sent_at, s.created_at) < d.cutoff_at`;
    }
    return rows;
  });
}
