import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { invitationTokenSchema } from "@/lib/validation/organization";
import {
  changePasswordSchema,
  deleteAccountSchema,
  preferencesSchema,
  reportCompromiseSchema,
  requestEmailChangeSchema,
  updateProfileSchema,
} from "@/lib/validation/profile";
import { changePassword, sendReauthCode } from "@/server/services/account/change-password";
import { requestEmailChange } from "@/server/services/account/change-email";
import { deleteAccount } from "@/server/services/account/delete-account";
import { reportCompromise } from "@/server/services/account/report-compromise";
import { listSessions, revokeOtherSessions, revokeOwnSession } from "@/server/services/account/sessions";
import { acceptInvitation, previewInvitation } from "@/server/services/organizations/members";
import { getAccountProfile, updatePreferences, updateProfile } from "@/server/services/users/profile";
import { acceptLegalSchema } from "@/lib/validation/legal";
import { acceptLegalDocuments, pendingLegalDocuments } from "@/server/services/legal/legal-acceptance";

/** What every signed-in person can do with their own account, whatever their role. */
export const accountRouter = createTRPCRouter({
  /** The versions of the terms and the privacy policy in force that the caller has yet to accept. */
  pendingLegal: protectedProcedure.query(({ ctx }) => pendingLegalDocuments(ctx.user.id)),
  /** Accepts them: the one mutation allowed before (with signing out, which is not tRPC). */
  acceptLegal: protectedProcedure
    .meta({ beforeLegalAcceptance: true })
    .input(acceptLegalSchema)
    .mutation(({ ctx, input }) => acceptLegalDocuments(ctx.user.id, input, { ip: ctx.ip, userAgent: ctx.userAgent })),
  sessions: protectedProcedure.query(({ ctx }) => listSessions(ctx.user.id, ctx.user.sessionId)),
  revokeSession: protectedProcedure.input(z.object({ sessionId: z.uuid() })).mutation(async ({ ctx, input }) => {
    await revokeOwnSession(ctx.user.id, input.sessionId);
    return { ok: true };
  }),
  invitation: protectedProcedure.input(invitationTokenSchema).query(({ ctx, input }) => previewInvitation(input.token, ctx.user)),
  acceptInvitation: protectedProcedure
    .input(invitationTokenSchema)
    .mutation(({ ctx, input }) => acceptInvitation(input.token, ctx.user, ctx.ip)),
  revokeOtherSessions: protectedProcedure.mutation(({ ctx }) => revokeOtherSessions(ctx.user.id, ctx.user.sessionId, ctx.ip)),

  profile: protectedProcedure.query(({ ctx }) => getAccountProfile(ctx.user.id)),
  updateProfile: protectedProcedure.input(updateProfileSchema).mutation(({ ctx, input }) => updateProfile(ctx.user.id, input)),
  updatePreferences: protectedProcedure
    .input(preferencesSchema)
    .mutation(({ ctx, input }) => updatePreferences(ctx.user.id, input, { ip: ctx.ip })),
  requestEmailChange: protectedProcedure
    .input(requestEmailChangeSchema)
    .mutation(({ ctx, input }) => requestEmailChange(ctx.actor, input)),
  sendReauthCode: protectedProcedure.mutation(({ ctx }) => sendReauthCode(ctx.actor, ctx.locale)),
  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword({ userId: ctx.user.id, ip: ctx.ip, sessionId: ctx.user.sessionId }, input)),
  /** "Someone else used my account": ends every session, this one too. */
  reportCompromise: protectedProcedure.input(reportCompromiseSchema).mutation(async ({ ctx }) => {
    await reportCompromise(ctx.actor);
    return { ok: true };
  }),
  // Whoever does not accept new terms may still leave: deleting the account needs no acceptance.
  deleteAccount: protectedProcedure
    .meta({ beforeLegalAcceptance: true })
    .input(deleteAccountSchema)
    .mutation(async ({ ctx, input }) => {
      await deleteAccount(ctx.actor, input);
      return { ok: true };
    }),
});
