import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { invitationTokenSchema } from "@/lib/validation/organization";
import { listSessions, revokeOtherSessions, revokeOwnSession } from "@/server/services/account/sessions";
import { acceptInvitation, previewInvitation } from "@/server/services/organizations/members";

/** What every signed-in person can do with their own account, whatever their role. */
export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => {
    const { sessionId: _sessionId, ...user } = ctx.user;
    return user;
  }),
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
});
