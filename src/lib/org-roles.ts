import type { OrgRole } from "@/generated/prisma/enums";

/** Roles by what they may do: observers and a school's instructors read, managers and owners act. */
export const ORG_ROLE_RANK: Record<OrgRole, number> = { OBSERVER: 1, INSTRUCTOR: 1, MANAGER: 2, OWNER: 3 };

/** Whether the role only reads the organisation's dashboard (observer, or a school's instructor). */
export const isReadOnlyRole = (role: OrgRole) => ORG_ROLE_RANK[role] < ORG_ROLE_RANK.MANAGER;

/**
 * Roles that take no part in hiring: a school's instructors teach their groups and see neither the
 * school's vacancies nor its applicants and their resumes (seekers' data goes only to those who
 * hire). An employer has no instructors, so this only narrows a school's hiring area.
 */
export const NON_HIRING_ROLES: readonly OrgRole[] = ["INSTRUCTOR"];
