import { db } from "@/server/db";

/** Staff search over accounts by email or name fragment. */
export function searchUsers(query: string) {
  const q = query.trim();
  return db.user.findMany({
    where: q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } : {},
    orderBy: { id: "desc" },
    take: 50,
    select: {
      id: true,
      email: true,
      name: true,
      isSeeker: true,
      staffRole: true,
      emailVerifiedAt: true,
      blockedAt: true,
      createdAt: true,
    },
  });
}

export function listAuditLog(filter: { entityType?: string; entityId?: string; cursor?: number }) {
  return db.auditLog.findMany({
    where: {
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      reason: true,
      ip: true,
      createdAt: true,
      actor: { select: { id: true, email: true } },
    },
  });
}

export function listTickets(filter: {
  kind?: "COMPLAINT" | "FEEDBACK";
  status?: "NEW" | "IN_PROGRESS" | "ANSWERED" | "CLOSED_NO_ANSWER";
}) {
  return db.ticket.findMany({
    where: { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      kind: true,
      status: true,
      reason: true,
      vacancyId: true,
      authorName: true,
      authorEmail: true,
      message: true,
      createdAt: true,
    },
  });
}
