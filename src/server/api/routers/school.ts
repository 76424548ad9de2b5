import { SCHOOL_ORG_TYPES, createTRPCRouter, schoolProcedure } from "@/server/api/trpc";

import { organizationRouter } from "./organization-router";

export const schoolRouter = createTRPCRouter({
  organization: organizationRouter(SCHOOL_ORG_TYPES, schoolProcedure, ["OWNER", "MANAGER", "INSTRUCTOR"]),
});
