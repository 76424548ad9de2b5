import type { StaffRole, TicketKind } from "@/generated/prisma/enums";

// Which staff role works which queue of the admin console: the one role table, read by the queue
// counts, the console's navigation and pages, and the tickets service.

export type QueueKey =
  | "moderation"
  | "resumes"
  | "organizationTexts"
  | "verification"
  | "complaints"
  | "feedback"
  | "invoices"
  | "refunds"
  | "failedEmails"
  | "deletions"
  | "appeals";

/** Staff work that is not a queue: who does it (SUPERADMIN always). */
export type StaffSectionKey = QueueKey | "terms";

/** Who works each queue; SUPERADMIN sees them all. */
export const QUEUE_ROLES: Readonly<Record<StaffSectionKey, readonly StaffRole[]>> = {
  moderation: ["MODERATOR"],
  // Resumes flagged by the prohibited-words list or asking for a review after being hidden.
  resumes: ["MODERATOR"],
  // Organisations whose names or description have terms of the list.
  organizationTexts: ["MODERATOR"],
  // The prohibited-words list itself.
  terms: ["MODERATOR"],
  verification: ["MODERATOR", "SUPPORT"],
  complaints: ["MODERATOR", "SUPPORT"],
  feedback: ["SUPPORT"],
  invoices: ["FINANCE"],
  refunds: ["FINANCE"],
  failedEmails: ["SUPPORT"],
  // Destructive and rare: superadmins only.
  deletions: [],
  appeals: ["MODERATOR"],
};

/** The queue each kind of ticket waits in: its roles are the roles that handle that kind. */
export const TICKET_QUEUE: Readonly<Record<TicketKind, QueueKey>> = { COMPLAINT: "complaints", FEEDBACK: "feedback" };

/** Every role that handles some kind of ticket (the tickets console's gate). */
export const TICKET_STAFF_ROLES: readonly StaffRole[] = [
  ...new Set(Object.values(TICKET_QUEUE).flatMap((key) => QUEUE_ROLES[key])),
];

export const queueVisibleTo = (key: StaffSectionKey, role: StaffRole) => role === "SUPERADMIN" || QUEUE_ROLES[key].includes(role);

/** Whether a staff member of `role` handles tickets of `kind`. */
export const handlesTickets = (kind: TicketKind, role: StaffRole) => queueVisibleTo(TICKET_QUEUE[kind], role);

/**
 * The metrics page's parts and who reads each (SUPERADMIN reads all): the platform's activity
 * (publications, applications, sign-ups, digests, moderation time) is the superadmin's; revenue
 * goes to the role that works the money queues too.
 */
export type MetricsPart = "activity" | "revenue";
export const METRICS_ROLES: Readonly<Record<MetricsPart, readonly StaffRole[]>> = {
  activity: [],
  revenue: QUEUE_ROLES.invoices,
};

/** Every role that opens the metrics page for some part of it. */
export const METRICS_STAFF_ROLES: readonly StaffRole[] = [...new Set(Object.values(METRICS_ROLES).flat())];

export const metricsVisibleTo = (part: MetricsPart, role: StaffRole) =>
  role === "SUPERADMIN" || METRICS_ROLES[part].includes(role);
