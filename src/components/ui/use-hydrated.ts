"use client";

import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/** False while the server renders and the page hydrates, true once its scripts run. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
