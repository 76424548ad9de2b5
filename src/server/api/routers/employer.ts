import { EMPLOYER_ORG_TYPES, createTRPCRouter, employerProcedure } from "@/server/api/trpc";

import { organizationRouter } from "./organization-router";

export const employerRouter = createTRPCRouter({
  organization: organizationRouter(EMPLOYER_ORG_TYPES, employerProcedure),
});
