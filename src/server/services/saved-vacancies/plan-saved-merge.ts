import { SAVED_VACANCIES_LIMIT } from "@/lib/saved-vacancies";

export interface SavedEntry {
  vacancyId: number;
  savedAt: Date;
}

export interface SavedMergePlan {
  /** Vacancies new to the account. */
  create: SavedEntry[];
  /** Vacancies the account had, saved again later in the browser: their date moves forward. */
  refresh: SavedEntry[];
  /** Vacancies the account had that no longer fit under the limit. */
  drop: number[];
  /** How many saves (from either side) were left out because of the limit. */
  overLimit: number;
  /** The size of the list afterwards. */
  total: number;
}

const newestFirst = (a: SavedEntry, b: SavedEntry) => b.savedAt.getTime() - a.savedAt.getTime() || b.vacancyId - a.vacancyId;

/**
 * Folds a browser's saves into an account's. A vacancy saved on both sides keeps its latest
 * date (as saving it again would), and past `limit` only the newest saves stay, whichever side
 * they came from: the same rule the browser list follows.
 */
export function planSavedMerge(
  existing: readonly SavedEntry[],
  incoming: readonly SavedEntry[],
  limit = SAVED_VACANCIES_LIMIT,
): SavedMergePlan {
  const had = new Map(existing.map((e) => [e.vacancyId, e.savedAt]));
  const merged = new Map<number, SavedEntry>(existing.map((e) => [e.vacancyId, e]));
  for (const entry of incoming) {
    const seen = merged.get(entry.vacancyId);
    if (!seen || seen.savedAt < entry.savedAt) merged.set(entry.vacancyId, entry);
  }
  const ordered = [...merged.values()].sort(newestFirst);
  const kept = ordered.slice(0, limit);
  const left = ordered.slice(limit);

  const create: SavedEntry[] = [];
  const refresh: SavedEntry[] = [];
  for (const entry of kept) {
    const before = had.get(entry.vacancyId);
    if (before === undefined) create.push(entry);
    else if (before < entry.savedAt) refresh.push(entry);
  }
  return {
    create,
    refresh,
    drop: left.filter((e) => had.has(e.vacancyId)).map((e) => e.vacancyId),
    overLimit: left.length,
    total: kept.length,
  };
}

const EPOCH = new Date(0);

/**
 * When a browser says it saved something: an unreadable date counts as the oldest save, and a
 * date from a clock running ahead counts as now (it must not stay on top of the list for ever).
 */
export function browserSavedAt(value: string, now: Date): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || date < EPOCH) return EPOCH;
  return date > now ? now : date;
}
