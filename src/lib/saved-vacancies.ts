// Vacancies a guest saved, kept in this browser's localStorage. Signed-in seekers get their list
// from the server; once a seeker is recognised this list is read with `all()`, merged there, and
// the entries sent are `remove()`d (see components/vacancy/use-saved-vacancies.ts).

export const SAVED_VACANCIES_KEY = "jumys.savedVacancies";
export const SAVED_VACANCIES_LIMIT = 200;

export interface SavedVacancy {
  id: number;
  /** ISO 8601, UTC. */
  savedAt: string;
}

type SavedList = readonly SavedVacancy[];

const EMPTY: SavedList = Object.freeze([]);
const EPOCH = new Date(0).toISOString();

const isVacancyId = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;

function normalizeDate(value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number") return EPOCH;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? EPOCH : date.toISOString();
}

/** Newest first, one entry per vacancy (its latest save), at most the limit. */
function normalize(entries: readonly SavedVacancy[]): SavedList {
  const newest = new Map<number, SavedVacancy>();
  for (const entry of entries) {
    const seen = newest.get(entry.id);
    if (!seen || seen.savedAt < entry.savedAt) newest.set(entry.id, entry);
  }
  const list = [...newest.values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return list.slice(0, SAVED_VACANCIES_LIMIT);
}

/**
 * Reads the stored value. Anything unreadable (not JSON, not an array, entries without a valid
 * id) is skipped rather than thrown: a broken entry must not break the pages that show the list.
 */
export function parseSavedVacancies(raw: string | null | undefined): SavedList {
  if (!raw) return EMPTY;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY;
  }
  if (!Array.isArray(data)) return EMPTY;
  const entries: SavedVacancy[] = [];
  for (const item of data) {
    if (isVacancyId(item)) {
      entries.push({ id: item, savedAt: EPOCH });
    } else if (item && typeof item === "object" && isVacancyId((item as { id?: unknown }).id)) {
      const { id, savedAt } = item as { id: number; savedAt?: unknown };
      entries.push({ id, savedAt: normalizeDate(savedAt) });
    }
  }
  return entries.length ? normalize(entries) : EMPTY;
}

export const serializeSavedVacancies = (list: SavedList): string =>
  JSON.stringify(list.map(({ id, savedAt }) => ({ id, savedAt })));

export const isVacancySaved = (list: SavedList, id: number): boolean => list.some((entry) => entry.id === id);

/** Puts the vacancy first (saving again refreshes its date); the oldest fall off past the limit. */
export function addSavedVacancy(list: SavedList, id: number, now: Date = new Date()): SavedList {
  if (!isVacancyId(id)) return list;
  const entry = { id, savedAt: now.toISOString() };
  return [entry, ...list.filter((e) => e.id !== id)].slice(0, SAVED_VACANCIES_LIMIT);
}

export function removeSavedVacancies(list: SavedList, ids: Iterable<number>): SavedList {
  const drop = new Set(ids);
  const kept = list.filter((entry) => !drop.has(entry.id));
  return kept.length === list.length ? list : kept;
}

export function toggleSavedVacancy(list: SavedList, id: number, now: Date = new Date()): SavedList {
  return isVacancySaved(list, id) ? removeSavedVacancies(list, [id]) : addSavedVacancy(list, id, now);
}

export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface SavedVacanciesStore {
  /** The current list, newest first; the same array as long as nothing changed (a snapshot). */
  all(): SavedList;
  /** Returns whether the vacancy is saved afterwards. */
  toggle(id: number): boolean;
  add(id: number): void;
  remove(ids: Iterable<number>): void;
  clear(): void;
  /** Called after every change, in this tab or another one. */
  subscribe(listener: () => void): () => void;
}

interface StoreEnvironment {
  storage: () => StorageLike | null;
  /** Where "storage" events from other tabs arrive (the window); absent outside a browser. */
  events?: () => Pick<Window, "addEventListener" | "removeEventListener"> | null;
  now?: () => Date;
}

/**
 * A store over one storage. When the storage is missing or refuses to write (disabled cookies,
 * private mode, quota), the list lives in memory for this page instead, so the buttons still work.
 */
export function createSavedVacanciesStore(env: StoreEnvironment): SavedVacanciesStore {
  const listeners = new Set<() => void>();
  let memory: string | null = null;
  let usingMemory = false;
  let snapshot: { raw: string | null; list: SavedList } = { raw: null, list: EMPTY };

  const storage = (): StorageLike | null => {
    try {
      return env.storage();
    } catch {
      return null;
    }
  };

  function readRaw(): string | null {
    if (usingMemory) return memory;
    const s = storage();
    if (!s) return memory;
    try {
      return s.getItem(SAVED_VACANCIES_KEY);
    } catch {
      return memory;
    }
  }

  function writeRaw(raw: string | null) {
    memory = raw;
    const s = usingMemory ? null : storage();
    if (s) {
      try {
        if (raw === null) s.removeItem(SAVED_VACANCIES_KEY);
        else s.setItem(SAVED_VACANCIES_KEY, raw);
      } catch {
        usingMemory = true;
      }
    } else {
      usingMemory = true;
    }
    notify();
  }

  function notify() {
    for (const listener of [...listeners]) listener();
  }

  function all(): SavedList {
    const raw = readRaw();
    if (raw !== snapshot.raw) snapshot = { raw, list: parseSavedVacancies(raw) };
    return snapshot.list;
  }

  function update(change: (list: SavedList) => SavedList) {
    const before = all();
    const after = change(before);
    if (after !== before) writeRaw(after.length ? serializeSavedVacancies(after) : null);
  }

  let events: ReturnType<NonNullable<StoreEnvironment["events"]>> = null;
  const onStorage = (event: StorageEvent) => {
    // A null key means another tab cleared the whole storage.
    if (event.key === SAVED_VACANCIES_KEY || event.key === null) notify();
  };

  return {
    all,
    toggle(id) {
      update((list) => toggleSavedVacancy(list, id, env.now?.() ?? new Date()));
      return isVacancySaved(all(), id);
    },
    add(id) {
      update((list) => addSavedVacancy(list, id, env.now?.() ?? new Date()));
    },
    remove(ids) {
      update((list) => removeSavedVacancies(list, ids));
    },
    clear() {
      writeRaw(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        events = env.events?.() ?? null;
        events?.addEventListener("storage", onStorage);
      }
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        events?.removeEventListener("storage", onStorage);
        events = null;
      };
    },
  };
}

const browser = () => (typeof window === "undefined" ? null : window);

/** This browser's saved vacancies (a no-op, empty list on the server). */
export const savedVacancies = createSavedVacanciesStore({
  storage: () => browser()?.localStorage ?? null,
  events: browser,
});

/** What the server renders: nothing is saved, so hydration never disagrees. */
export const getServerSavedVacancies = (): SavedList => EMPTY;
