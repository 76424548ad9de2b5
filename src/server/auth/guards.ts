import "server-only";

import type { OrgRole, OrgType, StaffRole } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { NON_HIRING_ROLES, ORG_ROLE_RANK } from "@/lib/org-roles";

// Who may act on an organisation or as staff: the one place that decides it. tRPC's procedure
// builders (src/server/api/trpc.ts) and the route handlers that act on a session (resume PDF,
// logo upload) call these, so a rule changes in one place. Membership is read from the database
// on every call: a removed member loses access at once.

/** A refusal by these checks (not by a service's own rules): UNAUTHORIZED or FORBIDDEN. */
export class AccessDeniedError extends DomainError {
  constructor(code: "UNAUTHORIZED" | "FORBIDDEN", messageKey: string) {
    super(code, messageKey);
    this.name = "AccessDeniedError";
  }
}

export { NON_HIRING_ROLES, ORG_ROLE_RANK };
export const EMPLOYER_ORG_TYPES: readonly OrgType[] = ["EMPLOYER", "AGENCY", "PRIVATE_RECRUITER"];
export const SCHOOL_ORG_TYPES: readonly OrgType[] = ["DRIVING_SCHOOL"];
export const ALL_ORG_TYPES: readonly OrgType[] = [...EMPLOYER_ORG_TYPES, ...SCHOOL_ORG_TYPES];
/**
 * Who hires: every kind of organisation. A driving school hires instructors and teachers through
 * the same vacancies, moderation, publication credits and applicant inbox as an employer.
 * Vacancies do not need the school's monthly plan: that plan pays for the trainee registry
 * (`assertSchoolWritable`), while each publication is paid with a credit of its type, as an
 * employer's is (`credits.ts`, `publishVacancy`). A blocked school, like a blocked employer, only
 * reads (`write` below); an unverified one drafts but does not submit (`submitVacancy`).
 */
export const HIRING_ORG_TYPES: readonly OrgType[] = ALL_ORG_TYPES;
/** The membership rule of everything about hiring: vacancies, applicants, resumes. */
export const HIRING_RULE = { types: HIRING_ORG_TYPES, excludeRoles: NON_HIRING_ROLES } as const;

export interface OrganizationMembership {
  /** The membership row's id (a school group names its instructor by it). */
  id: number;
  userId: number;
  role: OrgRole;
  organization: {
    id: number;
    type: OrgType;
    slug: string;
    blockedAt: Date | null;
    verification: "UNVERIFIED" | "PENDING" | "VERIFIED" | "REJECTED";
  };
}

/**
 * The caller's membership of the organisation, when it is of one of `types` and their role is at
 * least `minRole`. A guest gets UNAUTHORIZED; a non-member, or an organisation of another type or
 * that does not exist, FORBIDDEN without saying which; a member with too low a role FORBIDDEN
 * with that reason, and a role in `excludeRoles` FORBIDDEN with its own (a school's instructor in
 * the hiring area). With `write`, a blocked organisation's members are refused too (FORBIDDEN,
 * "read only"): blocking leaves them reading, never changing anything.
 */
export async function requireMembership(
  userId: number | null,
  organizationId: number,
  rule: { types: readonly OrgType[]; minRole: OrgRole; write?: boolean; excludeRoles?: readonly OrgRole[] },
): Promise<OrganizationMembership> {
  if (userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
  const membership = await db.membership.findUnique({
    where: { userId_organizationId: { userId, organizationId } },
    select: {
      id: true,
      role: true,
      organization: { select: { id: true, type: true, slug: true, blockedAt: true, verification: true } },
    },
  });
  if (!membership || !rule.types.includes(membership.organization.type)) {
    throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
  }
  if (rule.excludeRoles?.includes(membership.role)) throw new AccessDeniedError("FORBIDDEN", "errors.org.notForRole");
  if (ORG_ROLE_RANK[membership.role] < ORG_ROLE_RANK[rule.minRole]) {
    throw new AccessDeniedError("FORBIDDEN", "errors.org.roleTooLow");
  }
  if (rule.write && membership.organization.blockedAt) throw new AccessDeniedError("FORBIDDEN", "errors.org.blockedReadOnly");
  return { userId, ...membership };
}

/**
 * Staff act only from a session that passed the second factor (TOTP or a recovery code); before
 * that, every admin procedure, page and route refuses them.
 */
export function requireSecondFactor(user: { staffRole: StaffRole | null; secondFactorPassed: boolean }): void {
  if (user.staffRole && !user.secondFactorPassed) {
    throw new AccessDeniedError("FORBIDDEN", "errors.staffTotp.secondFactorRequired");
  }
}

/** Platform staff with one of `roles`; SUPERADMIN may do everything. */
export function requireStaffRole(user: { staffRole: StaffRole | null } | null, roles: readonly StaffRole[]): StaffRole {
  if (!user) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
  const role = user.staffRole;
  if (!role || (role !== "SUPERADMIN" && !roles.includes(role))) throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
  return role;
}
