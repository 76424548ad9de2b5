import { z } from "zod";

import { resumeSearchSchema } from "@/lib/resume-search/params";
import { createTRPCRouter, employerProcedure } from "@/server/api/trpc";
import { searchResumes } from "@/server/services/resume-database/search-resumes";

/**
 * The resume database, sold to employers (PRODUCT_KIND_ORG_TYPES.RESUME_ACCESS; a driving school
 * sees the resumes of its applicants only): every member may search (observers too); the service
 * admits only a verified, unblocked organisation.
 */
export const employerResumeDatabaseRouter = createTRPCRouter({
  search: employerProcedure("OBSERVER")
    .input(z.object({ search: resumeSearchSchema }))
    .query(({ input }) => searchResumes(input.organizationId, input.search)),
});
