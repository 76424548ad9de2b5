import { z } from "zod";

import {
  saveResumeSearchSchema,
  savedResumeSearchIdInput,
  updateSavedResumeSearchSchema,
} from "@/lib/validation/saved-resume-searches";
import { createTRPCRouter, employerProcedure } from "@/server/api/trpc";
import {
  deleteSavedResumeSearch,
  listSavedResumeSearches,
  saveResumeSearch,
  updateSavedResumeSearch,
} from "@/server/services/saved-resume-searches/saved-resume-searches";

/**
 * A member's saved searches of the resume database: every member who may search saves their own
 * (observers too) and sees and changes only their own, in the organisation named by the input.
 */
export const employerSavedResumeSearchesRouter = createTRPCRouter({
  list: employerProcedure("OBSERVER").query(({ ctx, input }) =>
    listSavedResumeSearches({ userId: ctx.user.id, organizationId: input.organizationId }),
  ),
  save: employerProcedure("OBSERVER")
    .input(z.object({ search: saveResumeSearchSchema }))
    .mutation(({ ctx, input }) => saveResumeSearch({ userId: ctx.user.id, organizationId: input.organizationId }, input.search)),
  update: employerProcedure("OBSERVER")
    .input(z.object({ change: updateSavedResumeSearchSchema }))
    .mutation(({ ctx, input }) =>
      updateSavedResumeSearch({ userId: ctx.user.id, organizationId: input.organizationId }, input.change),
    ),
  delete: employerProcedure("OBSERVER")
    .input(z.object({ target: savedResumeSearchIdInput }))
    .mutation(({ ctx, input }) =>
      deleteSavedResumeSearch({ userId: ctx.user.id, organizationId: input.organizationId }, input.target),
    ),
});
