import { z } from "zod";

import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
import { getResumeForOrganization } from "@/server/services/resumes/resumes";

/** Resumes as an organisation that hires may see them, under the seeker's visibility setting. */
export const employerResumesRouter = createTRPCRouter({
  get: hiringProcedure("OBSERVER")
    .input(z.object({ resumeId: z.uuid() }))
    .query(({ input }) => getResumeForOrganization(input.organizationId, input.resumeId)),
});
