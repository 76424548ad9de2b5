import { z } from "zod";

import type { OrgRole, OrgType } from "@/generated/prisma/enums";
import { inviteMemberSchema, organizationLegalSchema, organizationProfileSchema } from "@/lib/validation/organization";
import { createTRPCRouter, protectedProcedure, type employerProcedure } from "@/server/api/trpc";
import {
  requestOrganizationDeletion,
  updateOrganizationLegal,
  updateOrganizationProfile,
} from "@/server/services/organizations/manage-organization";
import {
  changeMemberRole,
  inviteMember,
  leaveOrganization,
  listInvitations,
  removeMember,
  revokeInvitation,
} from "@/server/services/organizations/members";
import { getOrganization, listMembers, listMyOrganizations } from "@/server/services/organizations/organizations";
import { appealOrganizationBlock, organizationBlock } from "@/server/services/blocks/blocks";
import { appealTextSchema } from "@/lib/validation/blocks";

type OrgProcedureFactory = typeof employerProcedure;

const id = z.number().int().positive();

/**
 * The organisation part shared by the employer and school dashboards; each router passes its
 * own procedure factory, so an employer's id never opens a school's data and vice versa.
 * Observers (and instructors) read; owners manage the profile and the members.
 */
export function organizationRouter(
  types: readonly OrgType[],
  procedure: OrgProcedureFactory,
  /** The roles an owner may give in this kind of organisation. */
  roles: readonly [OrgRole, ...OrgRole[]],
) {
  const roleSchema = z.enum(roles, { error: "validation.required" });
  return createTRPCRouter({
    mine: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx.user.id, types)),
    get: procedure("OBSERVER").query(async ({ ctx, input }) => ({
      ...(await getOrganization(input.organizationId)),
      myRole: ctx.membership.role,
    })),
    members: procedure("OBSERVER").query(({ input }) => listMembers(input.organizationId)),

    update: procedure("OWNER")
      .input(z.object({ profile: organizationProfileSchema }))
      .mutation(({ ctx, input }) => updateOrganizationProfile(input.organizationId, input.profile, ctx.actor)),
    updateLegal: procedure("OWNER")
      .input(z.object({ legal: organizationLegalSchema }))
      .mutation(async ({ ctx, input }) => {
        await updateOrganizationLegal(input.organizationId, input.legal, ctx.actor);
        return { ok: true };
      }),
    requestDeletion: procedure("OWNER").mutation(({ ctx, input }) =>
      requestOrganizationDeletion(input.organizationId, ctx.actor),
    ),

    invitations: procedure("OWNER").query(({ input }) => listInvitations(input.organizationId)),
    invite: procedure("OWNER")
      .input(inviteMemberSchema.extend({ role: roleSchema }))
      .mutation(({ ctx, input }) =>
        inviteMember(input.organizationId, { email: input.email, role: input.role, locale: input.locale }, ctx.actor),
      ),
    revokeInvitation: procedure("OWNER")
      .input(z.object({ invitationId: id }))
      .mutation(async ({ ctx, input }) => {
        await revokeInvitation(input.organizationId, input.invitationId, ctx.actor);
        return { ok: true };
      }),
    changeRole: procedure("OWNER")
      .input(z.object({ membershipId: id, role: roleSchema }))
      .mutation(async ({ ctx, input }) => {
        await changeMemberRole(input.organizationId, input.membershipId, input.role, ctx.actor);
        return { ok: true };
      }),
    removeMember: procedure("OWNER")
      .input(z.object({ membershipId: id }))
      .mutation(async ({ ctx, input }) => {
        await removeMember(input.organizationId, input.membershipId, ctx.actor);
        return { ok: true };
      }),
    /** The block in force (reason, and its appeal's state), or null. */
    block: procedure("OBSERVER").query(({ input }) => organizationBlock(input.organizationId)),
    /** The owner's one appeal against the block: the one write a blocked organisation may make. */
    appeal: procedure("OWNER", { whileBlocked: true })
      .input(z.object({ text: appealTextSchema }))
      .mutation(({ ctx, input }) => appealOrganizationBlock(input.organizationId, input.text, ctx.actor)),
    leave: procedure("OBSERVER", { whileBlocked: true }).mutation(async ({ ctx, input }) => {
      await leaveOrganization(input.organizationId, ctx.actor);
      return { ok: true };
    }),
  });
}
