"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

import { getServerSavedVacancies, isVacancySaved, savedVacancies } from "@/lib/saved-vacancies";

/** This browser's saved vacancies, newest first; empty during server rendering and hydration. */
export function useSavedVacancies() {
  return useSyncExternalStore(savedVacancies.subscribe, savedVacancies.all, getServerSavedVacancies);
}

/** Saves the vacancy in this browser or forgets it; every button for it on every tab follows. */
export function SaveVacancyButton({ vacancyId, className }: { vacancyId: number; className?: string }) {
  const t = useTranslations("saved");
  const saved = isVacancySaved(useSavedVacancies(), vacancyId);
  return (
    <button
      type="button"
      aria-pressed={saved}
      onClick={() => savedVacancies.toggle(vacancyId)}
      className={`inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium ${
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
      {saved ? t("saved") : t("save")}
    </button>
  );
}
