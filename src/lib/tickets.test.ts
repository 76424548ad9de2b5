import { describe, expect, it } from "vitest";

import { canTicket, TICKET_ACTIONS, TICKET_SLA_HOURS, ticketAge } from "./tickets";

describe("the ticket transition table", () => {
  it("allows each action only from its statuses", () => {
    const allowed = (status: Parameters<typeof canTicket>[1]) => TICKET_ACTIONS.filter((a) => canTicket(a, status));
    expect(allowed("NEW")).toEqual(["assign", "start", "close"]);
    expect(allowed("IN_PROGRESS")).toEqual(["assign", "answer", "close"]);
    expect(allowed("ANSWERED")).toEqual([]);
    expect(allowed("CLOSED_NO_ANSWER")).toEqual([]);
  });
});

describe("ticketAge", () => {
  const createdAt = new Date("2026-12-01T00:00:00Z");
  const after = (hours: number) => new Date(createdAt.getTime() + hours * 3_600_000 + 59_000);

  it("counts whole hours and is overdue from the kind's limit on", () => {
    expect(TICKET_SLA_HOURS).toEqual({ COMPLAINT: 24, FEEDBACK: 72 });
    expect(ticketAge({ kind: "COMPLAINT", createdAt }, after(23))).toEqual({ ageHours: 23, overdue: false });
    expect(ticketAge({ kind: "COMPLAINT", createdAt }, after(24))).toEqual({ ageHours: 24, overdue: true });
    expect(ticketAge({ kind: "FEEDBACK", createdAt }, after(71))).toEqual({ ageHours: 71, overdue: false });
    expect(ticketAge({ kind: "FEEDBACK", createdAt }, after(72))).toEqual({ ageHours: 72, overdue: true });
    // A clock behind the database's never gives a negative age.
    expect(ticketAge({ kind: "FEEDBACK", createdAt }, new Date(createdAt.getTime() - 60_000)).ageHours).toBe(0);
  });
});
