import type { DbTx } from "@/server/db-client";

import { forgetPlannedWords } from "./plan/query-words";

/**
 * Brings the search rows of these vacancies up to date with their source rows. Call it inside the
 * transaction that publishes, edits, archives, removes or closes a vacancy (or blocks its
 * organisation), so search never shows a state that was rolled back. Returns how many of them are
 * now searchable.
 */
export async function refreshVacancySearch(tx: Pick<DbTx, "$queryRaw">, vacancyIds: readonly number[]): Promise<number> {
  if (vacancyIds.length === 0) return 0;
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT refresh_vacancy_search(${[...vacancyIds]}::integer[]) AS n`;
  // New words reach this server's searches at once (again after the commit: forgetCachedSearches).
  forgetPlannedWords();
  return rows[0]?.n ?? 0;
}

/** Rebuilds the whole search table and vocabulary: after seeding or bulk loads. */
export async function rebuildVacancySearch(tx: Pick<DbTx, "$queryRaw">): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT refresh_vacancy_search(NULL) AS n`;
  forgetPlannedWords();
  return rows[0]?.n ?? 0;
}
