import { z } from "zod";

import { resumeInputSchema } from "@/lib/validation/resume";
import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import {
  createResume,
  deleteResume,
  duplicateResume,
  findOrganizationsToHideFrom,
  getMyResume,
  getMyResumeWithContacts,
  listMyResumes,
  updateResume,
} from "@/server/services/resumes/resumes";
import { requestResumeReview } from "@/server/services/moderation/resume-moderation";
import { hideMyResumesFromOrganization, listMyResumeOpenings } from "@/server/services/resume-database/seeker-openings";

const id = z.number().int().positive();

/** A seeker's own resumes: every call is scoped to the caller's id, another's id is NOT_FOUND. */
export const seekerResumesRouter = createTRPCRouter({
  list: seekerProcedure.query(({ ctx }) => listMyResumes(ctx.user.id)),
  /** Which organisations opened the seeker's contacts, and when ("who viewed my resume"). */
  openedBy: seekerProcedure.query(({ ctx }) => listMyResumeOpenings(ctx.user.id)),
  /** One click: the seeker's resumes shown to all are no longer shown to an organisation that opened them. */
  hideFromOrganization: seekerProcedure
    .input(z.object({ organizationId: id }))
    .mutation(({ ctx, input }) => hideMyResumesFromOrganization(ctx.user.id, input.organizationId)),
  get: seekerProcedure.input(z.object({ resumeId: id })).query(({ ctx, input }) => getMyResume(ctx.user.id, input.resumeId)),
  withContacts: seekerProcedure
    .input(z.object({ resumeId: id }))
    .query(({ ctx, input }) => getMyResumeWithContacts(ctx.user.id, input.resumeId)),
  create: seekerProcedure.input(resumeInputSchema).mutation(({ ctx, input }) => createResume(ctx.user.id, input)),
  update: seekerProcedure
    .input(z.object({ resumeId: id, resume: resumeInputSchema }))
    .mutation(({ ctx, input }) => updateResume(ctx.user.id, input.resumeId, input.resume)),
  duplicate: seekerProcedure
    .input(z.object({ resumeId: id, copySuffix: z.string().trim().min(1).max(20) }))
    .mutation(({ ctx, input }) => duplicateResume(ctx.user.id, input.resumeId, input.copySuffix)),
  delete: seekerProcedure.input(z.object({ resumeId: id })).mutation(async ({ ctx, input }) => {
    await deleteResume(ctx.user.id, input.resumeId);
    return { ok: true };
  }),
  /** A resume hidden by moderation, fixed by its owner: back to the moderators. */
  requestReview: seekerProcedure
    .input(z.object({ resumeId: id }))
    .mutation(({ ctx, input }) => requestResumeReview(ctx.user.id, input, ctx.actor)),
  organizations: seekerProcedure
    .input(z.object({ query: z.string().max(100) }))
    .query(({ input }) => findOrganizationsToHideFrom(input.query)),
});
