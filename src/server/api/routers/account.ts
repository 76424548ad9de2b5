import { z } from "zod";

import { createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { listSessions, revokeOtherSessions, revokeOwnSession } from "@/server/services/account/sessions";

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
  revokeOtherSessions: protectedProcedure.mutation(({ ctx }) => revokeOtherSessions(ctx.user.id, ctx.user.sessionId, ctx.ip)),
});
