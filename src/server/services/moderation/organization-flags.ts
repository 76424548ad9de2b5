import { hasNewFlags } from "@/lib/resume-moderation";
import { moderationPageSchema, organizationFlagsIdSchema } from "@/lib/validation/moderation";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";
import { audit, type UserActor } from "@/server/audit";

import { termFlagsFor } from "./prohibited-terms";

export const ORGANIZATION_FLAGS_PAGE_SIZE = 25;

/**
 * Flags an organisation's texts (names and description) on save, inside the save's transaction.
 * A term the moderators have not looked at yet puts it in their queue; none left takes it out.
 */
export async function flagOrganizationOnSave(
  tx: DbTx,
  organizationId: number,
  texts: readonly (string | null | undefined)[],
  now: Date = new Date(),
) {
  const flags = await termFlagsFor(texts, tx);
  const current = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { moderationFlags: true, flaggedAt: true },
  });
  const flaggedAt = flags.length === 0 ? null : (current.flaggedAt ?? (hasNewFlags(current.moderationFlags, flags) ? now : null));
  await tx.organization.update({
    where: { id: organizationId },
    data: { moderationFlags: flags, flaggedAt },
    select: { id: true },
  });
  return flags;
}

/** Organisations whose texts wait for a moderator, oldest first, 25 a page. */
export async function flaggedOrganizations(raw: unknown = {}) {
  const input = moderationPageSchema.parse(raw ?? {});
  const where = { flaggedAt: { not: null }, deletedAt: null };
  const total = await db.organization.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ORGANIZATION_FLAGS_PAGE_SIZE));
  const page = Math.min(input.page, pageCount);
  const items = await db.organization.findMany({
    where,
    orderBy: [{ flaggedAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * ORGANIZATION_FLAGS_PAGE_SIZE,
    take: ORGANIZATION_FLAGS_PAGE_SIZE,
    select: {
      id: true,
      type: true,
      legalName: true,
      displayName: true,
      description: true,
      moderationFlags: true,
      flaggedAt: true,
      blockedAt: true,
    },
  });
  return { items, total, page, pageCount };
}

/**
 * A moderator looked at the flagged texts and leaves them (a sanction is a block, on its own page):
 * out of the queue; the same terms saved again do not bring it back.
 */
export async function clearOrganizationFlags(raw: unknown, actor: UserActor) {
  const { organizationId } = organizationFlagsIdSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const changed = await tx.organization.updateMany({
      where: { id: organizationId, flaggedAt: { not: null } },
      data: { flaggedAt: null },
    });
    if (changed.count === 0) {
      const exists = await tx.organization.count({ where: { id: organizationId } });
      throw exists
        ? new DomainError("CONFLICT", "errors.organizationFlags.notFlagged")
        : new DomainError("NOT_FOUND", "errors.organizationFlags.notFound");
    }
    await audit(tx, actor, "moderation.organization.clear", { type: "organization", id: organizationId });
  });
  return { ok: true };
}
