import { z } from "zod";

import { SAVED_VACANCIES_LIMIT, type SavedVacancy } from "@/lib/saved-vacancies";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { publicVacancyWhere } from "../vacancies/visibility";

// An arbitrary constant naming "a seeker's saved vacancies" among the advisory locks.
const SAVED_LOCK = 0x5361_7665;

export const vacancyIdSchema = z.number().int().positive().max(2_147_483_647);

/** Serialises changes to one account's list (a merge and a save at once must not pass the limit). */
export async function lockSavedList(tx: DbTx, userId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SAVED_LOCK}::int4, ${userId}::int4)`;
}

/** Vacancies guests may see: only these can be saved (an account may keep ones that went away since). */
export const savableVacancy = publicVacancyWhere;

/** The account's saved vacancies, newest first, in the browser list's shape. */
export async function listSavedVacancies(userId: number): Promise<SavedVacancy[]> {
  const rows = await db.savedVacancy.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { vacancyId: "desc" }],
    take: SAVED_VACANCIES_LIMIT,
    select: { vacancyId: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.vacancyId, savedAt: row.createdAt.toISOString() }));
}

export const saveVacancySchema = z.object({ vacancyId: vacancyIdSchema });

/**
 * Saves a vacancy (again: its date moves to now). Past the limit the oldest saves fall off, as
 * they do in the browser; `dropped` says how many.
 */
export async function saveVacancy(userId: number, raw: unknown, now = new Date()) {
  const { vacancyId } = saveVacancySchema.parse(raw);
  return db.$transaction(async (tx) => {
    await lockSavedList(tx, userId);
    const vacancy = await tx.vacancy.findFirst({ where: { id: vacancyId, ...savableVacancy(now) }, select: { id: true } });
    if (!vacancy) throw new DomainError("NOT_FOUND", "errors.vacancyUnavailable");
    await tx.savedVacancy.upsert({
      where: { userId_vacancyId: { userId, vacancyId } },
      create: { userId, vacancyId, createdAt: now },
      update: { createdAt: now },
    });
    const overflow = await tx.savedVacancy.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { vacancyId: "desc" }],
      skip: SAVED_VACANCIES_LIMIT,
      select: { vacancyId: true },
    });
    if (overflow.length) {
      await tx.savedVacancy.deleteMany({ where: { userId, vacancyId: { in: overflow.map((r) => r.vacancyId) } } });
    }
    return { id: vacancyId, savedAt: now.toISOString(), dropped: overflow.length };
  });
}

export const removeSavedSchema = z.object({ vacancyIds: z.array(vacancyIdSchema).min(1).max(SAVED_VACANCIES_LIMIT) });

/** Forgets saved vacancies (also ones no longer published); ids not in the list are ignored. */
export async function removeSavedVacancies(userId: number, raw: unknown): Promise<{ removed: number }> {
  const { vacancyIds } = removeSavedSchema.parse(raw);
  const { count } = await db.savedVacancy.deleteMany({ where: { userId, vacancyId: { in: [...new Set(vacancyIds)] } } });
  return { removed: count };
}
