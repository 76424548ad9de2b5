import { z } from "zod";

import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { adminFinanceRouter } from "@/server/api/routers/admin-finance";
import { getEmail, listEmails } from "@/server/services/admin/emails";
import { METRICS_ROLES, TICKET_STAFF_ROLES } from "@/lib/admin-queues";
import { activityMetrics, revenueMetrics } from "@/server/services/admin/metrics";
import { staffQueues } from "@/server/services/admin/queues";
import { listAuditLog } from "@/server/services/admin/audit-log";
import { auditFilterSchema } from "@/lib/validation/audit";
import { listStaff, setStaffRole } from "@/server/services/admin/staff";
import { resetStaffTotpSchema, setStaffRoleSchema } from "@/lib/validation/staff";
import { resetStaffTotp } from "@/server/services/auth/staff-totp";
import {
  correctionSchema,
  correctVacancy,
  decideVacancy,
  decisionSchema,
  moderationQueue,
  moderationQueueSchema,
} from "@/server/services/admin/moderation";
import {
  answerTicket,
  assignTicket,
  closeTicket,
  getTicket,
  listTickets,
  startTicket,
  type StaffActor,
} from "@/server/services/tickets/handle-tickets";
import {
  answerTicketSchema,
  assignTicketSchema,
  closeTicketSchema,
  ticketIdSchema,
  ticketListSchema,
} from "@/lib/validation/ticket";
import { block, decideAppeal, liftBlock, listAppeals, lookupUser, searchOrganizations } from "@/server/services/blocks/blocks";
import {
  appealDecisionSchema,
  blockSchema,
  liftBlockSchema,
  organizationSearchSchema,
  userLookupSchema,
} from "@/lib/validation/blocks";
import { decideVerification, listOrganizationsToVerify, verificationDecisionSchema } from "@/server/services/admin/organizations";
import { decideDeletionRequest, listDeletionRequests } from "@/server/services/admin/organization-deletions";
import { deletionDecisionSchema } from "@/lib/validation/organization-deletion";
import { QUEUE_ROLES } from "@/lib/admin-queues";
import {
  addTermSchema,
  hideResumeSchema,
  moderationPageSchema,
  organizationFlagsIdSchema,
  resumeModerationIdSchema,
  termIdSchema,
  termListSchema,
} from "@/lib/validation/moderation";
import { addTerm, listTerms, removeTerm } from "@/server/services/moderation/prohibited-terms";
import { hideResume, restoreResume, resumeModerationQueue } from "@/server/services/moderation/resume-moderation";
import { clearOrganizationFlags, flaggedOrganizations } from "@/server/services/moderation/organization-flags";

const metricsRangeSchema = z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() });
import { legalComparisonSchema, legalDocumentIdSchema, legalDraftSchema, legalKindSchema } from "@/lib/validation/legal";
import {
  compareLegalVersions,
  createLegalDraft,
  getLegalVersion,
  listLegalVersions,
  publishLegalVersion,
  updateLegalDraft,
} from "@/server/services/legal/legal-versions";
import { revalidateLegalPages } from "@/server/services/legal/legal-cache";

/** Complaints and feedback: the roles of their queues; each ticket's kind is checked by the service. */
const ticketProcedure = adminProcedure([...TICKET_STAFF_ROLES]);
const staffActor = (ctx: { actor: { userId: number; ip: string | null }; staffRole: StaffActor["role"] }): StaffActor => ({
  ...ctx.actor,
  role: ctx.staffRole,
});

export const adminRouter = createTRPCRouter({
  /** The console's home: the queues of the caller's role with counts and the oldest item's age. */
  queues: adminProcedure(["MODERATOR", "SUPPORT", "FINANCE"]).query(({ ctx }) => staffQueues(ctx.staffRole)),
  finance: adminFinanceRouter,
  /** Staff and their roles: superadmins only (no role listed passes anyone else). */
  staff: createTRPCRouter({
    list: adminProcedure([]).query(() => listStaff()),
    setRole: adminProcedure([])
      .input(setStaffRoleSchema)
      .mutation(({ ctx, input }) => setStaffRole(input, ctx.actor)),
    /** A staff member lost their authenticator: they enrol again at their next console visit. */
    resetTotp: adminProcedure([])
      .input(resetStaffTotpSchema)
      .mutation(({ ctx, input }) => resetStaffTotp(ctx.actor, input.email)),
  }),
  /** Versions of the terms and the privacy policy: superadmins only (publishing binds every user). */
  legal: createTRPCRouter({
    list: adminProcedure([]).query(() => listLegalVersions()),
    get: adminProcedure([])
      .input(legalDocumentIdSchema)
      .query(({ input }) => getLegalVersion(input)),
    /** Any two versions of a kind, drafts included. */
    compare: adminProcedure([])
      .input(legalComparisonSchema)
      .query(({ input }) => compareLegalVersions(input, { publishedOnly: false })),
    createDraft: adminProcedure([])
      .input(legalKindSchema)
      .mutation(({ ctx, input }) => createLegalDraft(input, ctx.actor)),
    updateDraft: adminProcedure([])
      .input(legalDraftSchema)
      .mutation(({ ctx, input }) => updateLegalDraft(input, ctx.actor)),
    publish: adminProcedure([])
      .input(legalDocumentIdSchema)
      .mutation(async ({ ctx, input }) => {
        const published = await publishLegalVersion(input, ctx.actor);
        revalidateLegalPages(published.kind);
        return published;
      }),
  }),
  /** The audit log: superadmins only (it records every staff member's actions and IP addresses). */
  audit: createTRPCRouter({
    list: adminProcedure([])
      .input(auditFilterSchema)
      .query(({ input }) => listAuditLog(input)),
  }),
  /**
   * The metrics page, one procedure per part and its roles (admin-queues.ts); the days are Almaty
   * calendar days (YYYY-MM-DD), checked by the service so that a bad one is a translated refusal.
   */
  metrics: createTRPCRouter({
    activity: adminProcedure([...METRICS_ROLES.activity])
      .input(metricsRangeSchema)
      .query(({ ctx, input }) => activityMetrics({ role: ctx.staffRole }, input)),
    revenue: adminProcedure([...METRICS_ROLES.revenue])
      .input(metricsRangeSchema)
      .query(({ ctx, input }) => revenueMetrics({ role: ctx.staffRole }, input)),
  }),
  emails: createTRPCRouter({
    list: adminProcedure(["SUPPORT"])
      .input(
        z.object({
          to: z.string().max(254).optional(),
          status: z.enum(["QUEUED", "CAPTURED", "SENT", "FAILED"]).optional(),
          cursor: z.number().int().positive().optional(),
        }),
      )
      .query(({ input }) => listEmails(input)),
    get: adminProcedure(["SUPPORT"])
      .input(z.object({ id: z.number().int().positive() }))
      .query(({ input }) => getEmail(input.id)),
  }),
  moderation: createTRPCRouter({
    queue: adminProcedure(["MODERATOR"])
      .input(moderationQueueSchema)
      .query(({ input }) => moderationQueue(input)),
    decide: adminProcedure(["MODERATOR"])
      .input(decisionSchema)
      .mutation(({ ctx, input }) => decideVacancy(input, ctx.actor)),
    correct: adminProcedure(["MODERATOR"])
      .input(correctionSchema)
      .mutation(({ ctx, input }) => correctVacancy(input, ctx.actor)),
  }),
  /** The prohibited-words list: moderators (and superadmins) read and edit it. */
  terms: createTRPCRouter({
    list: adminProcedure([...QUEUE_ROLES.terms])
      .input(termListSchema)
      .query(({ input }) => listTerms(input)),
    add: adminProcedure([...QUEUE_ROLES.terms])
      .input(addTermSchema)
      .mutation(({ ctx, input }) => addTerm(input, ctx.actor)),
    remove: adminProcedure([...QUEUE_ROLES.terms])
      .input(termIdSchema)
      .mutation(({ ctx, input }) => removeTerm(input, ctx.actor)),
  }),
  /** Resumes flagged by the list or asking for a review: hidden with a reason, or restored. */
  resumes: createTRPCRouter({
    queue: adminProcedure([...QUEUE_ROLES.resumes])
      .input(moderationPageSchema.and(z.object({ resumeId: z.number().int().positive().optional() })))
      .query(({ input }) => resumeModerationQueue({ page: input.page }, input.resumeId)),
    hide: adminProcedure([...QUEUE_ROLES.resumes])
      .input(hideResumeSchema)
      .mutation(({ ctx, input }) => hideResume(input, ctx.actor)),
    restore: adminProcedure([...QUEUE_ROLES.resumes])
      .input(resumeModerationIdSchema)
      .mutation(({ ctx, input }) => restoreResume(input, ctx.actor)),
  }),
  /** Organisations whose names or description have terms of the list. */
  organizationFlags: createTRPCRouter({
    list: adminProcedure([...QUEUE_ROLES.organizationTexts])
      .input(moderationPageSchema)
      .query(({ input }) => flaggedOrganizations(input)),
    clear: adminProcedure([...QUEUE_ROLES.organizationTexts])
      .input(organizationFlagsIdSchema)
      .mutation(({ ctx, input }) => clearOrganizationFlags(input, ctx.actor)),
  }),
  /**
   * Blocking and appeals. Moderators block and decide (a sanction is moderation's work); support
   * may look organisations and accounts up and see a block's reason to answer the blocked, but
   * not block: sanctions stay with the role accountable for them. Appeal decisions are refused
   * to the staff member who blocked (in the service).
   */
  blocks: createTRPCRouter({
    organizations: adminProcedure(["MODERATOR", "SUPPORT"])
      .input(organizationSearchSchema)
      .query(({ input }) => searchOrganizations(input)),
    user: adminProcedure(["MODERATOR", "SUPPORT"])
      .input(userLookupSchema)
      .query(({ input }) => lookupUser(input)),
    block: adminProcedure(["MODERATOR"])
      .input(blockSchema)
      .mutation(({ ctx, input }) => block(input, ctx.actor, ctx.staffRole)),
    lift: adminProcedure(["MODERATOR"])
      .input(liftBlockSchema)
      .mutation(({ ctx, input }) => liftBlock(input, ctx.actor)),
    appeals: adminProcedure(["MODERATOR"]).query(({ ctx }) => listAppeals(ctx.user.id)),
    decide: adminProcedure(["MODERATOR"])
      .input(appealDecisionSchema)
      .mutation(({ ctx, input }) => decideAppeal(input, ctx.actor)),
  }),
  organizations: createTRPCRouter({
    toVerify: adminProcedure(["MODERATOR", "SUPPORT"]).query(() => listOrganizationsToVerify()),
    decide: adminProcedure(["MODERATOR", "SUPPORT"])
      .input(verificationDecisionSchema)
      .mutation(({ ctx, input }) => decideVerification(input, ctx.actor)),
  }),
  /** Organisations' deletion requests: superadmins only (no role listed passes anyone else). */
  deletions: createTRPCRouter({
    list: adminProcedure([]).query(() => listDeletionRequests()),
    decide: adminProcedure([])
      .input(deletionDecisionSchema)
      .mutation(({ ctx, input }) => decideDeletionRequest(input, ctx.actor)),
  }),
  tickets: createTRPCRouter({
    list: ticketProcedure.input(ticketListSchema).query(({ ctx, input }) => listTickets(input, staffActor(ctx))),
    get: ticketProcedure.input(ticketIdSchema).query(({ ctx, input }) => getTicket(input, staffActor(ctx))),
    assign: ticketProcedure.input(assignTicketSchema).mutation(({ ctx, input }) => assignTicket(input, staffActor(ctx))),
    start: ticketProcedure.input(ticketIdSchema).mutation(({ ctx, input }) => startTicket(input, staffActor(ctx))),
    answer: ticketProcedure.input(answerTicketSchema).mutation(({ ctx, input }) => answerTicket(input, staffActor(ctx))),
    close: ticketProcedure.input(closeTicketSchema).mutation(({ ctx, input }) => closeTicket(input, staffActor(ctx))),
  }),
});
