"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

import {
  addSavedVacancy,
  getServerSavedVacancies,
  removeSavedVacancies,
  savedVacancies,
  type SavedVacancy,
} from "@/lib/saved-vacancies";
import { trpc, type RouterOutputs } from "@/trpc/react";

// Guests (and accounts that are not seekers) keep saved vacancies in this browser. A seeker's
// list lives in the account; whatever the browser still holds when a seeker is recognised is
// merged into the account once and then forgotten here.

type MergeResult = RouterOutputs["seeker"]["saved"]["merge"];
type TrpcUtils = ReturnType<typeof trpc.useUtils>;

export type MergeState =
  { status: "idle" } | { status: "merging" } | { status: "merged"; result: MergeResult } | { status: "failed" };

const IDLE: MergeState = { status: "idle" };
let mergeState: MergeState = IDLE;
// After a failure the merge waits for the next page load rather than retrying in a loop.
let mergeBlocked = false;
const mergeListeners = new Set<() => void>();

function setMergeState(next: MergeState) {
  mergeState = next;
  for (const listener of [...mergeListeners]) listener();
}

const mergeStore = {
  subscribe(listener: () => void) {
    mergeListeners.add(listener);
    return () => void mergeListeners.delete(listener);
  },
  get: () => mergeState,
  server: () => IDLE,
};

/** What happened to this browser's list after sign-in (shown once on the saved vacancies page). */
export const useMergeState = () => useSyncExternalStore(mergeStore.subscribe, mergeStore.get, mergeStore.server);
export const dismissMergeState = () => setMergeState(IDLE);

async function mergeIntoAccount(utils: TrpcUtils, entries: readonly SavedVacancy[]) {
  if (mergeBlocked || mergeState.status === "merging") return;
  setMergeState({ status: "merging" });
  try {
    const result = await utils.client.seeker.saved.merge.mutate({
      entries: entries.map(({ id, savedAt }) => ({ id, savedAt })),
    });
    // Only what was sent: a save made meanwhile in a tab that still thinks it is a guest's stays
    // here and is merged next time.
    savedVacancies.remove(entries.map((entry) => entry.id));
    await utils.seeker.saved.list.invalidate();
    setMergeState({ status: "merged", result });
  } catch {
    mergeBlocked = true;
    setMergeState({ status: "failed" });
  }
}

/** The browser's own list: empty during server rendering and hydration. */
export const useBrowserSavedVacancies = () =>
  useSyncExternalStore(savedVacancies.subscribe, savedVacancies.all, getServerSavedVacancies);

/** Who is looking: the same query (and cache) as the header's menu. */
export function useViewerKind(): "unknown" | "seeker" | "other" {
  const viewer = trpc.public.viewer.useQuery(undefined, { staleTime: 60_000, retry: false });
  if (viewer.isPending) return "unknown";
  return viewer.data?.isSeeker ? "seeker" : "other";
}

/** Moves this browser's saves into a seeker's account as soon as the seeker is recognised. */
export function useMergeBrowserSaves(kind: ReturnType<typeof useViewerKind>, local: readonly SavedVacancy[]) {
  const utils = trpc.useUtils();
  useEffect(() => {
    if (kind === "seeker" && local.length > 0) void mergeIntoAccount(utils, local);
  }, [kind, local, utils]);
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
  const account = trpc.seeker.saved.list.useQuery(undefined, { enabled: kind === "seeker", staleTime: 30_000 });
  if (kind !== "seeker") return { where: "browser", known: kind !== "unknown", list: local };
  const waiting = merge.status === "merging" || (local.length > 0 && merge.status !== "failed");
  return { where: "account", known: true, list: waiting || !account.data ? null : account.data };
}

/** Saving and forgetting, in whichever list applies; errors from the account come back translated. */
export function useSavedVacancyActions(where: SavedVacanciesSource["where"]) {
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);

  async function optimistic(change: (list: readonly SavedVacancy[]) => readonly SavedVacancy[]) {
    setError(null);
    await utils.seeker.saved.list.cancel();
    const previous = utils.seeker.saved.list.getData();
    utils.seeker.saved.list.setData(undefined, (list) => (list ? [...change(list)] : list));
    return { previous };
  }
  const rollback = (message: string, context: { previous?: SavedVacancy[] } | undefined) => {
    utils.seeker.saved.list.setData(undefined, context?.previous);
    setError(message);
  };
  const settle = () => utils.seeker.saved.list.invalidate();

  const add = trpc.seeker.saved.add.useMutation({
    onMutate: ({ vacancyId }) => optimistic((list) => addSavedVacancy(list, vacancyId)),
    onError: (e, _input, context) => rollback(e.message, context),
    onSettled: settle,
  });
  const remove = trpc.seeker.saved.remove.useMutation({
    onMutate: ({ vacancyIds }) => optimistic((list) => removeSavedVacancies(list, vacancyIds)),
    onError: (e, _input, context) => rollback(e.message, context),
    onSettled: settle,
  });

  return {
    error,
    pending: add.isPending || remove.isPending,
    /** Returns whether the vacancy is saved afterwards. */
    toggle(list: readonly SavedVacancy[], id: number): boolean {
      const saved = list.some((entry) => entry.id === id);
      if (where === "browser") return savedVacancies.toggle(id);
      if (saved) remove.mutate({ vacancyIds: [id] });
      else add.mutate({ vacancyId: id });
      return !saved;
    },
    forget(ids: readonly number[]) {
      if (ids.length === 0) return;
      if (where === "browser") savedVacancies.remove(ids);
      else remove.mutate({ vacancyIds: [...ids] });
    },
  };
}

/** Renders nothing; on pages without a save button it still moves a new seeker's saves over. */
export function SavedVacanciesSync() {
  const local = useBrowserSavedVacancies();
  useMergeBrowserSaves(useViewerKind(), local);
  return null;
}
