import type { StaffRole } from "@/generated/prisma/enums";
import { queueVisibleTo, type QueueKey } from "@/lib/admin-queues";
import { QUEUED_RESUME_STATES } from "@/lib/resume-moderation";
import { OPEN_TICKET_STATUSES } from "@/lib/tickets";
import { db } from "@/server/db";

// The console's home: every queue a staff member works, with how many items wait and since when
// the oldest has waited, so the one that slips is seen first. Who works which queue: src/lib/admin-queues.ts.

export interface Queue {
  key: QueueKey;
  count: number;
  /** When the oldest waiting item started waiting; null when the queue is empty. */
  oldestAt: Date | null;
  /** Whole hours the oldest item has waited; null when the queue is empty. */
  waitingHours: number | null;
}

type Counter = () => Promise<{ count: number; oldestAt: Date | null }>;

const summary = async (
  count: Promise<number>,
  oldest: Promise<Record<string, Date | null> | null>,
  field: string,
): Promise<{ count: number; oldestAt: Date | null }> => {
  const [n, first] = await Promise.all([count, oldest]);
  return { count: n, oldestAt: first?.[field] ?? null };
};

const COUNTERS: Readonly<Record<QueueKey, Counter>> = {
  moderation: () => {
    const where = { status: "SUBMITTED" } as const;
    return summary(
      db.vacancy.count({ where }),
      db.vacancy.findFirst({ where, orderBy: { submittedAt: "asc" }, select: { submittedAt: true } }),
      "submittedAt",
    );
  },
  resumes: () => {
    // The same resumes the resume moderation page lists.
    const where = { moderation: { in: [...QUEUED_RESUME_STATES] } };
    return summary(
      db.resume.count({ where }),
      db.resume.findFirst({ where, orderBy: { moderationQueuedAt: "asc" }, select: { moderationQueuedAt: true } }),
      "moderationQueuedAt",
    );
  },
  organizationTexts: () => {
    const where = { flaggedAt: { not: null }, deletedAt: null };
    return summary(
      db.organization.count({ where }),
      db.organization.findFirst({ where, orderBy: { flaggedAt: "asc" }, select: { flaggedAt: true } }),
      "flaggedAt",
    );
  },
  verification: () => {
    // The same organisations the verification page lists.
    const where = { verification: "PENDING" } as const;
    return summary(
      db.organization.count({ where }),
      db.organization.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
  complaints: () => {
    const where = { kind: "COMPLAINT" as const, status: { in: [...OPEN_TICKET_STATUSES] } };
    return summary(
      db.ticket.count({ where }),
      db.ticket.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
  feedback: () => {
    const where = { kind: "FEEDBACK" as const, status: { in: [...OPEN_TICKET_STATUSES] } };
    return summary(
      db.ticket.count({ where }),
      db.ticket.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
  invoices: () => {
    const where = { status: "PENDING", paymentMethod: "INVOICE" } as const;
    return summary(
      db.order.count({ where }),
      db.order.findFirst({ where, orderBy: { checkedOutAt: "asc" }, select: { checkedOutAt: true } }),
      "checkedOutAt",
    );
  },
  refunds: () => {
    const where = { status: "REQUESTED" } as const;
    return summary(
      db.refund.count({ where }),
      db.refund.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
  failedEmails: () => {
    const where = { status: "FAILED" } as const;
    return summary(
      db.emailMessage.count({ where }),
      db.emailMessage.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
  deletions: () => {
    // The same organisations the deletion requests page lists.
    const where = { deletionRequestedAt: { not: null }, deletedAt: null };
    return summary(
      db.organization.count({ where }),
      db.organization.findFirst({ where, orderBy: { deletionRequestedAt: "asc" }, select: { deletionRequestedAt: true } }),
      "deletionRequestedAt",
    );
  },
  appeals: () => {
    // Appeals against blocks, waiting for a decision.
    const where = { decision: null };
    return summary(
      db.blockAppeal.count({ where }),
      db.blockAppeal.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
      "createdAt",
    );
  },
};

/** The queues this staff member works, in the console's order. */
export async function staffQueues(role: StaffRole, now: Date = new Date()): Promise<Queue[]> {
  const keys = (Object.keys(COUNTERS) as QueueKey[]).filter((key) => queueVisibleTo(key, role));
  return Promise.all(
    keys.map(async (key) => {
      const { count, oldestAt } = await COUNTERS[key]();
      const waitingHours = oldestAt ? Math.max(0, Math.floor((now.getTime() - oldestAt.getTime()) / 3_600_000)) : null;
      return { key, count, oldestAt, waitingHours };
    }),
  );
}
