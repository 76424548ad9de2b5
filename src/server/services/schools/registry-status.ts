import type { OrgRole } from "@/generated/prisma/enums";
import type { Actor } from "@/server/audit";
import { ORG_ROLE_RANK } from "@/server/auth/guards";
import { db } from "@/server/db";

import { requireSchoolReader, schoolReadOnlyReason, type ReadOnlyReason } from "./school-access";

export interface RegistryStatus {
  role: OrgRole;
  /** Whether this member may change the registry now (their role and the school's state). */
  canWrite: boolean;
  /** Why the school's registry is read-only for everyone, or null. */
  readOnlyReason: ReadOnlyReason | null;
  /** The end of the paid monthly plan, when one runs now. */
  planUntil: Date | null;
}

/** What the dashboard offers the member: the same rules the writes check, asked before. */
export async function registryStatus(actor: Actor, organizationId: number): Promise<RegistryStatus> {
  const member = await requireSchoolReader(actor, organizationId);
  const { reason, planUntil } = await schoolReadOnlyReason(db, organizationId);
  return {
    role: member.role,
    canWrite: reason === null && ORG_ROLE_RANK[member.role] >= ORG_ROLE_RANK.MANAGER,
    readOnlyReason: reason,
    planUntil,
  };
}
