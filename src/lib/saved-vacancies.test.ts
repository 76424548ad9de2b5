import { describe, expect, it, vi } from "vitest";

import {
  SAVED_VACANCIES_KEY,
  SAVED_VACANCIES_LIMIT,
  addSavedVacancy,
  createSavedVacanciesStore,
  isVacancySaved,
  parseSavedVacancies,
  removeSavedVacancies,
  serializeSavedVacancies,
  toggleSavedVacancy,
  type SavedVacancy,
  type StorageLike,
} from "./saved-vacancies";

const at = (iso: string) => new Date(iso);

function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function fakeWindow() {
  const target = new EventTarget();
  return {
    addEventListener: vi.fn((type: string, fn: EventListener) => target.addEventListener(type, fn)),
    removeEventListener: vi.fn((type: string, fn: EventListener) => target.removeEventListener(type, fn)),
    fire: (key: string | null) => target.dispatchEvent(Object.assign(new Event("storage"), { key })),
  };
}

describe("parseSavedVacancies", () => {
  it("reads entries newest first", () => {
    const raw = JSON.stringify([
      { id: 1, savedAt: "2026-01-01T00:00:00.000Z" },
      { id: 2, savedAt: "2026-03-01T00:00:00.000Z" },
    ]);
    expect(parseSavedVacancies(raw).map((e) => e.id)).toEqual([2, 1]);
  });

  it.each([null, "", "not json", "{", '{"id":1}', "42", "null", '"text"'])("treats %j as an empty list", (raw) => {
    expect(parseSavedVacancies(raw)).toEqual([]);
  });

  it("skips entries without a valid id and keeps the rest", () => {
    const raw = JSON.stringify([
      { id: 3, savedAt: "2026-01-02T00:00:00.000Z" },
      { id: "4" },
      { id: -1 },
      { id: 1.5 },
      { id: 2 ** 40 },
      null,
      "x",
      [5],
      { savedAt: "2026-01-01T00:00:00.000Z" },
    ]);
    expect(parseSavedVacancies(raw)).toEqual([{ id: 3, savedAt: "2026-01-02T00:00:00.000Z" }]);
  });

  it("keeps an entry with a broken date as the oldest one, and accepts bare ids", () => {
    const raw = JSON.stringify([7, { id: 8, savedAt: "yesterday" }, { id: 9, savedAt: "2026-01-01T00:00:00.000Z" }]);
    const list = parseSavedVacancies(raw);
    expect(list[0]).toEqual({ id: 9, savedAt: "2026-01-01T00:00:00.000Z" });
    expect(list.map((e) => e.id).sort()).toEqual([7, 8, 9]);
    expect(list[1]!.savedAt).toBe(new Date(0).toISOString());
  });

  it("keeps one entry per vacancy, the latest save", () => {
    const raw = JSON.stringify([
      { id: 1, savedAt: "2026-01-01T00:00:00.000Z" },
      { id: 1, savedAt: "2026-02-01T00:00:00.000Z" },
      { id: 2, savedAt: "2026-01-15T00:00:00.000Z" },
    ]);
    expect(parseSavedVacancies(raw)).toEqual([
      { id: 1, savedAt: "2026-02-01T00:00:00.000Z" },
      { id: 2, savedAt: "2026-01-15T00:00:00.000Z" },
    ]);
  });

  it("keeps only the newest entries past the limit", () => {
    const base = Date.UTC(2026, 0, 1);
    const entries = Array.from({ length: SAVED_VACANCIES_LIMIT + 50 }, (_, i) => ({
      id: i + 1,
      savedAt: new Date(base + i * 60_000).toISOString(),
    }));
    const list = parseSavedVacancies(JSON.stringify(entries));
    expect(list).toHaveLength(SAVED_VACANCIES_LIMIT);
    expect(list[0]!.id).toBe(SAVED_VACANCIES_LIMIT + 50);
    expect(list.at(-1)!.id).toBe(51);
  });

  it("round-trips through serialize", () => {
    const list = addSavedVacancy(addSavedVacancy([], 1, at("2026-01-01T00:00:00Z")), 2, at("2026-01-02T00:00:00Z"));
    expect(parseSavedVacancies(serializeSavedVacancies(list))).toEqual(list);
  });
});

describe("add, remove, toggle", () => {
  const empty: SavedVacancy[] = [];

  it("adds to the front and moves a saved-again vacancy to the front", () => {
    let list = addSavedVacancy(empty, 1, at("2026-01-01T00:00:00Z"));
    list = addSavedVacancy(list, 2, at("2026-01-02T00:00:00Z"));
    list = addSavedVacancy(list, 1, at("2026-01-03T00:00:00Z"));
    expect(list).toEqual([
      { id: 1, savedAt: "2026-01-03T00:00:00.000Z" },
      { id: 2, savedAt: "2026-01-02T00:00:00.000Z" },
    ]);
  });

  it("ignores ids that are not vacancy ids", () => {
    expect(addSavedVacancy(empty, 0)).toBe(empty);
    expect(addSavedVacancy(empty, Number.NaN)).toBe(empty);
    expect(addSavedVacancy(empty, 2.5)).toBe(empty);
  });

  it("drops the oldest past the limit", () => {
    let list: readonly SavedVacancy[] = [];
    for (let id = 1; id <= SAVED_VACANCIES_LIMIT + 1; id++) list = addSavedVacancy(list, id, new Date(Date.UTC(2026, 0, 1) + id));
    expect(list).toHaveLength(SAVED_VACANCIES_LIMIT);
    expect(isVacancySaved(list, 1)).toBe(false);
    expect(list[0]!.id).toBe(SAVED_VACANCIES_LIMIT + 1);
  });

  it("removes, and returns the same list when nothing changes", () => {
    const list = addSavedVacancy(addSavedVacancy(empty, 1), 2);
    expect(removeSavedVacancies(list, [1]).map((e) => e.id)).toEqual([2]);
    expect(removeSavedVacancies(list, [9])).toBe(list);
  });

  it("toggles", () => {
    const once = toggleSavedVacancy(empty, 5);
    expect(isVacancySaved(once, 5)).toBe(true);
    expect(isVacancySaved(toggleSavedVacancy(once, 5), 5)).toBe(false);
  });
});

describe("createSavedVacanciesStore", () => {
  it("writes to the storage and returns a stable snapshot until something changes", () => {
    const storage = memoryStorage();
    const store = createSavedVacanciesStore({ storage: () => storage, now: () => at("2026-05-01T10:00:00Z") });
    const first = store.all();
    expect(store.all()).toBe(first);
    expect(store.toggle(10)).toBe(true);
    expect(JSON.parse(storage.data.get(SAVED_VACANCIES_KEY)!)).toEqual([{ id: 10, savedAt: "2026-05-01T10:00:00.000Z" }]);
    const second = store.all();
    expect(second).not.toBe(first);
    expect(store.all()).toBe(second);
    expect(store.toggle(10)).toBe(false);
    expect(storage.data.has(SAVED_VACANCIES_KEY)).toBe(false);
  });

  it("reads what another tab wrote and tells subscribers", () => {
    const storage = memoryStorage();
    const win = fakeWindow();
    const store = createSavedVacanciesStore({ storage: () => storage, events: () => win });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    storage.data.set(SAVED_VACANCIES_KEY, JSON.stringify([{ id: 3, savedAt: "2026-01-01T00:00:00.000Z" }]));
    win.fire("other.key");
    expect(listener).not.toHaveBeenCalled();
    win.fire(SAVED_VACANCIES_KEY);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.all().map((e) => e.id)).toEqual([3]);
    win.fire(null);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    expect(win.removeEventListener).toHaveBeenCalledTimes(1);
  });

  it("tells every subscriber about a change made in this tab", () => {
    const storage = memoryStorage();
    const store = createSavedVacanciesStore({ storage: () => storage });
    const a = vi.fn();
    const b = vi.fn();
    store.subscribe(a);
    const stopB = store.subscribe(b);
    store.add(1);
    stopB();
    store.remove([1]);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it("recovers from a corrupt stored value", () => {
    const storage = memoryStorage({ [SAVED_VACANCIES_KEY]: "[{oops" });
    const store = createSavedVacanciesStore({ storage: () => storage });
    expect(store.all()).toEqual([]);
    store.add(4);
    expect(store.all().map((e) => e.id)).toEqual([4]);
  });

  it("keeps working in memory when the storage is missing, throws on access, or refuses writes", () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const refusing: StorageLike = { ...memoryStorage(), setItem: throwing.setItem };
    const environments = [
      () => null,
      () => {
        throw new Error("SecurityError");
      },
      () => throwing,
      () => refusing,
    ];
    for (const storage of environments) {
      const store = createSavedVacanciesStore({ storage });
      expect(store.all()).toEqual([]);
      expect(store.toggle(7)).toBe(true);
      expect(store.all().map((e) => e.id)).toEqual([7]);
      store.clear();
      expect(store.all()).toEqual([]);
    }
  });

  it("clears everything (after the list was merged elsewhere)", () => {
    const storage = memoryStorage();
    const store = createSavedVacanciesStore({ storage: () => storage });
    store.add(1);
    store.add(2);
    expect(store.all()).toHaveLength(2);
    store.clear();
    expect(store.all()).toEqual([]);
    expect(storage.data.size).toBe(0);
  });
});
