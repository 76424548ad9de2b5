import type { TraineeStatus } from "@/generated/prisma/enums";
import { dateToDay } from "@/lib/schools/calendar-day";
import type { Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { assertInstructorSees, requireSchoolReader } from "./school-access";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

export interface TraineeDetails extends TraineeView {
  history: { status: TraineeStatus; effectiveOn: string; note: string | null; changedBy: string | null; recordedAt: Date }[];
}

/** One trainee with their status history, oldest first; an instructor only of a group they teach. */
export async function getTrainee(actor: Actor, organizationId: number, traineeId: number): Promise<TraineeDetails> {
  const member = await requireSchoolReader(actor, organizationId);
  const row = await db.trainee.findFirst({
    where: { id: traineeId, organizationId },
    select: {
      ...traineeViewSelect,
      group: { select: { id: true, name: true, instructorId: true } },
      statusChanges: {
        orderBy: [{ effectiveOn: "asc" }, { id: "asc" }],
        select: { status: true, effectiveOn: true, note: true, createdAt: true, changedBy: { select: { name: true } } },
      },
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", "errors.school.traineeNotFound");
  assertInstructorSees(member, row.group?.instructorId);
  return {
    ...toTraineeView({ ...row, group: row.group ? { id: row.group.id, name: row.group.name } : null }),
    history: row.statusChanges.map((c) => ({
      status: c.status,
      effectiveOn: dateToDay(c.effectiveOn),
      note: c.note,
      changedBy: c.changedBy?.name ?? null,
      recordedAt: c.createdAt,
    })),
  };
}
