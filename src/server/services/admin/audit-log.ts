import type { Prisma } from "@/generated/prisma/client";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { db } from "@/server/db";

import { dateTime, parsePeriod } from "../billing/documents/exports";
import type { CsvCell } from "../billing/documents/csv";

// The audit log viewer (superadmins): filters by actor, action, entity and Almaty days, a page at
// a time, and the same rows as a CSV download read in batches.

export const AUDIT_PAGE_SIZE = 50;
const CSV_BATCH = 1000;

function whereOf(filter: AuditFilter): Prisma.AuditLogWhereInput {
  const period = parsePeriod(filter.from ?? null, filter.to ?? null);
  return {
    ...(filter.actor ? { actor: { email: filter.actor } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.entityId ? { entityId: filter.entityId } : {}),
    ...(period.from || period.to
      ? { createdAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } }
      : {}),
  };
}

const select = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  reason: true,
  data: true,
  ip: true,
  actor: { select: { email: true } },
} as const;

/** One page of entries, newest first, with the total for the pager. */
export async function listAuditLog(raw: unknown) {
  const filter = auditFilterSchema.parse(raw);
  const where = whereOf(filter);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select,
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, actorEmail: r.actor?.email ?? null, data: r.data === null ? null : JSON.stringify(r.data) })),
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

export const AUDIT_CSV_HEADER = {
  ru: ["№", "Дата и время (Алматы)", "Кто", "Действие", "Объект", "ID объекта", "Причина", "Данные", "IP"],
  kk: ["№", "Күні мен уақыты (Алматы)", "Кім", "Әрекет", "Нысан", "Нысан ID", "Себебі", "Деректер", "IP"],
} as const;

/**
 * Every entry the filters match (the page number is ignored), newest first, in batches read by
 * id so a long log is never held in memory at once. Validates the filters before the first row.
 */
export function auditLogCsv(raw: unknown): AsyncIterable<CsvCell[][]> {
  const where = whereOf(auditFilterSchema.parse(raw));
  return {
    async *[Symbol.asyncIterator]() {
      let before: number | undefined;
      for (;;) {
        const rows = await db.auditLog.findMany({
          where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
          orderBy: { id: "desc" },
          take: CSV_BATCH,
          select,
        });
        if (rows.length === 0) return;
        yield rows.map((r) => [
          r.id,
          dateTime(r.createdAt),
          r.actor?.email ?? null,
          r.action,
          r.entityType,
          r.entityId,
          r.reason,
          r.data === null ? null : JSON.stringify(r.data),
          r.ip,
        ]);
        if (rows.length < CSV_BATCH) return;
        before = rows[rows.length - 1]!.id;
      }
    },
  };
}
