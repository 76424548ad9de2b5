import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import type { Prisma } from "@/generated/prisma/client";
import type { StaffRole } from "@/generated/prisma/enums";
import { TICKET_PAGE_SIZE } from "@/lib/validation/ticket";
import { AccessDeniedError } from "@/server/auth/guards";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { createOrganization, createUser } from "../../../../test/support/factories";

import { answerTicket, assignTicket, closeTicket, getTicket, listTickets, startTicket, type StaffActor } from "./handle-tickets";

const unique = () => randomBytes(4).toString("hex");
const HOUR = 3_600_000;

let support: StaffActor;
let moderator: StaffActor;
let superadmin: StaffActor;
let finance: StaffActor;
let organizationId: number;
let cityId: number;

async function staff(role: StaffRole): Promise<StaffActor> {
  const user = await createUser({ isSeeker: false, staffRole: role });
  return { userId: user.id, ip: "10.0.0.1", role };
}

beforeAll(async () => {
  [support, moderator, superadmin, finance] = [
    await staff("SUPPORT"),
    await staff("MODERATOR"),
    await staff("SUPERADMIN"),
    await staff("FINANCE"),
  ];
  organizationId = (await createOrganization("EMPLOYER")).id;
  const region = await db.region.create({ data: { slug: `region-${unique()}`, nameRu: "Область", nameKk: "Облыс" } });
  cityId = (await db.city.create({ data: { regionId: region.id, slug: `city-${unique()}`, nameRu: "Город", nameKk: "Қала" } }))
    .id;
});

function vacancy(status: "PUBLISHED" | "REMOVED") {
  return db.vacancy.create({
    data: {
      organizationId,
      cityId,
      title: "Водитель",
      slug: "voditel",
      description: "<p>Перевозки.</p>",
      status,
      publishedAt: new Date(),
    },
    select: { id: true },
  });
}

function ticket(data: Partial<Prisma.TicketUncheckedCreateInput> = {}) {
  return db.ticket.create({
    data: {
      kind: "COMPLAINT",
      reason: "FRAUD",
      message: "Просят деньги за обучение до собеседования.",
      authorEmail: `guest-${unique()}@example.kz`,
      authorName: "Гость",
      ...data,
    },
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const auditOf = (ticketId: number) =>
  db.auditLog.findMany({ where: { entityType: "ticket", entityId: String(ticketId) }, orderBy: { id: "asc" } });

const emailsTo = (to: string) => db.emailMessage.findMany({ where: { toAddress: to }, orderBy: { id: "asc" } });

describe("ticket transitions", () => {
  it("NEW → IN_PROGRESS → ANSWERED: the start takes an unassigned ticket, each step is audited", async () => {
    const removed = await vacancy("REMOVED");
    const t = await ticket({ vacancyId: removed.id, organizationId });
    await startTicket({ ticketId: t.id }, moderator);
    let row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", handledById: moderator.userId });

    const now = new Date("2026-12-01T10:00:00Z");
    const result = await answerTicket(
      { ticketId: t.id, answer: "Вакансия снята с публикации. Спасибо!", decision: "VACANCY_REMOVED" },
      moderator,
      now,
    );
    expect(result.status).toBe("ANSWERED");
    row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ status: "ANSWERED", decision: "VACANCY_REMOVED", answeredAt: now });
    expect((await auditOf(t.id)).map((a) => [a.action, a.actorId])).toEqual([
      ["ticket.start", moderator.userId],
      ["ticket.answer", moderator.userId],
    ]);
  });

  it("refuses what the table does not allow and writes nothing", async () => {
    const fresh = await ticket();
    // Answering needs the ticket taken up first.
    expect(
      (
        await refusal(
          answerTicket({ ticketId: fresh.id, answer: "Ответ без работы над ним.", decision: "NO_VIOLATION" }, support),
        )
      ).messageKey,
    ).toBe("errors.tickets.wrongState");
    await closeTicket({ ticketId: fresh.id, closeReason: "REPEAT" }, support);
    const closed = await db.ticket.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(closed).toMatchObject({ status: "CLOSED_NO_ANSWER", closeReason: "REPEAT", handledById: support.userId });

    for (const attempt of [
      () => startTicket({ ticketId: fresh.id }, support),
      () => closeTicket({ ticketId: fresh.id, closeReason: "ABUSE" }, support),
      () => assignTicket({ ticketId: fresh.id, assigneeId: moderator.userId }, support),
      () => answerTicket({ ticketId: fresh.id, answer: "Поздний ответ на закрытое.", decision: "NO_VIOLATION" }, support),
    ]) {
      const error = await refusal(attempt());
      expect(error.code).toBe("CONFLICT");
      expect(error.messageKey).toBe("errors.tickets.wrongState");
    }
    expect(await db.ticket.findUniqueOrThrow({ where: { id: fresh.id } })).toEqual(closed);
    expect((await auditOf(fresh.id)).map((a) => [a.action, a.reason])).toEqual([["ticket.close", "REPEAT"]]);
    expect(await emailsTo(fresh.authorEmail!)).toEqual([]);
  });

  it("a complaint's answer needs a decision that matches the vacancy; feedback takes none", async () => {
    const live = await vacancy("PUBLISHED");
    const complaint = await ticket({ vacancyId: live.id, organizationId, status: "IN_PROGRESS" });
    const feedback = await ticket({ kind: "FEEDBACK", reason: null, status: "IN_PROGRESS" });
    const noDecision = await refusal(answerTicket({ ticketId: complaint.id, answer: "Проверили вакансию." }, support));
    expect([noDecision.code, noDecision.options.field]).toEqual(["VALIDATION", "decision"]);
    const stillLive = await refusal(
      answerTicket({ ticketId: complaint.id, answer: "Вакансия снята.", decision: "VACANCY_REMOVED" }, support),
    );
    expect(stillLive.messageKey).toBe("errors.tickets.vacancyStillPublished");
    const feedbackDecision = await refusal(
      answerTicket({ ticketId: feedback.id, answer: "Спасибо за предложение.", decision: "NO_VIOLATION" }, support),
    );
    expect(feedbackDecision.messageKey).toBe("errors.tickets.decisionNotForFeedback");
    for (const t of [complaint, feedback]) {
      expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: "IN_PROGRESS", answer: null });
      expect(await auditOf(t.id)).toEqual([]);
      expect(await emailsTo(t.authorEmail!)).toEqual([]);
    }
    await answerTicket({ ticketId: complaint.id, answer: "Нарушений не нашли.", decision: "NO_VIOLATION" }, support);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: complaint.id } })).toMatchObject({ decision: "NO_VIOLATION" });
  });
});

describe("the answer email", () => {
  it("goes to a guest at the address given, in the ticket's language", async () => {
    const t = await ticket({ kind: "FEEDBACK", reason: null, locale: "kk", status: "IN_PROGRESS", authorName: "Айгүл" });
    await answerTicket({ ticketId: t.id, answer: "Сұрағыңызға рақмет, жауабымыз осы." }, support);
    const [email, ...more] = await emailsTo(t.authorEmail!);
    expect(more).toEqual([]);
    expect(email).toMatchObject({ locale: "kk", template: "ticket-answer", subject: `№ ${t.id} өтінішіңізге жауап` });
    expect(email!.text).toContain("Сәлеметсіз бе, Айгүл!");
    expect(email!.text).toContain("Сұрағыңызға рақмет, жауабымыз осы.");
    expect(email!.text).toContain(t.message);
  });

  it("goes to a signed-in author's account address, in the ticket's language (ru)", async () => {
    const author = await createUser({ name: "Асель Нурланова" });
    const t = await ticket({ authorId: author.id, authorEmail: author.email, locale: "ru", status: "IN_PROGRESS" });
    await answerTicket(
      { ticketId: t.id, answer: "Нарушений не нашли, вакансия в порядке.", decision: "NO_VIOLATION" },
      moderator,
    );
    const [email] = await emailsTo(author.email);
    expect(email).toMatchObject({ locale: "ru", subject: `Ответ на вашу жалобу № ${t.id}` });
    expect(email!.text).toContain("Здравствуйте, Асель Нурланова!");
  });

  it("is sent once when two staff members answer at the same time", async () => {
    const t = await ticket({ kind: "FEEDBACK", reason: null, status: "IN_PROGRESS" });
    const outcomes = await Promise.allSettled([
      answerTicket({ ticketId: t.id, answer: "Первый ответ на обращение." }, support),
      answerTicket({ ticketId: t.id, answer: "Второй ответ на обращение." }, superadmin),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as DomainError).messageKey).toBe("errors.tickets.wrongState");
    const emails = await emailsTo(t.authorEmail!);
    expect(emails).toHaveLength(1);
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(emails[0]!.text).toContain(stored.answer!);
    expect((await auditOf(t.id)).filter((a) => a.action === "ticket.answer")).toHaveLength(1);
  });
});

describe("assignment", () => {
  it("goes to staff who handle the ticket's kind; anyone else is refused and nothing is written", async () => {
    const feedback = await ticket({ kind: "FEEDBACK", reason: null });
    const seeker = await createUser();
    for (const assigneeId of [seeker.id, moderator.userId, finance.userId, 999_999_999]) {
      const error = await refusal(assignTicket({ ticketId: feedback.id, assigneeId }, support));
      expect([error.code, error.messageKey, error.options.field]).toEqual([
        "VALIDATION",
        "errors.tickets.assigneeNotAllowed",
        "assigneeId",
      ]);
    }
    expect((await db.ticket.findUniqueOrThrow({ where: { id: feedback.id } })).handledById).toBeNull();
    expect(await auditOf(feedback.id)).toEqual([]);

    expect(await assignTicket({ ticketId: feedback.id, assigneeId: superadmin.userId }, support)).toEqual({ changed: true });
    expect(await assignTicket({ ticketId: feedback.id, assigneeId: superadmin.userId }, support)).toEqual({ changed: false });
    const complaint = await ticket();
    await assignTicket({ ticketId: complaint.id, assigneeId: moderator.userId }, support);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: complaint.id } })).handledById).toBe(moderator.userId);
    const [entry] = await auditOf(feedback.id);
    expect(entry).toMatchObject({
      action: "ticket.assign",
      actorId: support.userId,
      data: { from: null, to: superadmin.userId },
    });
  });

  it("a moderator neither sees nor works feedback", async () => {
    const feedback = await ticket({ kind: "FEEDBACK", reason: null });
    for (const attempt of [
      () => getTicket({ ticketId: feedback.id }, moderator),
      () => startTicket({ ticketId: feedback.id }, moderator),
      () => listTickets({ kind: "FEEDBACK" }, moderator),
    ]) {
      expect(await refusal(attempt())).toBeInstanceOf(AccessDeniedError);
    }
    const page = await listTickets({ status: "all", from: new Date(0) }, moderator);
    expect(page.tickets.every((t) => t.kind === "COMPLAINT")).toBe(true);
  });
});

describe("the list", () => {
  // Tickets of a day long past, so the other tests' tickets stay out of the date range.
  const day = new Date(Date.UTC(2001, 0, 1 + Math.floor(Math.random() * 3000)));
  const at = (hours: number) => new Date(day.getTime() + hours * HOUR);
  const range = { from: day, to: at(24) };

  it("filters by kind, status, reason, assignee and date, open ones oldest first, with their age", async () => {
    const a = await ticket({ createdAt: at(3), reason: "FRAUD" });
    const b = await ticket({ createdAt: at(1), reason: "OTHER", handledById: support.userId, status: "IN_PROGRESS" });
    const c = await ticket({ createdAt: at(2), kind: "FEEDBACK", reason: null, handledById: moderator.userId });
    const d = await ticket({ createdAt: at(4), status: "ANSWERED" });
    await ticket({ createdAt: at(25) }); // the next day

    const ids = async (filter: Record<string, unknown>) =>
      (await listTickets({ ...range, ...filter }, support)).tickets.map((t) => t.id);
    expect(await ids({})).toEqual([b.id, c.id, a.id]);
    expect(await ids({ status: "all" })).toEqual([d.id, a.id, c.id, b.id]);
    expect(await ids({ status: "ANSWERED" })).toEqual([d.id]);
    expect(await ids({ kind: "FEEDBACK" })).toEqual([c.id]);
    expect(await ids({ reason: "FRAUD" })).toEqual([a.id]);
    expect(await ids({ assignee: "mine" })).toEqual([b.id]);
    expect(await ids({ assignee: "unassigned" })).toEqual([a.id]);
    expect(await ids({ assignee: moderator.userId })).toEqual([c.id]);
    expect(await ids({ from: at(2), to: at(3) })).toEqual([c.id]);

    // Ages: the complaint over a day old is overdue, the feedback under three days is not.
    const now = at(40);
    const page = await listTickets(range, support, now);
    expect(page.tickets.map((t) => [t.id, t.ageHours, t.overdue])).toEqual([
      [b.id, 39, true],
      [c.id, 38, false],
      [a.id, 37, true],
    ]);
    const answered = (await listTickets({ ...range, status: "ANSWERED" }, support, now)).tickets[0]!;
    expect([answered.ageHours, answered.overdue]).toEqual([null, false]);
  });

  it("pages by 25", async () => {
    const other = new Date(Date.UTC(1995, 0, 1 + Math.floor(Math.random() * 2000)));
    await db.ticket.createMany({
      data: Array.from({ length: TICKET_PAGE_SIZE + 2 }, (_, i) => ({
        kind: "COMPLAINT" as const,
        message: `Жалоба номер ${i}`,
        createdAt: new Date(other.getTime() + i * 60_000),
      })),
    });
    const filter = { from: other, to: new Date(other.getTime() + 86_400_000) };
    const first = await listTickets(filter, superadmin);
    const second = await listTickets({ ...filter, page: 2 }, superadmin);
    expect([first.total, first.pages, first.tickets.length, second.tickets.length]).toEqual([27, 2, 25, 2]);
    expect(second.tickets.map((t) => t.excerpt)).toEqual(["Жалоба номер 25", "Жалоба номер 26"]);
  });
});
