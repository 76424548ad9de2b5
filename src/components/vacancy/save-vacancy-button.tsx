"use client";

import { isVacancySaved } from "@/lib/saved-vacancies";

import { useSavedVacancies, useSavedVacancyActions } from "./use-saved-vacancies";

/** The button's texts, from the page (so that a public page carries no message catalogue). */
export interface SaveButtonLabels {
  save: string;
  saved: string;
  /** With `{message}` where the server's reason goes. */
  saveError: string;
}

/**
 * Saves the vacancy or forgets it: in a seeker's account (the same on every device), otherwise in
 * this browser. Every button for the vacancy on the page, and on other tabs, follows.
 */
export function SaveVacancyButton({
  vacancyId,
  labels,
  className,
}: {
  vacancyId: number;
  labels: SaveButtonLabels;
  className?: string;
}) {
  const source = useSavedVacancies();
  const actions = useSavedVacancyActions(source.where);
  const list = source.list;
  const saved = list ? isVacancySaved(list, vacancyId) : false;
  // While a seeker's list loads its state is unknown: the button waits rather than guess.
  const busy = list === null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        aria-pressed={saved}
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => list && actions.toggle(list, vacancyId)}
        className={`inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium disabled:cursor-wait disabled:opacity-70 ${
          saved
            ? "border-brand-700 bg-brand-50 text-brand-800 hover:bg-brand-100"
            : "border-gray-400 bg-white text-gray-900 hover:bg-gray-50"
        } ${className ?? ""}`}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill={saved ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z" strokeLinejoin="round" />
        </svg>
        {saved ? labels.saved : labels.save}
      </button>
      {actions.error ? (
        <span role="alert" className="text-sm text-red-700">
          {labels.saveError.replace("{message}", actions.error)}
        </span>
      ) : null}
    </span>
  );
}
