import { isbot } from "isbot";

import { almatyDay } from "@/lib/almaty-time";
import { db } from "@/server/db";

/**
 * Views of public vacancy pages, counted per vacancy and calendar day in Asia/Almaty.
 *
 * The proxy calls recordVacancyView on every page request that passed the vacancy gate; the count
 * goes into an in-process buffer and reaches the database at most every FLUSH_INTERVAL_MS, as one
 * set-based upsert for everything buffered, so a busy vacancy costs one row write per flush rather
 * than one per view. Only the number is kept: no IP address, cookie, session or user id is read
 * or stored. Requests from bots (by user agent, with the isbot list) and requests without a user
 * agent are not counted.
 *
 * When a flush fails (the database is unreachable), the counts it carried are dropped, not put
 * back: views are an approximate statistic, and retrying would let the buffer grow without bound
 * during an outage and repeat the failing write every few seconds. The first failure of an outage
 * is logged with its error; the next ones only add to a tally of dropped views, logged once when a
 * flush succeeds again. Nothing here ever throws into a request.
 */

const FLUSH_INTERVAL_MS = 5_000;
/** Distinct vacancy-days in the buffer that trigger a flush before the timer does. */
const MAX_PENDING_KEYS = 10_000;
const MAX_INT4 = 2_147_483_647;

interface CounterState {
  /** `${vacancyId}:${YYYY-MM-DD}` → views not yet written. */
  pending: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
  inFlight: Set<Promise<void>>;
  /** Views lost to failed flushes since the last successful one. */
  dropped: number;
}

// The proxy and the server's routes may be separate bundles of one process (and dev reloads
// modules): one buffer per process, kept on globalThis like the database client.
const globalForViews = globalThis as unknown as { jumysVacancyViews?: CounterState };
const state: CounterState = (globalForViews.jumysVacancyViews ??= {
  pending: new Map(),
  timer: null,
  inFlight: new Set(),
  dropped: 0,
});

/**
 * Counts one view of a vacancy's public page, unless the user agent is missing or a bot's.
 * Returns whether the view was counted. Synchronous and never throws: the write happens later.
 */
export function recordVacancyView(vacancyId: number, userAgent: string | null | undefined, now: Date = new Date()): boolean {
  try {
    if (!Number.isSafeInteger(vacancyId) || vacancyId <= 0 || vacancyId > MAX_INT4) return false;
    if (!userAgent?.trim() || isbot(userAgent)) return false;
    if (Number.isNaN(now.getTime())) return false;
    const key = `${vacancyId}:${almatyDay(now)}`;
    state.pending.set(key, (state.pending.get(key) ?? 0) + 1);
    if (state.pending.size >= MAX_PENDING_KEYS) void flushVacancyViews();
    else scheduleFlush();
    return true;
  } catch (error) {
    console.error("Counting a vacancy view failed:", error);
    return false;
  }
}

function scheduleFlush() {
  if (state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    void flushVacancyViews();
  }, FLUSH_INTERVAL_MS);
  // A pending flush never keeps the process alive; a shutdown calls flushVacancyViews itself.
  state.timer.unref?.();
}

/**
 * Writes every buffered view now and waits for it, and for any flush already under way. Resolves
 * once the counts are in the database or have been dropped after a logged failure; never rejects.
 * For tests and for an orderly shutdown.
 */
export async function flushVacancyViews(): Promise<void> {
  if (state.timer) {
    clearTimeout(state.timer);
    state.timer = null;
  }
  if (state.pending.size > 0) {
    const batch = state.pending;
    state.pending = new Map();
    const write = writeBatch(batch).finally(() => state.inFlight.delete(write));
    state.inFlight.add(write);
  }
  await Promise.all([...state.inFlight]);
}

async function writeBatch(batch: Map<string, number>): Promise<void> {
  const rows = [...batch].map(([key, views]) => {
    const [id, day] = key.split(":") as [string, string];
    return { vacancyId: Number(id), day, views };
  });
  // A fixed order makes concurrent flushes (several server processes) lock rows in the same order.
  rows.sort((a, b) => a.vacancyId - b.vacancyId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const total = rows.reduce((sum, row) => sum + row.views, 0);
  try {
    // One statement for the whole batch. Vacancies deleted since their views were counted are
    // skipped by the join; FOR KEY SHARE holds the rows that remain until the insert is done, so a
    // vacancy deleted at the same moment cannot fail the statement on its foreign key.
    await db.$executeRaw`
      INSERT INTO vacancy_daily_views (vacancy_id, day, views)
      SELECT b.vacancy_id, b.day, b.views
      FROM unnest(
        ${rows.map((r) => r.vacancyId)}::integer[],
        ${rows.map((r) => r.day)}::date[],
        ${rows.map((r) => r.views)}::integer[]
      ) AS b(vacancy_id, day, views)
      JOIN vacancies v ON v.id = b.vacancy_id
      ORDER BY b.vacancy_id, b.day
      FOR KEY SHARE OF v
      ON CONFLICT (vacancy_id, day) DO UPDATE SET views = vacancy_daily_views.views + excluded.views`;
    if (state.dropped > 0) {
      console.error(`Vacancy views are written again; ${state.dropped} view(s) were dropped while writing failed.`);
      state.dropped = 0;
    }
  } catch (error) {
    if (state.dropped === 0) console.error(`Writing ${total} vacancy view(s) failed; they are dropped:`, error);
    state.dropped += total;
  }
}
