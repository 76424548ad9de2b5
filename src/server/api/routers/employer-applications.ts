import { z } from "zod";

import { LICENCE_CATEGORIES } from "@/lib/validation/resume";
import { createTRPCRouter, hiringProcedure } from "@/server/api/trpc";
import {
  addNote,
  getApplication,
  getTemplates,
  listApplications,
  markApplicationViewed,
  respondToApplications,
  responseSchema,
  saveTemplate,
  templateSchema,
} from "@/server/services/applications/employer-inbox";

const STATUSES = ["SENT", "VIEWED", "INVITED", "REJECTED", "WITHDRAWN"] as const;
const id = z.number().int().positive();

/** The applicant inbox of an organisation that hires: observers and instructors read, managers and owners answer. */
export const employerApplicationsRouter = createTRPCRouter({
  list: hiringProcedure("OBSERVER")
    .input(
      z.object({
        vacancyId: id.optional(),
        status: z.enum(STATUSES).optional(),
        verifiedCategory: z.enum(LICENCE_CATEGORIES).optional(),
        cursor: id.optional(),
      }),
    )
    .query(({ input }) => listApplications(input.organizationId, input)),
  get: hiringProcedure("OBSERVER")
    .input(z.object({ applicationId: id }))
    .query(({ input }) => getApplication(input.organizationId, input.applicationId)),
  /** Called by the application's page once it is shown: reading alone changes nothing. */
  markViewed: hiringProcedure("OBSERVER")
    .input(z.object({ applicationId: id }))
    .mutation(({ input }) => markApplicationViewed(input.organizationId, input.applicationId)),
  addNote: hiringProcedure("MANAGER")
    .input(z.object({ applicationId: id, body: z.string().max(8000) }))
    .mutation(({ ctx, input }) => addNote(input.organizationId, input.applicationId, input.body, ctx.actor)),
  respond: hiringProcedure("MANAGER")
    .input(responseSchema)
    .mutation(({ ctx, input }) => respondToApplications(input.organizationId, input, ctx.actor)),
  templates: hiringProcedure("OBSERVER").query(({ input }) => getTemplates(input.organizationId)),
  saveTemplate: hiringProcedure("MANAGER")
    .input(templateSchema)
    .mutation(async ({ ctx, input }) => {
      await saveTemplate(input.organizationId, input, ctx.actor);
      return { ok: true };
    }),
});
