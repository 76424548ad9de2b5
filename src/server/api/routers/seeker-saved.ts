import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import { mergeSavedSchema, mergeSavedVacancies } from "@/server/services/saved-vacancies/merge-saved-vacancies";
import {
  listSavedVacancies,
  removeSavedSchema,
  removeSavedVacancies,
  saveVacancy,
  saveVacancySchema,
} from "@/server/services/saved-vacancies/saved-vacancies";

/** A seeker's saved vacancies, kept on the server so that every device shows the same list. */
export const seekerSavedRouter = createTRPCRouter({
  list: seekerProcedure.query(({ ctx }) => listSavedVacancies(ctx.user.id)),
  add: seekerProcedure.input(saveVacancySchema).mutation(({ ctx, input }) => saveVacancy(ctx.user.id, input)),
  remove: seekerProcedure.input(removeSavedSchema).mutation(({ ctx, input }) => removeSavedVacancies(ctx.user.id, input)),
  /** The list a guest kept in this browser, taken over after sign-in. */
  merge: seekerProcedure.input(mergeSavedSchema).mutation(({ ctx, input }) => mergeSavedVacancies(ctx.user.id, input)),
});
