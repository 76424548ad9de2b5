import type { PublicationType } from "@/generated/prisma/enums";
import { audit, SYSTEM_ACTOR, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

// Publication credits: what a vacancy's publication spends (one unit of a VACANCY_PUBLICATION
// entitlement of its type) and what its removal by moderation gives back (H 4.19).

/** Units of publication credits of a type usable at `now`. */
export async function availableCredits(
  organizationId: number,
  publicationType: PublicationType,
  now: Date = new Date(),
  client: DbTx = db,
): Promise<number> {
  const rows = await client.$queryRaw<{ units: bigint }[]>`
    SELECT coalesce(sum(units_total - units_used), 0) AS units FROM entitlements
    WHERE organization_id = ${organizationId} AND kind = 'VACANCY_PUBLICATION'
      AND publication_type = ${publicationType}::"PublicationType"
      AND forfeited_at IS NULL AND valid_from <= ${now} AND valid_until > ${now}`;
  return Number(rows[0]?.units ?? 0);
}

export interface ConsumeCreditInput {
  organizationId: number;
  publicationType: PublicationType;
  vacancyId: number;
  now: Date;
  actor?: Actor;
}

/**
 * Takes one credit for a vacancy's publication, from the entitlement that expires first (so
 * nothing is lost that could have been used). The entitlement's row is locked: concurrent
 * publications take distinct units and never more than there are. No credit: CONFLICT.
 */
export async function consumeCredit(
  tx: DbTx,
  input: ConsumeCreditInput,
): Promise<{ entitlementId: number; useId: number; validUntil: Date }> {
  // Every usable entitlement of the type is locked, then the first with a unit left is taken. With
  // "units left" in the query and LIMIT 1, a row another transaction just used up would be
  // re-checked after its commit and dropped, and the query would find nothing although a later
  // entitlement still had units.
  const rows = await tx.$queryRaw<{ id: number; valid_until: Date; units_used: number; units_total: number }[]>`
    SELECT id, valid_until, units_used, units_total FROM entitlements
    WHERE organization_id = ${input.organizationId} AND kind = 'VACANCY_PUBLICATION'
      AND publication_type = ${input.publicationType}::"PublicationType"
      AND forfeited_at IS NULL AND valid_from <= ${input.now} AND valid_until > ${input.now}
    ORDER BY valid_until, id
    FOR UPDATE`;
  const entitlement = rows.find((row) => row.units_used < row.units_total);
  if (!entitlement) throw new DomainError("CONFLICT", "errors.billing.noCredit");
  await tx.entitlement.update({ where: { id: entitlement.id }, data: { unitsUsed: { increment: 1 } } });
  const use = await tx.entitlementUse.create({
    data: { entitlementId: entitlement.id, vacancyId: input.vacancyId, usedAt: input.now },
    select: { id: true },
  });
  await audit(
    tx,
    input.actor ?? SYSTEM_ACTOR,
    "billing.credit.consume",
    { type: "entitlement", id: entitlement.id },
    {
      data: { vacancyId: input.vacancyId, useId: use.id },
    },
  );
  return { entitlementId: entitlement.id, useId: use.id, validUntil: entitlement.valid_until };
}

export interface ReturnCreditInput {
  vacancyId: number;
  /** Which use to give back; the vacancy's latest one not yet given back when absent. */
  useId?: number;
  /** Why (moderation's removal reason): kept on the use. */
  reason: string;
  now?: Date;
  actor?: Actor;
}

/**
 * Gives back the credit of a vacancy's latest publication (moderation removed it, H 4.19). The
 * unit goes back to its entitlement; if that has already been forfeited (its period ended), the
 * unit is forfeited with it at once. A vacancy published without a credit has nothing to give
 * back: null.
 */
export async function returnCredit(
  tx: DbTx,
  input: ReturnCreditInput,
): Promise<{ entitlementId: number; useId: number; usable: boolean } | null> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim().slice(0, 200);
  if (reason === "") throw new DomainError("VALIDATION", "errors.billing.reasonRequired", { field: "reason" });
  const uses = await tx.$queryRaw<{ id: number; entitlement_id: number }[]>`
    SELECT id, entitlement_id FROM entitlement_uses
    WHERE vacancy_id = ${input.vacancyId} AND returned_at IS NULL AND (${input.useId ?? null}::int IS NULL OR id = ${input.useId ?? null}::int)
    ORDER BY used_at DESC, id DESC
    LIMIT 1
    FOR UPDATE`;
  const use = uses[0];
  if (!use) return null;
  const locked = await tx.$queryRaw<{ forfeited_at: Date | null; valid_until: Date }[]>`
    SELECT forfeited_at, valid_until FROM entitlements WHERE id = ${use.entitlement_id} FOR UPDATE`;
  const entitlement = locked[0];
  if (!entitlement) throw new Error(`entitlement ${use.entitlement_id} vanished`);

  await tx.entitlementUse.update({ where: { id: use.id }, data: { returnedAt: now, returnReason: reason } });
  const forfeited = entitlement.forfeited_at !== null;
  await tx.entitlement.update({
    where: { id: use.entitlement_id },
    data: { unitsUsed: { decrement: 1 }, ...(forfeited ? { unitsForfeited: { increment: 1 } } : {}) },
  });
  await audit(
    tx,
    input.actor ?? SYSTEM_ACTOR,
    "billing.credit.return",
    { type: "entitlement", id: use.entitlement_id },
    {
      reason,
      data: { vacancyId: input.vacancyId, useId: use.id, forfeited },
    },
  );
  return { entitlementId: use.entitlement_id, useId: use.id, usable: !forfeited && entitlement.valid_until > now };
}

interface CreditedVacancy {
  id: number;
  organizationId: number;
  publicationType: PublicationType;
}

/**
 * Makes sure a vacancy's coming publication is paid for with a credit of its type (the one rule
 * of paid publication, H 4.6): the credit it already holds if that is of the right type and has
 * not been given back, otherwise a new one — and a held credit of another type is given back
 * (the type changed before the publication). No credit of the type: CONFLICT
 * "errors.billing.noCredit", and the caller's transaction writes nothing.
 */
export async function holdPublicationCredit(tx: DbTx, vacancy: CreditedVacancy, now: Date, actor?: Actor): Promise<number> {
  const rows = await tx.$queryRaw<{ credit_use_id: number | null }[]>`
    SELECT credit_use_id FROM vacancies WHERE id = ${vacancy.id} FOR UPDATE`;
  const heldId = rows[0]?.credit_use_id ?? null;
  if (heldId !== null) {
    const held = await tx.entitlementUse.findUnique({
      where: { id: heldId },
      select: { returnedAt: true, entitlement: { select: { publicationType: true } } },
    });
    if (held && !held.returnedAt && held.entitlement.publicationType === vacancy.publicationType) return heldId;
    if (held && !held.returnedAt)
      await returnCredit(tx, { vacancyId: vacancy.id, useId: heldId, reason: "publication type changed", now, actor });
  }
  const taken = await consumeCredit(tx, {
    organizationId: vacancy.organizationId,
    publicationType: vacancy.publicationType,
    vacancyId: vacancy.id,
    now,
    actor,
  });
  await tx.vacancy.update({ where: { id: vacancy.id }, data: { creditUseId: taken.useId } });
  return taken.useId;
}

/**
 * The credit a vacancy holds is spent: the next publication (a republication from the archive)
 * needs a new one.
 */
export async function spendHeldCredit(tx: DbTx, vacancyId: number): Promise<void> {
  await tx.vacancy.update({ where: { id: vacancyId }, data: { creditUseId: null } });
}

/**
 * Moderation removed the vacancy: the credit it holds comes back to its entitlement (H 4.19).
 * Nothing to give back (never paid, or already given back): nothing happens.
 */
export async function returnHeldCredit(tx: DbTx, vacancyId: number, reason: string, now: Date, actor?: Actor): Promise<void> {
  const rows = await tx.$queryRaw<{ credit_use_id: number | null }[]>`
    SELECT credit_use_id FROM vacancies WHERE id = ${vacancyId} FOR UPDATE`;
  const heldId = rows[0]?.credit_use_id ?? null;
  if (heldId === null) return;
  const held = await tx.entitlementUse.findUnique({ where: { id: heldId }, select: { returnedAt: true } });
  if (held && !held.returnedAt) await returnCredit(tx, { vacancyId, useId: heldId, reason, now, actor });
  await tx.vacancy.update({ where: { id: vacancyId }, data: { creditUseId: null } });
}
