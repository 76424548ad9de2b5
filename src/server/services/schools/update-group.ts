import { groupInputSchema, type GroupInput } from "@/lib/validation/school";
import { ageOn, dateToDay, dayToDate } from "@/lib/schools/calendar-day";
import { MINIMUM_LICENCE_AGE } from "@/lib/schools/licence-categories";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { assertGroupInstructor, groupNameTaken, groupNameTakenError } from "./group-rules";
import { groupViewSelect, toGroupView, type GroupView } from "./group-view";
import { assertSchoolWritable, requireSchoolWriter, schoolToday } from "./school-access";

/**
 * Changes a group. Its category and course end bind its trainees: a new category must be theirs
 * too, and an earlier end must still leave each of them old enough for the category by then.
 */
export async function updateGroup(actor: Actor, organizationId: number, groupId: number, input: GroupInput): Promise<GroupView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const values = groupInputSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      await assertSchoolWritable(tx, organizationId);
      const current = await tx.schoolGroup.findFirst({
        where: { id: groupId, organizationId },
        select: { id: true, trainees: { select: { category: true, birthDate: true, status: true } } },
      });
      if (!current) throw new DomainError("NOT_FOUND", "errors.school.groupNotFound");
      await assertGroupInstructor(tx, organizationId, values.instructorId);
      if (current.trainees.some((t) => t.category !== values.category)) {
        throw new DomainError("CONFLICT", "errors.school.groupCategoryInUse", { field: "category" });
      }
      const byDay = values.endsOn > schoolToday() ? values.endsOn : schoolToday();
      const tooYoung = current.trainees.some(
        (t) => t.status !== "GRADUATED" && ageOn(dateToDay(t.birthDate), byDay) < MINIMUM_LICENCE_AGE[values.category],
      );
      if (tooYoung) throw new DomainError("CONFLICT", "errors.school.groupEndTooEarly", { field: "endsOn" });
      const group = await tx.schoolGroup.update({
        where: { id: groupId },
        data: {
          name: values.name,
          category: values.category,
          startsOn: dayToDate(values.startsOn),
          endsOn: dayToDate(values.endsOn),
          instructorId: values.instructorId,
          schedule: values.schedule,
        },
        select: groupViewSelect,
      });
      await audit(tx, member, "school.group.update", { type: "school_group", id: group.id }, { data: { organizationId } });
      return toGroupView(group);
    });
  } catch (error) {
    if (groupNameTaken(error)) throw groupNameTakenError();
    throw error;
  }
}
