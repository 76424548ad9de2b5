import { useSyncExternalStore } from "react";

/** Who is looking at a cached public page, as /api/viewer says; asked once per page load. */
export interface Viewer {
  name: string;
  isSeeker: boolean;
  staffRole: "MODERATOR" | "SUPPORT" | "FINANCE" | "SUPERADMIN" | null;
  /** A new version of the terms to accept before anything else (LegalGate sends them there). */
  legalPending: boolean;
}

export type ViewerState = { status: "loading" } | { status: "ready"; viewer: Viewer | null };

const LOADING: ViewerState = { status: "loading" };
let state: ViewerState = LOADING;
let requested = false;
const listeners = new Set<() => void>();

function set(next: ViewerState) {
  state = next;
  for (const listener of [...listeners]) listener();
}

function load(): Promise<void> {
  requested = true;
  return fetch("/api/viewer", { credentials: "same-origin", cache: "no-store" })
    .then((response) => (response.ok ? (response.json() as Promise<{ viewer: Viewer | null }>) : { viewer: null }))
    .then(
      (body) => set({ status: "ready", viewer: body.viewer }),
      // Offline or the server is down: the page works as for a guest.
      () => set({ status: "ready", viewer: null }),
    );
}

const store = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    if (!requested) load();
    return () => void listeners.delete(listener);
  },
  get: () => state,
  server: () => LOADING,
};

/** The viewer: "loading" during server rendering, hydration and the first request. */
export const useViewer = (): ViewerState => useSyncExternalStore(store.subscribe, store.get, store.server);

/** Asks again, after signing in or changing one's name; the page keeps the old answer meanwhile. */
export const refreshViewer = (): Promise<void> => load();
