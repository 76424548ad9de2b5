-- Tickets answered by staff: a complaint's decision, and why a ticket was closed without an answer.
CREATE TYPE "ComplaintDecision" AS ENUM ('NO_VIOLATION', 'VACANCY_RETURNED', 'VACANCY_REMOVED');
CREATE TYPE "TicketCloseReason" AS ENUM ('REPEAT', 'ABUSE');

ALTER TABLE "tickets"
  ADD COLUMN "decision" "ComplaintDecision",
  ADD COLUMN "close_reason" "TicketCloseReason",
  ADD COLUMN "closed_at" TIMESTAMPTZ(3);

-- The console's list filters by assignee.
CREATE INDEX "tickets_handled_by_id_idx" ON "tickets" ("handled_by_id");
