import { z } from "zod";

import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import { consentGraduateInvitation, declineGraduateInvitation } from "@/server/services/schools/graduate-invitations";

/** The graduate's token from the invitation link (base64url of 32 random bytes). */
export const graduateTokenInput = z.object({ token: z.string().min(20).max(200) });

/**
 * A driving school's graduate answers the invitation: the token is the authority (only the
 * graduate's mailbox received it), the caller must be a seeker, and a used token works for nobody.
 */
export const seekerGraduateRouter = createTRPCRouter({
  consent: seekerProcedure
    .input(graduateTokenInput)
    .mutation(({ ctx, input }) => consentGraduateInvitation(input.token, ctx.actor)),
  decline: seekerProcedure
    .input(graduateTokenInput)
    .mutation(({ ctx, input }) => declineGraduateInvitation(input.token, ctx.actor)),
});
