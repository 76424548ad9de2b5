import { z } from "zod";

import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import {
  applyContext,
  applySchema,
  applyToVacancy,
  listMyApplications,
  withdrawApplication,
} from "@/server/services/applications/apply";

import { seekerGraduateRouter } from "./seeker-graduate";
import { seekerResumesRouter } from "./seeker-resumes";
import { seekerSavedRouter } from "./seeker-saved";
import { seekerSubscriptionsRouter } from "./seeker-subscriptions";

export const seekerRouter = createTRPCRouter({
  resumes: seekerResumesRouter,
  saved: seekerSavedRouter,
  subscriptions: seekerSubscriptionsRouter,
  graduate: seekerGraduateRouter,
  // The profile is the account's (account.profile / account.updateProfile), for every role.
  applications: createTRPCRouter({
    context: seekerProcedure
      .input(z.object({ vacancyId: z.number().int().positive() }))
      .query(({ ctx, input }) => applyContext(ctx.user.id, input.vacancyId)),
    submit: seekerProcedure
      .input(applySchema)
      .mutation(({ ctx, input }) => applyToVacancy(ctx.user.id, input, new Date(), { ip: ctx.ip })),
    list: seekerProcedure.query(({ ctx }) => listMyApplications(ctx.user.id)),
    withdraw: seekerProcedure.input(z.object({ applicationId: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
      await withdrawApplication(ctx.user.id, input.applicationId);
      return { ok: true };
    }),
  }),
});
