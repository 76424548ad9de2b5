import { z } from "zod";

import { createTRPCRouter, employerProcedure } from "@/server/api/trpc";
import { resumeComplaintSchema } from "@/lib/validation/complaint";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";
import { createResumeComplaint } from "@/server/services/tickets/create-complaint";

/** Resumes as an employer organisation may see them, under the seeker's visibility setting. */
export const employerResumesRouter = createTRPCRouter({
  get: employerProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ input }) => getResumeForOrganization(input.organizationId, input.resumeId)),
  /** A member complains about a resume the organisation sees (offensive text, fraud): moderators look. */
  complain: employerProcedure("OBSERVER")
    .input(resumeComplaintSchema)
    .mutation(({ ctx, input }) =>
      createResumeComplaint(input.organizationId, input, {
        user: { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email },
        ip: ctx.ip,
      }),
    ),
});
