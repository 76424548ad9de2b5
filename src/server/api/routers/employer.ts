import { createOrganizationSchema } from "@/lib/validation/organization";
import { EMPLOYER_ORG_TYPES, createTRPCRouter, employerProcedure, protectedProcedure } from "@/server/api/trpc";
import { createOrganization } from "@/server/services/organizations/manage-organization";

import { employerApplicationsRouter } from "./employer-applications";
import { employerBillingRouter } from "./employer-billing";
import { employerResumeDatabaseRouter } from "./employer-resume-database";
import { employerResumesRouter } from "./employer-resumes";
import { employerSavedResumeSearchesRouter } from "./employer-saved-resume-searches";
import { employerVacanciesRouter } from "./employer-vacancies";
import { organizationRouter } from "./organization-router";

export const employerRouter = createTRPCRouter({
  organization: organizationRouter(EMPLOYER_ORG_TYPES, employerProcedure, ["OWNER", "MANAGER", "OBSERVER"]),
  vacancies: employerVacanciesRouter,
  applications: employerApplicationsRouter,
  resumes: employerResumesRouter,
  resumeDatabase: employerResumeDatabaseRouter,
  savedResumeSearches: employerSavedResumeSearchesRouter,
  billing: employerBillingRouter,
  register: protectedProcedure.input(createOrganizationSchema).mutation(({ ctx, input }) => createOrganization(input, ctx.actor)),
});
