import type { DbTx } from "@/server/db-client";

/**
 * Brings the database rows of these resumes up to date with their source rows. Call it inside the
 * transaction that creates, edits, moderates or hides a resume, so the database never shows a
 * state that was rolled back (a deleted resume takes its row along). Returns how many of them are
 * now in the database.
 */
export async function refreshResumeSearch(tx: Pick<DbTx, "$queryRaw">, resumeIds: readonly number[]): Promise<number> {
  if (resumeIds.length === 0) return 0;
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT refresh_resume_search(${[...resumeIds]}::integer[]) AS n`;
  return rows[0]?.n ?? 0;
}

/**
 * The same for every resume of these people: when what the rows carry about their owner changes
 * (a block or its lifting, a category verified by a driving school).
 */
export async function refreshResumeSearchOfUsers(tx: Pick<DbTx, "$queryRaw">, userIds: readonly number[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT refresh_resume_search(coalesce(array_agg(id), '{}')) AS n FROM resumes WHERE user_id = ANY (${[...userIds]}::integer[])`;
  return rows[0]?.n ?? 0;
}

/** Rebuilds the whole table (and the shared vocabulary): after seeding or bulk loads. */
export async function rebuildResumeSearch(tx: Pick<DbTx, "$queryRaw">): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT refresh_resume_search(NULL) AS n`;
  return rows[0]?.n ?? 0;
}
