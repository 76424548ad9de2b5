import { z } from "zod";

import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
import { resumeComplaintSchema } from "@/lib/validation/complaint";
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
});
