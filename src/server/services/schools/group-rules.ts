import { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/** The instructor named for a group is a member of the same school who teaches (not an observer). */
export async function assertGroupInstructor(tx: DbTx, organizationId: number, membershipId: number | null): Promise<void> {
  if (membershipId === null) return;
  const membership = await tx.membership.findUnique({
    where: { id: membershipId },
    select: { organizationId: true, role: true },
  });
  if (!membership || membership.organizationId !== organizationId || membership.role === "OBSERVER") {
    throw new DomainError("VALIDATION", "errors.school.instructorUnknown", { field: "instructorId" });
  }
}

/** A second group of the same name in the school: the unique index speaks, we translate. */
export function groupNameTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("name")
  );
}

export const groupNameTakenError = () => new DomainError("CONFLICT", "errors.school.groupNameTaken", { field: "name" });
