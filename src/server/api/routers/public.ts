import { z } from "zod";
import { userAppealSchema } from "@/lib/validation/blocks";
import { appealByLink, appealUserBlock } from "@/server/services/blocks/blocks";

import { complaintSchema } from "@/lib/validation/complaint";
import { feedbackSchema } from "@/lib/validation/feedback";
import { resendVerificationSchema, signInCodeRequestSchema, signUpSchema } from "@/lib/validation/auth";
import { createTRPCRouter, publicProcedure } from "@/server/api/trpc";
import { sendVerificationEmail } from "@/server/services/auth/auth-emails";
import { consumeLimit } from "@/server/services/auth/rate-limit";
import { requestSignInCode } from "@/server/services/auth/sign-in-code";
import { sendAccountNotice } from "@/server/services/account/account-emails";
import { signUp } from "@/server/services/auth/sign-up";
import { resendVerification } from "@/server/services/auth/verify-email";
import { publicPriceList } from "@/server/services/billing/tariffs";
import { previewGraduateInvitation } from "@/server/services/schools/graduate-invitations";
import { loadVacancyCards } from "@/server/services/search/vacancy-cards";
import { createComplaint } from "@/server/services/tickets/create-complaint";
import { createFeedback } from "@/server/services/tickets/create-feedback";

import { graduateTokenInput } from "./seeker-graduate";

const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    if (ctx.ip) await consumeLimit("signUpPerIp", ctx.ip);
    const result = await signUp(input, { ip: ctx.ip, userAgent: ctx.userAgent });
    // The same answer either way: whether an address has an account is not for strangers to learn.
    const sent =
      result.kind === "created"
        ? await sendVerificationEmail(result.user, result.verificationSecret, input.callbackUrl)
        : await sendAccountNotice(result.user, result.user.email, { kind: "signUpAttempt" });
    return { email: result.user.email, verificationEmailSent: sent.delivered };
  }),
  requestSignInCode: publicProcedure.input(signInCodeRequestSchema).mutation(async ({ ctx, input }) => {
    await requestSignInCode(input.email, input.locale, ctx.ip);
    return { sent: true };
  }),
  resendVerification: publicProcedure.input(resendVerificationSchema).mutation(async ({ ctx, input }) => {
    await resendVerification(input.email, input.locale, ctx.ip, input.callbackUrl);
    return { sent: true };
  }),
});

const vacanciesRouter = createTRPCRouter({
  /** Cards for ids kept in the browser (a guest's saved vacancies); unavailable ones are left out. */
  cards: publicProcedure
    .input(z.object({ ids: z.array(z.number().int().positive().max(2_147_483_647)).max(200) }))
    .query(({ input }) => loadVacancyCards([...new Set(input.ids)])),
  complain: publicProcedure
    .input(complaintSchema)
    .mutation(({ ctx, input }) => createComplaint(input, { user: ctx.user, ip: ctx.ip })),
});

/** A blocked person's appeal, through the single-use link of their block email. */
const appealRouter = createTRPCRouter({
  /** The block behind a link (its reason and date), or null for a link that is dead. */
  get: publicProcedure.input(z.object({ token: z.string().max(200) })).query(({ input }) => appealByLink(input.token)),
  submit: publicProcedure.input(userAppealSchema).mutation(({ ctx, input }) => appealUserBlock(input, ctx.actor)),
});

export const publicRouter = createTRPCRouter({
  /** Who is signed in, or null: the header asks from the browser so pages stay cacheable. */
  viewer: publicProcedure.query(({ ctx }) =>
    ctx.user
      ? { name: ctx.user.name, isSeeker: ctx.user.isSeeker, staffRole: ctx.user.staffRole, legalPending: ctx.user.legalPending }
      : null,
  ),
  /** The tariffs in force now: every product on sale, its price in KZT with VAT included. */
  prices: publicProcedure.query(() => publicPriceList()),
  auth: authRouter,
  vacancies: vacanciesRouter,
  appeal: appealRouter,
  /** A graduate's invitation link: the school, category and year, or why it no longer works. */
  graduateInvitation: publicProcedure.input(graduateTokenInput).query(({ input }) => previewGraduateInvitation(input.token)),
  sendFeedback: publicProcedure
    .input(feedbackSchema)
    .mutation(({ ctx, input }) => createFeedback(input, { userId: ctx.user?.id ?? null, ip: ctx.ip })),
});
