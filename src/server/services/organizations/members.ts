import { createHmac, randomBytes } from "node:crypto";

import { getEnv } from "@/env";
import type { OrgRole } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { inviteMemberSchema } from "@/lib/validation/organization";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { organizationInvitationTemplate } from "@/server/email/templates/organization-invitation";
import { DomainError } from "@/server/errors";
import { audit } from "@/server/audit";

import { consumeLimit } from "../auth/rate-limit";

import type { Actor } from "./manage-organization";

export const INVITATION_DAYS = 7;

function hashInvitationSecret(secret: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`ORG_INVITATION:${secret}`).digest("hex");
}

export function invitationUrl(locale: AppLocale, secret: string): string {
  return new URL(`/${locale}/invitations/accept?token=${encodeURIComponent(secret)}`, getEnv().APP_URL).toString();
}

/**
 * Invites a person by email. Earlier open invitations of the same address are revoked, so only
 * the latest link works. The email goes out after the invitation is stored; if it cannot be
 * delivered the mailer records the failure and the owner can send it again.
 */
export async function inviteMember(organizationId: number, raw: unknown, actor: Actor, now = new Date()) {
  const input = inviteMemberSchema.parse(raw);
  await consumeLimit("invitePerOrganization", String(organizationId));
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const { invitation, organization, inviter } = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { organizationId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) throw new DomainError("CONFLICT", "errors.org.alreadyMember", { field: "email" });
    await tx.organizationInvitation.updateMany({
      where: { organizationId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const invitation = await tx.organizationInvitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        secretHash: hashInvitationSecret(secret),
        invitedById: actor.userId,
        expiresAt,
        createdAt: now,
      },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await audit(
      tx,
      actor,
      "organization.member.invite",
      { type: "organization", id: organizationId },
      { data: { invitationId: invitation.id, role: input.role } },
    );
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { displayName: true },
    });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    return { invitation, organization, inviter };
  });

  const built = organizationInvitationTemplate({
    locale: input.locale,
    organization: organization.displayName,
    inviter: inviter.name,
    role: input.role,
    url: invitationUrl(input.locale, secret),
    days: INVITATION_DAYS,
  });
  const { html, text } = await renderEmail(built.element);
  await getMailer().send({
    to: input.email,
    subject: built.subject,
    html,
    text,
    template: "organization-invitation",
    locale: input.locale,
  });
  return invitation;
}

/** Open invitations (not accepted, revoked or expired), newest first. */
export function listInvitations(organizationId: number, now = new Date()) {
  return db.organizationInvitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { name: true } } },
  });
}

export async function revokeInvitation(organizationId: number, invitationId: number, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    // The organisation in the condition: an id from another organisation is simply not found.
    const revoked = await tx.organizationInvitation.updateMany({
      where: { id: invitationId, organizationId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    if (revoked.count === 0) throw new DomainError("NOT_FOUND", "errors.org.invitationNotFound");
    await audit(
      tx,
      actor,
      "organization.member.invite.revoke",
      { type: "organization", id: organizationId },
      { data: { invitationId } },
    );
  });
}

async function findUsableInvitation(tx: DbTx, secret: string, now: Date) {
  const invitation = await tx.organizationInvitation.findUnique({
    where: { secretHash: hashInvitationSecret(secret) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { id: true, type: true, displayName: true, blockedAt: true } },
    },
  });
  if (!invitation || invitation.revokedAt || invitation.organization.blockedAt) {
    throw new DomainError("VALIDATION", "errors.org.invitationInvalid");
  }
  if (invitation.acceptedAt || invitation.expiresAt <= now) throw new DomainError("VALIDATION", "errors.org.invitationExpired");
  return invitation;
}

/** What the invitation page shows before the person accepts. */
export async function previewInvitation(secret: string, user: { email: string }, now = new Date()) {
  const invitation = await findUsableInvitation(db, secret, now);
  return {
    organization: {
      id: invitation.organization.id,
      name: invitation.organization.displayName,
      type: invitation.organization.type,
    },
    role: invitation.role,
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    forThisAccount: invitation.email === user.email.toLowerCase(),
  };
}

/**
 * Accepts an invitation for the signed-in person, whose account email must be the invited one
 * (a forwarded link does not let somebody else in).
 */
export async function acceptInvitation(secret: string, user: { id: number; email: string }, ip: string | null, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, secret, now);
    if (invitation.email !== user.email.toLowerCase()) throw new DomainError("FORBIDDEN", "errors.org.invitationOtherEmail");
    const claimed = await tx.organizationInvitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) throw new DomainError("VALIDATION", "errors.org.invitationExpired");
    const organizationId = invitation.organization.id;
    const existing = await tx.membership.findUnique({
      where: { userId_organizationId: { userId: user.id, organizationId } },
      select: { id: true },
    });
    if (!existing) await tx.membership.create({ data: { userId: user.id, organizationId, role: invitation.role } });
    await audit(
      tx,
      { userId: user.id, ip: ip },
      "organization.member.join",
      { type: "organization", id: organizationId },
      { data: { invitationId: invitation.id, role: invitation.role } },
    );
    return { organizationId, type: invitation.organization.type };
  });
}

/** Locks the organisation's owner rows, so two owners cannot demote each other at once. */
async function lockedOwnerCount(tx: DbTx, organizationId: number): Promise<number> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM memberships WHERE organization_id = ${organizationId} AND role = 'OWNER' FOR UPDATE`;
  return rows.length;
}

async function memberOf(tx: DbTx, organizationId: number, membershipId: number) {
  const member = await tx.membership.findFirst({
    where: { id: membershipId, organizationId },
    select: { id: true, userId: true, role: true },
  });
  if (!member) throw new DomainError("NOT_FOUND", "errors.org.memberNotFound");
  return member;
}

export async function changeMemberRole(organizationId: number, membershipId: number, role: OrgRole, actor: Actor) {
  await db.$transaction(async (tx) => {
    const owners = await lockedOwnerCount(tx, organizationId);
    const member = await memberOf(tx, organizationId, membershipId);
    if (member.role === role) return;
    if (member.role === "OWNER" && owners <= 1) throw new DomainError("CONFLICT", "errors.org.lastOwner");
    await tx.membership.update({ where: { id: member.id }, data: { role } });
    await audit(
      tx,
      actor,
      "organization.member.role",
      { type: "organization", id: organizationId },
      { data: { userId: member.userId, from: member.role, to: role } },
    );
  });
}

/** Removing a member ends their access at once: every request reads the membership afresh. */
export async function removeMember(organizationId: number, membershipId: number, actor: Actor) {
  await db.$transaction(async (tx) => {
    const owners = await lockedOwnerCount(tx, organizationId);
    const member = await memberOf(tx, organizationId, membershipId);
    if (member.role === "OWNER" && owners <= 1) throw new DomainError("CONFLICT", "errors.org.lastOwner");
    await tx.membership.delete({ where: { id: member.id } });
    await audit(
      tx,
      actor,
      member.userId === actor.userId ? "organization.member.leave" : "organization.member.remove",
      { type: "organization", id: organizationId },
      { data: { userId: member.userId, role: member.role } },
    );
  });
}

export async function leaveOrganization(organizationId: number, actor: Actor) {
  const membership = await db.membership.findUnique({
    where: { userId_organizationId: { userId: actor.userId, organizationId } },
    select: { id: true },
  });
  if (!membership) throw new DomainError("NOT_FOUND", "errors.org.memberNotFound");
  await removeMember(organizationId, membership.id, actor);
}
