import { z } from "zod";

import { vacancyInputSchema } from "@/lib/validation/vacancy";
import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
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

/** An organisation's vacancies (an employer's or a driving school's): observers and instructors read, managers and owners write. */
export const employerVacanciesRouter = createTRPCRouter({
  list: hiringProcedure("OBSERVER")
    .input(z.object({ status: z.enum(STATUSES).optional() }))
    .query(({ input }) => listOrganizationVacancies(input.organizationId, input.status)),
  get: hiringProcedure("OBSERVER")
    .input(vacancyId)
    .query(({ input }) => getOrganizationVacancy(input.organizationId, input.vacancyId)),
  stats: hiringProcedure("OBSERVER")
    .input(vacancyId)
    .query(({ input }) => vacancyStats(input.organizationId, input.vacancyId)),
  create: hiringProcedure("MANAGER")
    .input(z.object({ vacancy: vacancyInputSchema }))
    .mutation(({ ctx, input }) => saveVacancy(input.organizationId, null, input.vacancy, ctx.actor)),
  update: hiringProcedure("MANAGER")
    .input(vacancyId.extend({ vacancy: vacancyInputSchema }))
    .mutation(({ ctx, input }) => saveVacancy(input.organizationId, input.vacancyId, input.vacancy, ctx.actor)),
  submit: hiringProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await submitVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  archive: hiringProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await archiveVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  republish: hiringProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await republishVacancy(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
  deleteDraft: hiringProcedure("MANAGER")
    .input(vacancyId)
    .mutation(async ({ ctx, input }) => {
      await deleteDraft(input.organizationId, input.vacancyId, ctx.actor);
      return { ok: true };
    }),
});
