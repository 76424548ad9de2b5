import { z } from "zod";

import { SAVED_VACANCIES_LIMIT } from "@/lib/saved-vacancies";
import { db } from "@/server/db";

import { browserSavedAt, planSavedMerge, type SavedEntry } from "./plan-saved-merge";
import { lockSavedList, savableVacancy, vacancyIdSchema } from "./saved-vacancies";

export const mergeSavedSchema = z.object({
  entries: z.array(z.object({ id: vacancyIdSchema, savedAt: z.string().max(64) })).max(SAVED_VACANCIES_LIMIT),
});

export interface SavedMergeResult {
  /** Vacancies new to the account. */
  added: number;
  /** Unknown, unpublished or closed vacancies that were not taken over. */
  ignored: number;
  /** Saves left out because the list is full (the oldest ones, from either side). */
  overLimit: number;
  /** The size of the account's list afterwards. */
  total: number;
}

/**
 * Takes over the list a guest kept in this browser, after sign-in. Sending the same list again
 * changes nothing, so a retried or doubled request is harmless.
 */
export async function mergeSavedVacancies(userId: number, raw: unknown, now = new Date()): Promise<SavedMergeResult> {
  const { entries } = mergeSavedSchema.parse(raw);
  const latest = new Map<number, SavedEntry>();
  for (const entry of entries) {
    const savedAt = browserSavedAt(entry.savedAt, now);
    const seen = latest.get(entry.id);
    if (!seen || seen.savedAt < savedAt) latest.set(entry.id, { vacancyId: entry.id, savedAt });
  }

  return db.$transaction(async (tx) => {
    await lockSavedList(tx, userId);
    const savable = latest.size
      ? await tx.vacancy.findMany({ where: { id: { in: [...latest.keys()] }, ...savableVacancy(now) }, select: { id: true } })
      : [];
    const existing = await tx.savedVacancy.findMany({ where: { userId }, select: { vacancyId: true, createdAt: true } });
    const incoming = savable.map((row) => latest.get(row.id)!);
    const plan = planSavedMerge(
      existing.map((row) => ({ vacancyId: row.vacancyId, savedAt: row.createdAt })),
      incoming,
    );
    if (plan.drop.length) await tx.savedVacancy.deleteMany({ where: { userId, vacancyId: { in: plan.drop } } });
    if (plan.create.length) {
      await tx.savedVacancy.createMany({
        data: plan.create.map((e) => ({ userId, vacancyId: e.vacancyId, createdAt: e.savedAt })),
        skipDuplicates: true,
      });
    }
    for (const entry of plan.refresh) {
      await tx.savedVacancy.update({
        where: { userId_vacancyId: { userId, vacancyId: entry.vacancyId } },
        data: { createdAt: entry.savedAt },
      });
    }
    return { added: plan.create.length, ignored: latest.size - incoming.length, overLimit: plan.overLimit, total: plan.total };
  });
}
