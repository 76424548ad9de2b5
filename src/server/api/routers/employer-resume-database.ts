import { z } from "zod";

import { resumeSearchSchema } from "@/lib/resume-search/params";
import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
import { searchResumes } from "@/server/services/resume-database/search-resumes";

/**
 * The resume database for organisations that hire: every member may search (observers too);
 * the service admits only a verified, unblocked organisation.
 */
export const employerResumeDatabaseRouter = createTRPCRouter({
  search: hiringProcedure("OBSERVER")
    .input(z.object({ search: resumeSearchSchema }))
    .query(({ input }) => searchResumes(input.organizationId, input.search)),
});
