import type { Prisma } from "@/generated/prisma/client";
import type { StaffRole, TicketKind, TicketStatus } from "@/generated/prisma/enums";
import { isLocale } from "@/i18n/routing";
import { handlesTickets } from "@/lib/admin-queues";
import {
  canTicket,
  isOpenTicket,
  OPEN_TICKET_STATUSES,
  TICKET_ACTIONS,
  TICKET_TRANSITIONS,
  ticketAge,
  type TicketAction,
} from "@/lib/tickets";
import {
  answerTicketSchema,
  assignTicketSchema,
  closeTicketSchema,
  TICKET_KINDS,
  TICKET_PAGE_SIZE,
  ticketIdSchema,
  ticketListSchema,
} from "@/lib/validation/ticket";
import { audit, type UserActor } from "@/server/audit";
import { AccessDeniedError } from "@/server/auth/guards";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { ticketAnswerTemplate } from "@/server/email/templates/ticket-answer";
import { DomainError } from "@/server/errors";

// Staff work complaints and feedback here: list and filter them, take one, start it, answer it
// (the author gets the answer by email, guests too) or close it without an answer. Which staff
// handle which kind is the queues' role table (src/lib/admin-queues.ts); which status allows which action is the table in
// src/lib/tickets.ts. Every change is audited.

/** A staff member acting, with the role the session carries. */
export interface StaffActor extends UserActor {
  role: StaffRole;
}

const kindsFor = (role: StaffRole): TicketKind[] => TICKET_KINDS.filter((kind) => handlesTickets(kind, role));

function requireHandles(kind: TicketKind, role: StaffRole) {
  if (!handlesTickets(kind, role)) throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
}

/** The tickets the staff member handles, filtered and paged; open ones oldest first. */
export async function listTickets(raw: unknown, staff: StaffActor, now: Date = new Date()) {
  const input = ticketListSchema.parse(raw);
  const kinds = kindsFor(staff.role);
  if (input.kind) requireHandles(input.kind, staff.role);
  const status: Prisma.TicketWhereInput["status"] =
    input.status === "all" ? undefined : input.status === "open" ? { in: [...OPEN_TICKET_STATUSES] } : input.status;
  const where: Prisma.TicketWhereInput = {
    kind: input.kind ?? { in: kinds },
    status,
    reason: input.reason,
    handledById:
      input.assignee === undefined
        ? undefined
        : input.assignee === "mine"
          ? staff.userId
          : input.assignee === "unassigned"
            ? null
            : input.assignee,
    createdAt: input.from || input.to ? { gte: input.from, lt: input.to } : undefined,
  };
  // Waiting work oldest first (the one that slips is seen first); finished work newest first.
  const oldestFirst = input.status === "open" || (input.status !== "all" && isOpenTicket(input.status));
  const order = oldestFirst ? "asc" : "desc";
  const [total, rows] = await Promise.all([
    db.ticket.count({ where }),
    db.ticket.findMany({
      where,
      orderBy: [{ createdAt: order }, { id: order }],
      skip: (input.page - 1) * TICKET_PAGE_SIZE,
      take: TICKET_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        status: true,
        reason: true,
        message: true,
        authorName: true,
        authorId: true,
        createdAt: true,
        vacancy: { select: { id: true, title: true } },
        handledBy: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    tickets: rows.map(({ message, ...row }) => ({
      ...row,
      excerpt: message.length > 140 ? `${message.slice(0, 140)}…` : message,
      ...(isOpenTicket(row.status) ? ticketAge(row, now) : { ageHours: null, overdue: false }),
    })),
    total,
    page: input.page,
    /** Staff the list can be filtered by: those who handle a kind the caller sees. */
    assignees: await assigneesFor(kinds),
    pages: Math.max(1, Math.ceil(total / TICKET_PAGE_SIZE)),
  };
}

/** Staff who may be given tickets of these kinds: not blocked, of a role that handles one of them. */
function assigneesFor(kinds: readonly TicketKind[]) {
  return db.user
    .findMany({
      where: { staffRole: { not: null }, blockedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, email: true, staffRole: true },
      take: 500,
    })
    .then((staff) => staff.filter((s) => s.staffRole !== null && kinds.some((kind) => handlesTickets(kind, s.staffRole!))));
}

/** One ticket with its author, what it is about, who handles it, and what may be done with it now. */
export async function getTicket(raw: unknown, staff: StaffActor, now: Date = new Date()) {
  const { ticketId } = ticketIdSchema.parse(raw);
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      kind: true,
      status: true,
      reason: true,
      message: true,
      answer: true,
      decision: true,
      closeReason: true,
      locale: true,
      authorName: true,
      authorEmail: true,
      answeredAt: true,
      closedAt: true,
      createdAt: true,
      updatedAt: true,
      author: { select: { id: true, name: true, email: true } },
      vacancy: { select: { id: true, title: true, slug: true, status: true } },
      resume: { select: { id: true, title: true, moderation: true } },
      organization: { select: { id: true, displayName: true, slug: true, type: true, blockedAt: true } },
      handledBy: { select: { id: true, name: true } },
    },
  });
  if (!ticket) throw new DomainError("NOT_FOUND", "errors.tickets.notFound");
  requireHandles(ticket.kind, staff.role);
  const actions = TICKET_ACTIONS.filter((action) => canTicket(action, ticket.status));
  return {
    ...ticket,
    ...(isOpenTicket(ticket.status) ? ticketAge(ticket, now) : { ageHours: null, overdue: false }),
    actions,
    assignees: actions.includes("assign") ? await assigneesFor([ticket.kind]) : [],
  };
}

/** The ticket, read for a change by `staff`: it exists, they handle its kind, and `action` is allowed now. */
async function ticketFor(tx: DbTx, ticketId: number, staff: StaffActor, action: TicketAction) {
  const ticket = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true,
      kind: true,
      status: true,
      message: true,
      locale: true,
      authorName: true,
      authorEmail: true,
      handledById: true,
      author: { select: { name: true, email: true } },
      vacancy: { select: { status: true } },
    },
  });
  if (!ticket) throw new DomainError("NOT_FOUND", "errors.tickets.notFound");
  requireHandles(ticket.kind, staff.role);
  if (!canTicket(action, ticket.status)) throw new DomainError("CONFLICT", "errors.tickets.wrongState");
  return ticket;
}

/**
 * Applies the change only if the ticket is still in a status the action allows: of two staff
 * members acting at once, the second finds the row changed (PostgreSQL re-reads it after the
 * first commits) and gets CONFLICT, so an answer is never sent twice.
 */
async function transition(tx: DbTx, ticketId: number, action: TicketAction, data: Prisma.TicketUncheckedUpdateManyInput) {
  const rule = TICKET_TRANSITIONS[action];
  const { count } = await tx.ticket.updateMany({
    where: { id: ticketId, status: { in: [...(rule.from as readonly TicketStatus[])] } },
    data: { ...data, ...(rule.to ? { status: rule.to } : {}) },
  });
  if (count === 0) throw new DomainError("CONFLICT", "errors.tickets.wrongState");
}

/** Gives the ticket to a staff member who handles its kind (the caller themself included). */
export async function assignTicket(raw: unknown, staff: StaffActor) {
  const input = assignTicketSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const ticket = await ticketFor(tx, input.ticketId, staff, "assign");
    const assignee = await tx.user.findUnique({
      where: { id: input.assigneeId },
      select: { id: true, staffRole: true, blockedAt: true },
    });
    if (!assignee?.staffRole || assignee.blockedAt || !handlesTickets(ticket.kind, assignee.staffRole)) {
      throw new DomainError("VALIDATION", "errors.tickets.assigneeNotAllowed", { field: "assigneeId" });
    }
    if (ticket.handledById === assignee.id) return { changed: false };
    await transition(tx, ticket.id, "assign", { handledById: assignee.id });
    await audit(
      tx,
      staff,
      "ticket.assign",
      { type: "ticket", id: ticket.id },
      {
        data: { from: ticket.handledById, to: assignee.id },
      },
    );
    return { changed: true };
  });
}

/** NEW → IN_PROGRESS; an unassigned ticket becomes the caller's. */
export async function startTicket(raw: unknown, staff: StaffActor) {
  const input = ticketIdSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const ticket = await ticketFor(tx, input.ticketId, staff, "start");
    const handledById = ticket.handledById ?? staff.userId;
    await transition(tx, ticket.id, "start", { handledById });
    await audit(tx, staff, "ticket.start", { type: "ticket", id: ticket.id }, { data: { handledById } });
    return { status: TICKET_TRANSITIONS.start.to };
  });
}

type Decision = NonNullable<ReturnType<typeof answerTicketSchema.parse>["decision"]>;

/**
 * A complaint records what moderation decided; feedback has nothing to decide. A decision that
 * the vacancy was taken down is refused while the vacancy is still published.
 */
function checkDecision(
  ticket: { kind: TicketKind; vacancy: { status: string } | null },
  decision: Decision | undefined,
  required: boolean,
) {
  if (ticket.kind === "FEEDBACK") {
    if (decision) throw new DomainError("VALIDATION", "errors.tickets.decisionNotForFeedback", { field: "decision" });
    return;
  }
  if (!decision) {
    if (required) throw new DomainError("VALIDATION", "validation.tickets.decisionRequired", { field: "decision" });
    return;
  }
  if (decision !== "NO_VIOLATION" && ticket.vacancy?.status === "PUBLISHED") {
    throw new DomainError("CONFLICT", "errors.tickets.vacancyStillPublished", { field: "decision" });
  }
}

/**
 * IN_PROGRESS → ANSWERED, and the answer emailed to the author (the account's address, or the
 * guest's) in the ticket's language, through the outbox, once.
 */
export async function answerTicket(raw: unknown, staff: StaffActor, now: Date = new Date()) {
  const input = answerTicketSchema.parse(raw);
  const ticket = await db.$transaction(async (tx) => {
    const ticket = await ticketFor(tx, input.ticketId, staff, "answer");
    checkDecision(ticket, input.decision, true);
    if (!(ticket.author?.email ?? ticket.authorEmail)) throw new DomainError("CONFLICT", "errors.tickets.noAddress");
    await transition(tx, ticket.id, "answer", {
      answer: input.answer,
      answeredAt: now,
      decision: input.decision ?? null,
      handledById: ticket.handledById ?? staff.userId,
    });
    await audit(
      tx,
      staff,
      "ticket.answer",
      { type: "ticket", id: ticket.id },
      {
        data: { decision: input.decision ?? null, kind: ticket.kind },
      },
    );
    return ticket;
  });

  const locale = isLocale(ticket.locale) ? ticket.locale : "ru";
  const to = (ticket.author?.email ?? ticket.authorEmail)!;
  const built = ticketAnswerTemplate({
    locale,
    ticketId: ticket.id,
    kind: ticket.kind,
    name: ticket.author?.name ?? ticket.authorName,
    message: ticket.message,
    answer: input.answer,
  });
  const { html, text } = await renderEmail(built.element);
  const sent = await getMailer().send({
    to,
    subject: built.subject,
    html,
    text,
    template: "ticket-answer",
    locale,
    idempotencyKey: `ticket-answer:${ticket.id}`,
  });
  return { status: TICKET_TRANSITIONS.answer.to, emailId: sent.emailId, delivered: sent.delivered };
}

/** NEW or IN_PROGRESS → CLOSED_NO_ANSWER, for a repeat or abuse; nothing is emailed. */
export async function closeTicket(raw: unknown, staff: StaffActor, now: Date = new Date()) {
  const input = closeTicketSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const ticket = await ticketFor(tx, input.ticketId, staff, "close");
    checkDecision(ticket, input.decision, false);
    await transition(tx, ticket.id, "close", {
      closeReason: input.closeReason,
      closedAt: now,
      decision: input.decision ?? null,
      handledById: ticket.handledById ?? staff.userId,
    });
    await audit(
      tx,
      staff,
      "ticket.close",
      { type: "ticket", id: ticket.id },
      {
        reason: input.closeReason,
        data: { decision: input.decision ?? null, kind: ticket.kind },
      },
    );
    return { status: TICKET_TRANSITIONS.close.to };
  });
}
