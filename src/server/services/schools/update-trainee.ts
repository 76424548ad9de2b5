import { traineeInputSchema, type TraineeInput } from "@/lib/validation/school";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { assertSchoolWritable, requireSchoolWriter, schoolToday } from "./school-access";
import { checkTraineeValues, iinTaken, iinTakenError, traineeData } from "./trainee-checks";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

/** Corrects a trainee's record; the status changes only through changeTraineeStatus. */
export async function updateTrainee(
  actor: Actor,
  organizationId: number,
  traineeId: number,
  input: TraineeInput,
): Promise<TraineeView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const values = traineeInputSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      await assertSchoolWritable(tx, organizationId);
      const current = await tx.trainee.findFirst({ where: { id: traineeId, organizationId }, select: { id: true } });
      if (!current) throw new DomainError("NOT_FOUND", "errors.school.traineeNotFound");
      await checkTraineeValues(tx, organizationId, values, { today: schoolToday(), traineeId });
      const trainee = await tx.trainee.update({ where: { id: traineeId }, data: traineeData(values), select: traineeViewSelect });
      await audit(tx, member, "school.trainee.update", { type: "trainee", id: traineeId }, { data: { organizationId } });
      return toTraineeView(trainee);
    });
  } catch (error) {
    if (iinTaken(error)) throw iinTakenError();
    throw error;
  }
}
