import { z } from "zod";

import { adminProcedure, createTRPCRouter } from "@/server/api/trpc";
import { adminFinanceRouter } from "@/server/api/routers/admin-finance";
import { getEmail, listEmails } from "@/server/services/admin/emails";
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
} from "@/server/services/admin/moderation";
import { decideVerification, listOrganizationsToVerify, verificationDecisionSchema } from "@/server/services/admin/organizations";

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
  /** The audit log: superadmins only (it records every staff member's actions and IP addresses). */
  audit: createTRPCRouter({
    list: adminProcedure([])
      .input(auditFilterSchema)
      .query(({ input }) => listAuditLog(input)),
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
    queue: adminProcedure(["MODERATOR"]).query(() => moderationQueue()),
    decide: adminProcedure(["MODERATOR"])
      .input(decisionSchema)
      .mutation(({ ctx, input }) => decideVacancy(input, ctx.actor)),
    correct: adminProcedure(["MODERATOR"])
      .input(correctionSchema)
      .mutation(({ ctx, input }) => correctVacancy(input, ctx.actor)),
  }),
  organizations: createTRPCRouter({
    toVerify: adminProcedure(["MODERATOR", "SUPPORT"]).query(() => listOrganizationsToVerify()),
    decide: adminProcedure(["MODERATOR", "SUPPORT"])
      .input(verificationDecisionSchema)
      .mutation(({ ctx, input }) => decideVerification(input, ctx.actor)),
  }),
});
