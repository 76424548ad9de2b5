import { Prisma } from "@/generated/prisma/client";
import { dateToDay, dayToDate } from "@/lib/schools/calendar-day";
import { traineeIssues } from "@/lib/schools/trainee-rules";
import type { TraineeValues } from "@/lib/validation/school";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/**
 * The checks a trainee's record passes before it is written, inside the writing transaction:
 * the group is the school's and of the same category, the record obeys the trainee rules (IIN,
 * guardian, minimum age by the course's end), and no other trainee of the school has the IIN.
 * The first problem is thrown, with the field it concerns.
 */
export async function checkTraineeValues(
  tx: DbTx,
  organizationId: number,
  values: TraineeValues,
  options: { today: string; traineeId?: number },
): Promise<void> {
  let courseEndsOn: string | null = null;
  if (values.groupId !== null) {
    const group = await tx.schoolGroup.findFirst({
      where: { id: values.groupId, organizationId },
      select: { category: true, endsOn: true },
    });
    if (!group) throw new DomainError("VALIDATION", "errors.school.groupNotFound", { field: "groupId" });
    if (group.category !== values.category) {
      throw new DomainError("VALIDATION", "validation.trainee.categoryNotGroup", { field: "category" });
    }
    courseEndsOn = dateToDay(group.endsOn);
  }
  const [issue] = traineeIssues(values, { today: options.today, courseEndsOn });
  if (issue) throw new DomainError("VALIDATION", issue.messageKey, { field: issue.field });
  const twin = await tx.trainee.findFirst({
    where: { organizationId, iin: values.iin, ...(options.traineeId ? { id: { not: options.traineeId } } : {}) },
    select: { id: true },
  });
  if (twin) throw iinTakenError();
}

export const iinTakenError = () => new DomainError("CONFLICT", "validation.trainee.iinTaken", { field: "iin" });

/** The unique (organization_id, iin) index refused a concurrent twin. */
export function iinTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("iin")
  );
}

/** The columns of a record from the form's values. */
export function traineeData(values: TraineeValues) {
  return {
    groupId: values.groupId,
    fullName: values.fullName,
    iin: values.iin,
    birthDate: dayToDate(values.birthDate),
    sex: values.sex,
    phone: values.phone,
    email: values.email,
    category: values.category,
    guardianName: values.guardian?.name ?? null,
    guardianRelation: values.guardian?.relation ?? null,
    guardianConsentOn: values.guardian ? dayToDate(values.guardian.consentOn) : null,
  };
}
