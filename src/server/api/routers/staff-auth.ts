import { createTRPCRouter, staffProcedure } from "@/server/api/trpc";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/validation/staff";
import {
  confirmStaffTotpEnrolment,
  startStaffTotpEnrolment,
  staffTotpState,
  useStaffRecoveryCode,
  verifyStaffTotp,
} from "@/server/services/auth/staff-totp";

/**
 * The staff second factor, before it is passed: any staff member, for their own account and the
 * current session only. Everything else of the console is in the admin router.
 */
export const staffAuthRouter = createTRPCRouter({
  status: staffProcedure.query(async ({ ctx }) => ({
    state: await staffTotpState(ctx.user.id),
    passed: ctx.user.secondFactorPassed,
  })),
  startEnrolment: staffProcedure.mutation(async ({ ctx }) => {
    const { secret, qrSvg } = await startStaffTotpEnrolment(ctx.actor);
    return { secret, qrSvg };
  }),
  confirmEnrolment: staffProcedure
    .input(totpCodeSchema)
    .mutation(({ ctx, input }) => confirmStaffTotpEnrolment(ctx.actor, ctx.user.sessionId, input.code)),
  verify: staffProcedure.input(totpCodeSchema).mutation(async ({ ctx, input }) => {
    await verifyStaffTotp(ctx.actor, ctx.user.sessionId, input.code);
    return { ok: true as const };
  }),
  useRecoveryCode: staffProcedure
    .input(recoveryCodeSchema)
    .mutation(({ ctx, input }) => useStaffRecoveryCode(ctx.actor, ctx.user.sessionId, input.code)),
});
