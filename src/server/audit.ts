import type { Prisma } from "@/generated/prisma/client";
import type { DbTx } from "@/server/db-client";

/** Who acts: a signed-in person (with the address the request came from), or the system (jobs). */
export interface Actor {
  userId: number | null;
  ip: string | null;
}

/** A signed-in person acting. */
export interface UserActor extends Actor {
  userId: number;
}

/** Scheduled jobs and other work nobody in particular asked for. */
export const SYSTEM_ACTOR: Actor = { userId: null, ip: null };

/**
 * Every action the audit log records. A new one is added here, so the log's vocabulary stays
 * one list that the admin console's filters can offer.
 */
export const AUDIT_ACTIONS = [
  "account.deleted",
  "account.reauth_failed",
  "application.invite",
  "application.invite_from_resume",
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_up_existing",
  "billing.balance.adjust",
  "block.appeal",
  "block.appeal.lift",
  "block.appeal.uphold",
  "billing.cart.change",
  "billing.credit.consume",
  "billing.credit.return",
  "billing.entitlement.forfeit",
  "billing.order.activate",
  "billing.order.cancel",
  "billing.order.checkout",
  "billing.order.expire",
  "billing.order.pay_from_balance",
  "billing.payment.record",
  "billing.price.add",
  "billing.refund.request",
  "billing.refund.settle",
  "billing.refund.send",
  "application.reject",
  "digest.resubscribe",
  "digest.unsubscribe",
  "graduate.invitation.consent",
  "graduate.invitation.decline",
  "moderation.organization.clear",
  "moderation.resume.hide",
  "moderation.resume.clear",
  "moderation.resume.restore",
  "moderation.resume.review_requested",
  "moderation.term.add",
  "moderation.term.remove",
  "legal.draft.create",
  "legal.draft.update",
  "legal.publish",
  "organization.create",
  "organization.delete",
  "organization.deletion.decline",
  "organization.deletion.request",
  "organization.legal.update",
  "organization.logo.remove",
  "organization.logo.update",
  "organization.member.invite",
  "organization.member.invite.revoke",
  "organization.member.join",
  "organization.member.leave",
  "organization.member.remove",
  "organization.member.role",
  "organization.template.update",
  "organization.block",
  "organization.unblock",
  "organization.update",
  "organization.verify",
  "organization.verify.reject",
  "school.courses.update",
  "school.group.create",
  "school.group.update",
  "school.trainee.create",
  "school.trainee.import",
  "school.trainee.status",
  "school.trainee.update",
  "security.compromise_reported",
  "staff.role.grant",
  "staff.role.revoke",
  "ticket.answer",
  "ticket.assign",
  "ticket.close",
  "ticket.start",
  "user.block",
  "user.unblock",
  "staff.totp.enrol",
  "staff.totp.recovery_used",
  "staff.totp.reset",
  "staff.totp.verify.fail",
  "user.email_change_requested",
  "user.email_changed",
  "user.email_verified",
  "user.password_changed",
  "user.sessions_revoked",
  "user.sign_up",
  "vacancy.archive",
  "vacancy.create",
  "vacancy.delete",
  "vacancy.expire",
  "vacancy.moderation.approve",
  "vacancy.moderation.correct",
  "vacancy.moderation.delete",
  "vacancy.moderation.remove",
  "vacancy.moderation.return",
  "vacancy.republish",
  "vacancy.submit",
  "vacancy.update",
  "vacancy.update.remoderate",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  "application",
  "block",
  "billing_account",
  "entitlement",
  "graduate_invitation",
  "legal_document",
  "order",
  "organization",
  "payment",
  "product",
  "prohibited_term",
  "refund",
  "resume",
  "school_group",
  "ticket",
  "trainee",
  "user",
  "vacancy",
  "verified_licence",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

/** What the action was done to. */
export interface AuditEntity {
  type: AuditEntityType;
  /** null when it is not known (a failed sign-in for an address without an account). */
  id: number | string | null;
}

interface AuditDetails {
  /** Why, in the actor's words (a moderator's reason, a refusal's note). */
  reason?: string | null;
  /** Counts and ids; never personal data (the log outlives deleted accounts). */
  data?: Prisma.InputJsonValue;
}

type AuditWriter = Pick<DbTx, "auditLog">;

const row = (actor: Actor, action: AuditAction, entity: AuditEntity, details: AuditDetails) => ({
  actorId: actor.userId,
  action,
  entityType: entity.type,
  entityId: entity.id === null ? null : String(entity.id),
  ip: actor.ip,
  reason: details.reason ?? null,
  ...(details.data === undefined ? {} : { data: details.data }),
});

/** Records one action, inside the caller's transaction when it passes one. */
export async function audit(
  tx: AuditWriter,
  actor: Actor,
  action: AuditAction,
  entity: AuditEntity,
  details: AuditDetails = {},
): Promise<void> {
  await tx.auditLog.create({ data: row(actor, action, entity, details) });
}

/** Records the same action on several entities at once (jobs working in batches). */
export async function auditMany(
  tx: AuditWriter,
  actor: Actor,
  action: AuditAction,
  entities: readonly AuditEntity[],
  details: AuditDetails = {},
): Promise<void> {
  if (entities.length === 0) return;
  await tx.auditLog.createMany({ data: entities.map((entity) => row(actor, action, entity, details)) });
}
