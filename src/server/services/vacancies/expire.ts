import type { OrgType } from "@/generated/prisma/enums";
import { auditMany, SYSTEM_ACTOR } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { refreshVacancySearch } from "@/server/services/search/search-index";

import type { revalidateVacancyPages } from "./vacancy-cache";

/** What revalidateVacancyPages needs to know about a vacancy. */
export type VacancyPages = Parameters<typeof revalidateVacancyPages>[0];

export type ExpireOptions = {
  /** Vacancies changed per transaction; default 1000. */
  batchSize?: number;
  /**
   * Called after each batch has committed, once per archived vacancy, to drop its cached pages.
   * The cron route passes revalidateVacancyPages. It is an option rather than a direct call
   * because next/cache's revalidatePath works only inside a Next request (it throws an
   * "Invariant: static generation store missing" error anywhere else): scripts and tests run the
   * job without a page cache to clear, and catching that error by its message would tie the job
   * to the wording of a framework internal. Without it no pages are revalidated.
   */
  revalidate?: (vacancy: VacancyPages) => void;
};

export type ExpireResult = {
  /** Published vacancies past their expiry date, now ARCHIVED. */
  archived: number;
  /** Published vacancies whose premium highlight ended and whose search row no longer carries it. */
  premiumEnded: number;
};

const DEFAULT_BATCH_SIZE = 1000;
// A batch refreshes up to batchSize search rows; the default 5 s of an interactive transaction is
// too tight for a large backlog on a busy server.
const TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * The lifecycle job behind /api/cron/vacancies:
 * - archives every PUBLISHED vacancy whose expires_at has passed (status ARCHIVED, archived_at =
 *   now), takes it out of search and writes one "vacancy.expire" audit row for it;
 * - ends the premium highlight of published vacancies whose premium_until has passed: their search
 *   rows still carry premium_until (it is kept only while the highlight lasts) until refreshed.
 *
 * Work is done in batches of `batchSize`, one transaction each. Every batch locks the rows it takes
 * with FOR UPDATE SKIP LOCKED and re-checks the conditions, so two runs at the same time split the
 * work instead of doing it twice or waiting on each other, and a run after a finished one finds
 * nothing to do. A vacancy locked by someone else (an employer editing it) is left for the next run.
 */
export async function expireVacancies(now: Date = new Date(), options: ExpireOptions = {}): Promise<ExpireResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");

  let archived = 0;
  for (;;) {
    const batch = await db.$transaction((tx) => archiveBatch(tx, now, batchSize, Boolean(options.revalidate)), TRANSACTION);
    archived += batch.ids.length;
    if (options.revalidate) {
      for (const vacancy of batch.pages) {
        try {
          options.revalidate(vacancy);
        } catch (error) {
          // The archive is committed; a stale cached list corrects itself when it expires.
          console.error(`Revalidating the pages of expired vacancy ${vacancy.id} failed:`, error);
        }
      }
    }
    if (batch.ids.length < batchSize) break;
  }

  let premiumEnded = 0;
  // Search rows are rebuilt with the database's clock, so a vacancy can keep its highlight when
  // `now` runs ahead of it; the id cursor still visits each vacancy once per run.
  let afterId = 0;
  for (;;) {
    const batch = await db.$transaction((tx) => endPremiumBatch(tx, now, batchSize, afterId), TRANSACTION);
    premiumEnded += batch.ended;
    if (batch.lastId === null || batch.taken < batchSize) break;
    afterId = batch.lastId;
  }

  return { archived, premiumEnded };
}

async function archiveBatch(
  tx: DbTx,
  now: Date,
  batchSize: number,
  loadPages: boolean,
): Promise<{ ids: number[]; pages: VacancyPages[] }> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    WITH due AS (
      SELECT id FROM vacancies
      WHERE status = 'PUBLISHED' AND expires_at <= ${now}
      ORDER BY id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE vacancies v
    SET status = 'ARCHIVED', archived_at = ${now}, updated_at = ${now}
    FROM due
    WHERE v.id = due.id AND v.status = 'PUBLISHED'
    RETURNING v.id`;
  const ids = rows.map((row) => row.id).sort((a, b) => a - b);
  if (ids.length === 0) return { ids, pages: [] };

  await refreshVacancySearch(tx, ids);
  await auditMany(
    tx,
    SYSTEM_ACTOR,
    "vacancy.expire",
    ids.map((id) => ({ type: "vacancy", id })),
  );
  return { ids, pages: loadPages ? await pagesOf(tx, ids) : [] };
}

async function endPremiumBatch(
  tx: DbTx,
  now: Date,
  batchSize: number,
  afterId: number,
): Promise<{ taken: number; ended: number; lastId: number | null }> {
  // Locking the search row too makes a concurrent run skip a row this one is rebuilding, and skip
  // it as deleted once this one has committed.
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT v.id
    FROM vacancies v
    JOIN vacancy_search vs ON vs.vacancy_id = v.id
    WHERE v.status = 'PUBLISHED'
      AND v.premium_until <= ${now}
      AND vs.premium_until IS NOT NULL
      AND v.id > ${afterId}
    ORDER BY v.id
    LIMIT ${batchSize}
    FOR UPDATE OF v, vs SKIP LOCKED`;
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return { taken: 0, ended: 0, lastId: null };

  await refreshVacancySearch(tx, ids);
  const still = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::integer AS n FROM vacancy_search WHERE vacancy_id = ANY (${ids}::integer[]) AND premium_until IS NOT NULL`;
  return { taken: ids.length, ended: ids.length - (still[0]?.n ?? 0), lastId: ids[ids.length - 1] ?? null };
}

async function pagesOf(tx: DbTx, ids: number[]): Promise<VacancyPages[]> {
  // One query: a nested Prisma select would send several at once over the transaction's connection.
  const rows = await tx.$queryRaw<
    {
      id: number;
      slug: string;
      anonymous: boolean;
      city_slug: string;
      org_id: number;
      org_slug: string;
      org_type: OrgType;
      specs: string[];
    }[]
  >`
    SELECT v.id, v.slug, v.publication_type = 'ANONYMOUS' AS anonymous, c.slug AS city_slug,
      o.id AS org_id, o.slug AS org_slug, o.type AS org_type,
      coalesce(array_agg(s.slug ORDER BY s.slug) FILTER (WHERE s.slug IS NOT NULL), '{}') AS specs
    FROM vacancies v
    JOIN cities c ON c.id = v.city_id
    JOIN organizations o ON o.id = v.organization_id
    LEFT JOIN vacancy_specializations vs ON vs.vacancy_id = v.id
    LEFT JOIN specializations s ON s.id = vs.specialization_id
    WHERE v.id = ANY (${ids}::integer[])
    GROUP BY v.id, c.slug, o.id
    ORDER BY v.id`;
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    citySlug: row.city_slug,
    specializationSlugs: row.specs,
    // An anonymous vacancy is not listed on its company's page.
    company: row.anonymous ? null : { id: row.org_id, slug: row.org_slug, type: row.org_type },
  }));
}
