import { groupInputSchema, type GroupInput } from "@/lib/validation/school";
import { dayToDate } from "@/lib/schools/calendar-day";
import { audit, type Actor } from "@/server/audit";
import { db } from "@/server/db";

import { assertGroupInstructor, groupNameTaken, groupNameTakenError } from "./group-rules";
import { groupViewSelect, toGroupView, type GroupView } from "./group-view";
import { assertSchoolWritable, requireSchoolWriter } from "./school-access";

export async function createGroup(actor: Actor, organizationId: number, input: GroupInput): Promise<GroupView> {
  const member = await requireSchoolWriter(actor, organizationId);
  const values = groupInputSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      await assertSchoolWritable(tx, organizationId);
      await assertGroupInstructor(tx, organizationId, values.instructorId);
      const group = await tx.schoolGroup.create({
        data: {
          organizationId,
          name: values.name,
          category: values.category,
          startsOn: dayToDate(values.startsOn),
          endsOn: dayToDate(values.endsOn),
          instructorId: values.instructorId,
          schedule: values.schedule,
        },
        select: groupViewSelect,
      });
      await audit(tx, member, "school.group.create", { type: "school_group", id: group.id }, { data: { organizationId } });
      return toGroupView(group);
    });
  } catch (error) {
    if (groupNameTaken(error)) throw groupNameTakenError();
    throw error;
  }
}
