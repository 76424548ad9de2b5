import { z } from "zod";

import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
import { invitationSchema } from "@/lib/validation/applications";
import { resumeComplaintSchema } from "@/lib/validation/complaint";
import { inviteToVacancy, listInvitableVacancies } from "@/server/services/applications/invite-to-vacancy";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";
import { createResumeComplaint } from "@/server/services/tickets/create-complaint";

/** Resumes as an organisation that hires may see them, under the seeker's visibility setting. */
export const employerResumesRouter = createTRPCRouter({
  get: hiringProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ input }) => getResumeForOrganization(input.organizationId, input.resumeId)),
  /** A member complains about a resume the organisation sees (offensive text, fraud): moderators look. */
  complain: hiringProcedure("OBSERVER")
    .input(resumeComplaintSchema)
    .mutation(({ ctx, input }) =>
      createResumeComplaint(input.organizationId, input, {
        user: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email },
        ip: ctx.ip,
      }),
    ),
  /** The organisation's open vacancies to invite the seeker of a resume to (owners and managers). */
  invitableVacancies: hiringProcedure("MANAGER")
    .input(z.object({ resumeId: z.uuid({ error: "errors.invalidInput" }).nullable() }))
    .query(({ input }) => listInvitableVacancies(input.organizationId, input.resumeId)),
  /** Invites the seeker of a resume the organisation sees to one of its open vacancies. */
  invite: hiringProcedure("MANAGER")
    .input(invitationSchema)
    .mutation(({ ctx, input }) => inviteToVacancy(ctx.actor, input.organizationId, input)),
});
