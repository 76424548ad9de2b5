import { z } from "zod";

import { ComplaintDecision, ComplaintReason, TicketCloseReason, TicketKind, TicketStatus } from "@/generated/prisma/enums";

// What staff send when they work tickets (the admin console's forms and the procedures share these).

export const TICKET_KINDS = Object.values(TicketKind);
export const TICKET_STATUSES = Object.values(TicketStatus);
export const COMPLAINT_DECISIONS = Object.values(ComplaintDecision);
export const TICKET_CLOSE_REASONS = Object.values(TicketCloseReason);

export const TICKET_PAGE_SIZE = 25;
export const TICKET_ANSWER_MAX = 5000;

const ticketId = z.number().int().positive().max(2_147_483_647);

export const ticketListSchema = z.object({
  kind: z.enum(TicketKind).optional(),
  /** "open" (the default) is NEW and IN_PROGRESS together; "all" is every status. */
  status: z.union([z.enum(TicketStatus), z.literal("open"), z.literal("all")]).default("open"),
  reason: z.enum(ComplaintReason).optional(),
  /** "mine", "unassigned", or a staff member's id. */
  assignee: z.union([z.literal("mine"), z.literal("unassigned"), ticketId]).optional(),
  /** Created at or after / before (half-open range). */
  from: z.date().optional(),
  to: z.date().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type TicketListInput = z.input<typeof ticketListSchema>;

export const ticketIdSchema = z.object({ ticketId });

export const assignTicketSchema = z.object({ ticketId, assigneeId: ticketId });

export const answerTicketSchema = z.object({
  ticketId,
  answer: z
    .string({ error: "validation.required" })
    .trim()
    .min(10, "validation.tickets.answerTooShort")
    .max(TICKET_ANSWER_MAX, "validation.tickets.answerTooLong"),
  /** Required for a complaint, refused for feedback (the service checks it against the ticket). */
  decision: z.enum(ComplaintDecision, { error: "validation.tickets.decisionRequired" }).optional(),
});

export const closeTicketSchema = z.object({
  ticketId,
  closeReason: z.enum(TicketCloseReason, { error: "validation.tickets.closeReasonRequired" }),
  decision: z.enum(ComplaintDecision).optional(),
});
