import type { Prisma } from "@/generated/prisma/client";
import { INVITATIONS_PER_VACANCY } from "@/lib/validation/applications";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/**
 * The seekers a vacancy (or each of several) has invited: applicants it invited (while they stay invited) and every
 * invitation it sent from a resume, declined ones included — the invitation went out, and a seeker
 * who declined cannot be invited to that vacancy again.
 */
export const invitationsOf = (vacancyId: number | readonly number[]) =>
  ({
    vacancyId: typeof vacancyId === "number" ? vacancyId : { in: [...vacancyId] },
    OR: [{ status: "INVITED" }, { origin: "EMPLOYER" }],
  }) satisfies Prisma.ApplicationWhereInput;

/**
 * Refuses when adding `adding.get(vacancyId)` invitations would take a vacancy past the cap. Locks
 * the vacancies' rows first (in id order), so that every path that invites — answering applicants,
 * inviting from a resume — counts one at a time and the cap holds exactly under concurrency.
 */
export async function assertInvitationRoom(tx: DbTx, adding: ReadonlyMap<number, number>): Promise<void> {
  const vacancyIds = [...adding.keys()].sort((a, b) => a - b);
  if (vacancyIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM vacancies WHERE id = ANY (${vacancyIds}::integer[]) ORDER BY id FOR UPDATE`;
  for (const vacancyId of vacancyIds) {
    const more = adding.get(vacancyId) ?? 0;
    if (more === 0) continue;
    const invited = await tx.application.count({ where: invitationsOf(vacancyId) });
    if (invited + more > INVITATIONS_PER_VACANCY) throw new DomainError("CONFLICT", "errors.applications.inviteCap");
  }
}
