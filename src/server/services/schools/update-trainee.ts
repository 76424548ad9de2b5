import { traineeInputSchema, type TraineeInput } from "@/lib/validation/school";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { inviteGraduate, revokeGraduateInvitations, sendGraduateInvitations } from "./graduate-invitations";
import { assertSchoolWritable, requireSchoolWriter, schoolToday } from "./school-access";
import { checkTraineeValues, iinTaken, iinTakenError, traineeData } from "./trainee-checks";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

/**
 * Corrects a trainee's record; the status changes only through changeTraineeStatus. A graduate's
 * corrected email revokes the unused invitation sent to the old address and sends a fresh one to
 * the new (a graduate with no invitation yet is found by the daily job).
 */
export async function updateTrainee(
  actor: Actor,
  organizationId: number,
  traineeId: number,
  input: TraineeInput,
): Promise<TraineeView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const values = traineeInputSchema.parse(input);
  try {
    const now = new Date();
    const { view, invitation } = await db.$transaction(async (tx) => {
      await assertSchoolWritable(tx, organizationId);
      const current = await tx.trainee.findFirst({
        where: { id: traineeId, organizationId },
        select: { id: true, email: true, status: true },
      });
      if (!current) throw new DomainError("NOT_FOUND", "errors.school.traineeNotFound");
      await checkTraineeValues(tx, organizationId, values, { today: schoolToday(), traineeId });
      const trainee = await tx.trainee.update({ where: { id: traineeId }, data: traineeData(values), select: traineeViewSelect });
      await audit(tx, member, "school.trainee.update", { type: "trainee", id: traineeId }, { data: { organizationId } });
      const readdressed =
        current.status === "GRADUATED" &&
        current.email !== trainee.email &&
        (await revokeGraduateInvitations(tx, traineeId, now)) > 0;
      const invitation = readdressed ? await inviteGraduate(tx, traineeId, member.userId, now) : null;
      return { view: toTraineeView(trainee), invitation };
    });
    if (invitation) await sendGraduateInvitations([invitation], now);
    return view;
  } catch (error) {
    if (iinTaken(error)) throw iinTakenError();
    throw error;
  }
}
