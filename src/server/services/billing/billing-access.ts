import type { Actor, UserActor } from "@/server/audit";
import { AccessDeniedError, ALL_ORG_TYPES, requireMembership, type OrganizationMembership } from "@/server/auth/guards";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { DomainError } from "@/server/errors";

/**
 * Who may spend an organisation's money: its owner or a manager (observers only look, H 1.24), in
 * an organisation that an operator has verified and that is not blocked (H 2.1.1). Both kinds of
 * organisation buy: which products each may buy is the product rules' business.
 */
export async function requireBillingMember(actor: Actor, organizationId: number): Promise<OrganizationMembership> {
  const membership = await requireMembership(actor.userId, organizationId, { types: ALL_ORG_TYPES, minRole: "MANAGER" });
  if (membership.organization.blockedAt) throw new DomainError("FORBIDDEN", "errors.billing.orgBlocked");
  if (membership.organization.verification !== "VERIFIED") throw new DomainError("FORBIDDEN", "errors.billing.orgNotVerified");
  return membership;
}

/**
 * Platform finance staff (or a superadmin): tariffs, manual payments, refunds and adjustments. The
 * role is read from the database on every call, like membership.
 */
export async function requireFinance(actor: Actor, client: Pick<DbTx, "user"> = db): Promise<UserActor> {
  if (actor.userId === null) throw new AccessDeniedError("UNAUTHORIZED", "errors.unauthorized");
  const user = await client.user.findUnique({ where: { id: actor.userId }, select: { staffRole: true, blockedAt: true } });
  if (!user || user.blockedAt) throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
  if (user.staffRole !== "FINANCE" && user.staffRole !== "SUPERADMIN")
    throw new AccessDeniedError("FORBIDDEN", "errors.forbidden");
  return { userId: actor.userId, ip: actor.ip };
}
