import { z } from "zod";

import { createTRPCRouter, employerProcedure, hiringProcedure } from "@/server/api/trpc";
import { invitationSchema } from "@/lib/validation/applications";
import { resumeComplaintSchema } from "@/lib/validation/complaint";
import { inviteToVacancy, listInvitableVacancies } from "@/server/services/applications/invite-to-vacancy";
import { openResumeContacts } from "@/server/services/resume-database/open-resume-contacts";
import { resumeOpeningStatus } from "@/server/services/resume-database/opening-status";
import { listResumeOpenings } from "@/server/services/resume-database/openings-log";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";
import { createResumeComplaint } from "@/server/services/tickets/create-complaint";

/** Resumes as an organisation that hires may see them, under the seeker's visibility setting. */
export const employerResumesRouter = createTRPCRouter({
  get: hiringProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ input }) => getResumeForOrganization(input.organizationId, input.resumeId)),
  // The resume database is sold to employers (not driving schools): its procedures are employers'.
  /** Opens a resume's contacts against the organisation's access and caps (H 3.5, 17, 19). */
  open: employerProcedure("MANAGER")
    .input(z.object({ resumeId: z.uuid() }))
    .mutation(({ ctx, input }) => openResumeContacts(ctx.actor, input.organizationId, input.resumeId)),
  /** Whether the caller may open this resume's contacts now, and the counters left. */
  openingStatus: employerProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ ctx, input }) => resumeOpeningStatus(ctx.actor, input.organizationId, input.resumeId)),
  /** The organisation's openings log: who opened which resume when (the owner only). */
  openings: employerProcedure("OWNER")
    .input(z.object({ page: z.number().int().min(1).max(10_000).default(1) }))
    .query(({ ctx, input }) => listResumeOpenings(ctx.actor, input.organizationId, input.page)),
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
