import type { OrgRole } from "@/generated/prisma/enums";

/** Roles by what they may do: observers and a school's instructors read, managers and owners act. */
export const ORG_ROLE_RANK: Record<OrgRole, number> = { OBSERVER: 1, INSTRUCTOR: 1, MANAGER: 2, OWNER: 3 };

/** Whether the role only reads the organisation's dashboard (observer, or a school's instructor). */
export const isReadOnlyRole = (role: OrgRole) => ORG_ROLE_RANK[role] < ORG_ROLE_RANK.MANAGER;
