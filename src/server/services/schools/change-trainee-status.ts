import { dateToDay, dayToDate } from "@/lib/schools/calendar-day";
import { canChangeStatus } from "@/lib/schools/trainee-rules";
import { statusChangeSchema, type StatusChangeInput } from "@/lib/validation/school";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { inviteGraduate, revokeGraduateInvitations, sendGraduateInvitations } from "./graduate-invitations";
import { assertSchoolWritable, requireSchoolWriter, schoolToday } from "./school-access";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

/**
 * Moves a trainee to a new status and appends it to their history, dated by the day it took
 * effect (today unless given; never in the future, never before the previous change). A graduate
 * gets the certificate's number and date; no other status carries one. Any change revokes the
 * trainee's unused graduate invitation; becoming GRADUATED as an adult with an email writes a new
 * one, emailed once the change commits (graduate-invitations.ts).
 */
export async function changeTraineeStatus(
  actor: Actor,
  organizationId: number,
  traineeId: number,
  input: StatusChangeInput,
): Promise<TraineeView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const change = statusChangeSchema.parse(input);
  const today = schoolToday();
  const effectiveOn = change.effectiveOn ?? today;
  if (effectiveOn > today) throw new DomainError("VALIDATION", "validation.trainee.dateFuture", { field: "effectiveOn" });
  if (change.status === "GRADUATED" && !change.certificate) {
    throw new DomainError("VALIDATION", "validation.trainee.certificateRequired", { field: "certificate" });
  }
  if (change.status !== "GRADUATED" && change.certificate) {
    throw new DomainError("VALIDATION", "validation.trainee.certificateOnlyGraduates", { field: "certificate" });
  }
  if (change.certificate && change.certificate.date > today) {
    throw new DomainError("VALIDATION", "validation.trainee.dateFuture", { field: "certificate" });
  }
  const now = new Date();
  const { view, invitation } = await db.$transaction(async (tx) => {
    await assertSchoolWritable(tx, organizationId);
    // Two changes of the same trainee at once would both read the old status: one waits.
    const locked = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM trainees WHERE id = ${traineeId} AND organization_id = ${organizationId} FOR UPDATE`;
    if (locked.length === 0) throw new DomainError("NOT_FOUND", "errors.school.traineeNotFound");
    const trainee = await tx.trainee.findUniqueOrThrow({
      where: { id: traineeId },
      select: { status: true, statusChanges: { orderBy: { effectiveOn: "desc" }, take: 1, select: { effectiveOn: true } } },
    });
    if (!canChangeStatus(trainee.status, change.status)) {
      throw new DomainError("CONFLICT", "errors.school.statusChangeNotAllowed", { field: "status" });
    }
    const last = trainee.statusChanges[0];
    if (last && effectiveOn < dateToDay(last.effectiveOn)) {
      throw new DomainError("VALIDATION", "errors.school.statusDateBeforeLast", { field: "effectiveOn" });
    }
    const updated = await tx.trainee.update({
      where: { id: traineeId },
      data: {
        status: change.status,
        certificateNumber: change.certificate?.number ?? null,
        certificateDate: change.certificate ? dayToDate(change.certificate.date) : null,
        statusChanges: {
          create: { status: change.status, effectiveOn: dayToDate(effectiveOn), note: change.note, changedById: member.userId },
        },
      },
      select: traineeViewSelect,
    });
    await audit(
      tx,
      member,
      "school.trainee.status",
      { type: "trainee", id: traineeId },
      { data: { organizationId, from: trainee.status, to: change.status } },
    );
    await revokeGraduateInvitations(tx, traineeId, now);
    const invitation = change.status === "GRADUATED" ? await inviteGraduate(tx, traineeId, member.userId, now) : null;
    return { view: toTraineeView(updated), invitation };
  });
  if (invitation) await sendGraduateInvitations([invitation], now);
  return view;
}
