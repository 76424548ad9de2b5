import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { requireFinance } from "./billing-access";
import { postEntry } from "./ledger";
import { requireReason } from "./reason";
import { BILLING_TRANSACTION } from "./transaction-options";

/**
 * A correction of the balance by finance, up or down, with the reason in the entry itself (a bank
 * transfer of the wrong amount, a goodwill credit). It never takes the balance below zero.
 */
export async function adjustBalance(input: { organizationId: number; amountTiyn: bigint; reason: string; actor: Actor }) {
  const actor = await requireFinance(input.actor);
  if (input.amountTiyn === 0n) throw new DomainError("VALIDATION", "errors.billing.amountInvalid", { field: "amountTiyn" });
  const reason = requireReason(input.reason);
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
    if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
    const entry = await postEntry(tx, {
      organizationId: input.organizationId,
      kind: "ADJUSTMENT",
      amountTiyn: input.amountTiyn,
      reason,
      createdById: actor.userId,
    });
    await audit(
      tx,
      actor,
      "billing.balance.adjust",
      { type: "billing_account", id: input.organizationId },
      { reason, data: { amountTiyn: input.amountTiyn.toString(), entryId: entry.id } },
    );
    return entry;
  }, BILLING_TRANSACTION);
}
