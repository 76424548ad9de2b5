import type { OrgType } from "@/generated/prisma/enums";
import { createTRPCRouter, protectedProcedure, type employerProcedure } from "@/server/api/trpc";
import { getOrganization, listMembers, listMyOrganizations } from "@/server/services/organizations/organizations";

type OrgProcedureFactory = typeof employerProcedure;

/**
 * The organisation part shared by the employer and school dashboards; each router passes its
 * own procedure factory, so an employer's id never opens a school's data and vice versa.
 */
export function organizationRouter(types: OrgType[], procedure: OrgProcedureFactory) {
  return createTRPCRouter({
    mine: protectedProcedure.query(({ ctx }) => listMyOrganizations(ctx.user.id, types)),
    get: procedure("OBSERVER").query(({ input }) => getOrganization(input.organizationId)),
    members: procedure("OBSERVER").query(({ input }) => listMembers(input.organizationId)),
  });
}
