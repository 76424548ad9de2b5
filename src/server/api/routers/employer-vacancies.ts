import { z } from "zod";

import { vacancyInputSchema } from "@/lib/validation/vacancy";
import { createTRPCRouter, employerProcedure } from "@/server/api/trpc";
import {
  archiveVacancy,
  deleteDraft,
  getOrganizationVacancy,
  listOrganizationVacancies,
  republishVacancy,
  saveVacancy,
  submitVacancy,
} from "@/server/services/vacancies/employer-vacancies";
import { vacancyStats } from "@/server/services/vacancies/vacancy-stats";

const vacancyId = z.object({ vacancyId: z.number().int().positive() });
const STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED", "ARCHIVED", "REMOVED"] as const;

/** An employer organisation's vacancies: observers read, managers and owners write. */
export const employerVacanciesRouter = createTRPCRouter({
  list: employerProcedure("OBSERVER")
    .input(z.object({ status: z.enum(STATUSES).optional() }))
    .query(({ input }) => listOrganizationVacancies(input.organizationId, input.status)),
  get: employerProcedure("OBSERVER")
    .input(vacancyId)
    .query(({ input }) => getOrganizationVacancy(input.organizationId, input.vacancyId)),
  stats: employerProcedure("OBSERVER")
    .input(vacancyId)
    .query(({ input }) => vacancyStats(input.organizationId, input.vacancyId)),
  create: employerProcedure("MANAGER")
    .input(z.object({ vacancy: vacancyInputSchema }))
    .mutation(({ ctx, input }) => saveVacancy(input.organizationId, null, input.vacancy, ctx.actor)),
  update: employerProcedure("MANAGER")
    .input(vacancyId.extend({ vacancy: vacancyInputSchema }))
    .mutation(({ ctx, input }) => saveVacancy(input.organizationId, input.vacancyId, input.vacancy, ctx.actor)),
  submit: employerProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await submitVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  archive: employerProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await archiveVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  republish: employerProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await republishVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  deleteDraft: employerProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await deleteDraft(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
});
