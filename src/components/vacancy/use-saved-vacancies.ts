"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

import { useViewer } from "@/components/viewer/viewer-store";
import {
  addSavedVacancy,
  getServerSavedVacancies,
  removeSavedVacancies,
  savedVacancies,
  type SavedVacancy,
} from "@/lib/saved-vacancies";
import type { RouterOutputs } from "@/trpc/types";

// Guests (and accounts that are not seekers) keep saved vacancies in this browser. A seeker's
// list lives in the account; whatever the browser still holds when a seeker is recognised is
// merged into the account once and then forgotten here. The account's calls go through a tRPC
// client loaded only for seekers, so a guest's page carries none of it.

type MergeResult = RouterOutputs["seeker"]["saved"]["merge"];

export type MergeState =
  { status: "idle" } | { status: "merging" } | { status: "merged"; result: MergeResult } | { status: "failed" };

const accountApi = () => import("@/trpc/vanilla").then((m) => m.vanillaTrpc.seeker.saved);

/** A tiny external store: a value and the components that follow it. */
function createStore<T>(initial: T, server: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    server: () => server,
    set(next: T) {
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const IDLE: MergeState = { status: "idle" };
const mergeStore = createStore<MergeState>(IDLE, IDLE);
// After a failure the merge waits for the next page load rather than retrying in a loop.
let mergeBlocked = false;

/** The account's list: null until it is first loaded. */
const accountStore = createStore<readonly SavedVacancy[] | null>(null, null);
let accountLoadedAt = 0;
let accountLoading: Promise<void> | null = null;
const ACCOUNT_STALE_MS = 30_000;

/**
 * Loads the account's list. `fresh`: after a change, a request already under way may have read the
 * list before it; wait for it, then read again.
 */
async function loadAccount(options: { fresh?: boolean } = {}): Promise<void> {
  if (options.fresh && accountLoading) await accountLoading;
  accountLoading ??= accountApi()
    .then((api) => api.list.query())
    .then((list) => {
      accountLoadedAt = Date.now();
      accountStore.set(list);
    })
    .catch(() => {
      // Left as it was: the list loads again when the page is next shown.
    })
    .finally(() => {
      accountLoading = null;
    });
  return accountLoading;
}

/** What happened to this browser's list after sign-in (shown once on the saved vacancies page). */
export const useMergeState = () => useSyncExternalStore(mergeStore.subscribe, mergeStore.get, mergeStore.server);
export const dismissMergeState = () => mergeStore.set(IDLE);

async function mergeIntoAccount(entries: readonly SavedVacancy[]) {
  if (mergeBlocked || mergeStore.get().status === "merging") return;
  mergeStore.set({ status: "merging" });
  try {
    const api = await accountApi();
    const result = await api.merge.mutate({ entries: entries.map(({ id, savedAt }) => ({ id, savedAt })) });
    // Only what was sent: a save made meanwhile in a tab that still thinks it is a guest's stays
    // here and is merged next time.
    savedVacancies.remove(entries.map((entry) => entry.id));
    await loadAccount({ fresh: true });
    mergeStore.set({ status: "merged", result });
  } catch {
    mergeBlocked = true;
    mergeStore.set({ status: "failed" });
  }
}

/** The browser's own list: empty during server rendering and hydration. */
export const useBrowserSavedVacancies = () =>
  useSyncExternalStore(savedVacancies.subscribe, savedVacancies.all, getServerSavedVacancies);

/** Who is looking: the same answer as the header's menu. */
export function useViewerKind(): "unknown" | "seeker" | "other" {
  const state = useViewer();
  if (state.status === "loading") return "unknown";
  return state.viewer?.isSeeker ? "seeker" : "other";
}

/** Moves this browser's saves into a seeker's account as soon as the seeker is recognised. */
export function useMergeBrowserSaves(kind: ReturnType<typeof useViewerKind>, local: readonly SavedVacancy[]) {
  useEffect(() => {
    if (kind === "seeker" && local.length > 0) void mergeIntoAccount(local);
  }, [kind, local]);
}

/** A seeker's list, loaded once and again when the page is shown after a while (another device may have changed it). */
function useAccountList(enabled: boolean): readonly SavedVacancy[] | null {
  const list = useSyncExternalStore(accountStore.subscribe, accountStore.get, accountStore.server);
  useEffect(() => {
    if (!enabled) return;
    if (accountStore.get() === null) void loadAccount();
    const onShow = () => {
      if (document.visibilityState === "visible" && Date.now() - accountLoadedAt > ACCOUNT_STALE_MS) void loadAccount();
    };
    document.addEventListener("visibilitychange", onShow);
    return () => document.removeEventListener("visibilitychange", onShow);
  }, [enabled]);
  return enabled ? list : null;
}

export interface SavedVacanciesSource {
  /** "browser" also while it is not yet known who is looking: a save made then is merged later. */
  where: "browser" | "account";
  /** Whether `where` is settled (the viewer is known). */
  known: boolean;
  /** Newest first; null while the account's list is loading or the browser's is being merged. */
  list: readonly SavedVacancy[] | null;
}

/** Where saved vacancies live for the person looking, and the list itself. */
export function useSavedVacancies(): SavedVacanciesSource {
  const local = useBrowserSavedVacancies();
  const kind = useViewerKind();
  const merge = useMergeState();
  useMergeBrowserSaves(kind, local);
  const account = useAccountList(kind === "seeker");
  if (kind !== "seeker") return { where: "browser", known: kind !== "unknown", list: local };
  const waiting = merge.status === "merging" || (local.length > 0 && merge.status !== "failed");
  return { where: "account", known: true, list: waiting ? null : account };
}

/** Saving and forgetting, in whichever list applies; errors from the account come back translated. */
export function useSavedVacancyActions(where: SavedVacanciesSource["where"]) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);

  /** Shows the change at once, sends it, puts the list back if the server refuses, then reloads it. */
  async function change(update: (list: readonly SavedVacancy[]) => readonly SavedVacancy[], send: () => Promise<unknown>) {
    setError(null);
    setPending((n) => n + 1);
    const previous = accountStore.get();
    if (previous) accountStore.set(update(previous));
    try {
      await send();
    } catch (e) {
      accountStore.set(previous);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setPending((n) => n - 1);
      await loadAccount({ fresh: true });
    }
  }

  return {
    error,
    pending: pending > 0,
    /** Returns whether the vacancy is saved afterwards. */
    toggle(list: readonly SavedVacancy[], id: number): boolean {
      const saved = list.some((entry) => entry.id === id);
      if (where === "browser") return savedVacancies.toggle(id);
      if (saved)
        void change(
          (l) => removeSavedVacancies(l, [id]),
          async () => (await accountApi()).remove.mutate({ vacancyIds: [id] }),
        );
      else
        void change(
          (l) => addSavedVacancy(l, id),
          async () => (await accountApi()).add.mutate({ vacancyId: id }),
        );
      return !saved;
    },
    forget(ids: readonly number[]) {
      if (ids.length === 0) return;
      if (where === "browser") savedVacancies.remove(ids);
      else
        void change(
          (l) => removeSavedVacancies(l, ids),
          async () => (await accountApi()).remove.mutate({ vacancyIds: [...ids] }),
        );
    },
  };
}

/** Renders nothing; on pages without a save button it still moves a new seeker's saves over. */
export function SavedVacanciesSync() {
  const local = useBrowserSavedVacancies();
  useMergeBrowserSaves(useViewerKind(), local);
  return null;
}
