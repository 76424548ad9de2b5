import type { Actor } from "@/server/audit";
import { db } from "@/server/db";

import { requireSchoolWriter } from "./school-access";

/** Members who may be named a group's instructor (everyone but observers), for the group form. */
export async function listInstructors(actor: Actor, organizationId: number): Promise<{ membershipId: number; name: string }[]> {
  await requireSchoolWriter(actor, organizationId);
  const rows = await db.membership.findMany({
    where: { organizationId, role: { not: "OBSERVER" } },
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    select: { id: true, user: { select: { name: true } } },
  });
  return rows.map((r) => ({ membershipId: r.id, name: r.user.name }));
}
