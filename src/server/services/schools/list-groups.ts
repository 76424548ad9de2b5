import type { Actor } from "@/server/audit";
import { db } from "@/server/db";

import { groupViewSelect, toGroupView, type GroupView } from "./group-view";
import { groupScope, requireSchoolReader } from "./school-access";

/** The school's groups, newest course first; an instructor gets the groups they teach. */
export async function listGroups(actor: Actor, organizationId: number): Promise<GroupView[]> {
  const member = await requireSchoolReader(actor, organizationId);
  const rows = await db.schoolGroup.findMany({
    where: groupScope(member),
    orderBy: [{ startsOn: "desc" }, { id: "desc" }],
    select: groupViewSelect,
  });
  return rows.map(toGroupView);
}
