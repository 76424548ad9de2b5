import { dayToDate } from "@/lib/schools/calendar-day";
import { traineeInputSchema, type TraineeInput } from "@/lib/validation/school";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";

import { assertSchoolWritable, requireSchoolWriter, schoolToday } from "./school-access";
import { checkTraineeValues, iinTaken, iinTakenError, traineeData } from "./trainee-checks";
import { toTraineeView, traineeViewSelect, type TraineeView } from "./trainee-view";

/** Adds a trainee, enrolled today (the first row of their status history). */
export async function createTrainee(actor: Actor, organizationId: number, input: TraineeInput): Promise<TraineeView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const values = traineeInputSchema.parse(input);
  const today = schoolToday();
  try {
    return await db.$transaction(async (tx) => {
      await assertSchoolWritable(tx, organizationId);
      await checkTraineeValues(tx, organizationId, values, { today });
      const trainee = await tx.trainee.create({
        data: {
          organizationId,
          ...traineeData(values),
          status: "ENROLLED",
          statusChanges: { create: { status: "ENROLLED", effectiveOn: dayToDate(today), changedById: member.userId } },
        },
        select: traineeViewSelect,
      });
      await audit(tx, member, "school.trainee.create", { type: "trainee", id: trainee.id }, { data: { organizationId } });
      return toTraineeView(trainee);
    });
  } catch (error) {
    if (iinTaken(error)) throw iinTakenError();
    throw error;
  }
}
