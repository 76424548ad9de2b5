import { z } from "zod";

import { createTRPCRouter, employerProcedure } from "@/server/api/trpc";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";

/** Resumes as an employer organisation may see them, under the seeker's visibility setting. */
export const employerResumesRouter = createTRPCRouter({
  get: employerProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ input }) => getResumeForOrganization(input.organizationId, input.resumeId)),
});
