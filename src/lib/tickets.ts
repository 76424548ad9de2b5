import type { TicketKind, TicketStatus } from "@/generated/prisma/enums";

// How a ticket moves, in one place: the server refuses anything this table does not allow, and the
// console offers only the actions it allows.

export type TicketAction = "assign" | "start" | "answer" | "close";

export const TICKET_TRANSITIONS = {
  /** Assignment changes who handles it, not its status. */
  assign: { from: ["NEW", "IN_PROGRESS"], to: null },
  start: { from: ["NEW"], to: "IN_PROGRESS" },
  answer: { from: ["IN_PROGRESS"], to: "ANSWERED" },
  /** Repeats and abuse are closed without an answer, taken up first or not (Q 3.1.4). */
  close: { from: ["NEW", "IN_PROGRESS"], to: "CLOSED_NO_ANSWER" },
} as const satisfies Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus | null }>;

export const TICKET_ACTIONS = Object.keys(TICKET_TRANSITIONS) as TicketAction[];

export const canTicket = (action: TicketAction, status: TicketStatus): boolean =>
  (TICKET_TRANSITIONS[action].from as readonly TicketStatus[]).includes(status);

export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ["NEW", "IN_PROGRESS"];

export const isOpenTicket = (status: TicketStatus) => OPEN_TICKET_STATUSES.includes(status);

/**
 * How long an open ticket may wait before the console highlights it as overdue. A complaint is
 * about a vacancy that is on the site right now: a fraudulent one harms seekers every hour it
 * stays, so a complaint must be looked at within one day. Feedback is a question or a suggestion
 * with no harm that grows while it waits; three days leave room for a weekend.
 */
export const TICKET_SLA_HOURS: Readonly<Record<TicketKind, number>> = { COMPLAINT: 24, FEEDBACK: 72 };

/** Whole hours since the ticket was created, and whether that is over its kind's limit. */
export function ticketAge(ticket: { kind: TicketKind; createdAt: Date }, now: Date): { ageHours: number; overdue: boolean } {
  const ageHours = Math.max(0, Math.floor((now.getTime() - ticket.createdAt.getTime()) / 3_600_000));
  return { ageHours, overdue: ageHours >= TICKET_SLA_HOURS[ticket.kind] };
}
