import type { LedgerEntryKind } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

// Reads of an organisation's money. They do not check who asks: the organisation's dashboard
// (members) and the admin console (finance) guard them differently, in their procedures.

/** The prepaid balance; an organisation that never had an entry has zero. */
export async function balanceOf(organizationId: number, client: Pick<DbTx, "billingAccount"> = db): Promise<bigint> {
  const account = await client.billingAccount.findUnique({ where: { organizationId }, select: { balanceTiyn: true } });
  return account?.balanceTiyn ?? 0n;
}

export const LEDGER_PAGE_MAX = 100;

export interface LedgerQuery {
  organizationId: number;
  kinds?: readonly LedgerEntryKind[];
  /** Entries created at or after. */
  from?: Date;
  /** Entries created before. */
  to?: Date;
  /** Newest first; pass the previous page's `nextBeforeId` for the next one. */
  beforeId?: number;
  limit?: number;
}

const entrySelect = {
  id: true,
  kind: true,
  amountTiyn: true,
  balanceAfterTiyn: true,
  paymentId: true,
  orderId: true,
  refundId: true,
  entitlementId: true,
  reason: true,
  createdById: true,
  createdAt: true,
  order: { select: { number: true } },
} as const satisfies Prisma.LedgerEntrySelect;

export type LedgerEntryRow = Prisma.LedgerEntryGetPayload<{ select: typeof entrySelect }>;

/** Entries newest first, filtered by kind and time, a page at a time (keyset on id). */
export async function listLedgerEntries(query: LedgerQuery): Promise<{ entries: LedgerEntryRow[]; nextBeforeId: number | null }> {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > LEDGER_PAGE_MAX)
    throw new DomainError("VALIDATION", "errors.invalidInput");
  if (query.from && query.to && query.from > query.to) throw new DomainError("VALIDATION", "errors.billing.dateRangeInvalid");
  const entries = await db.ledgerEntry.findMany({
    where: {
      organizationId: query.organizationId,
      ...(query.kinds?.length ? { kind: { in: [...query.kinds] } } : {}),
      ...(query.from || query.to
        ? { createdAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } }
        : {}),
      ...(query.beforeId !== undefined ? { id: { lt: query.beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: entrySelect,
  });
  const page = entries.slice(0, limit);
  return { entries: page, nextBeforeId: entries.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}
