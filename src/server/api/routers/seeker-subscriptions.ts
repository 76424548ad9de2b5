import {
  createSubscriptionSchema,
  setSubscriptionPausedSchema,
  subscriptionIdInput,
  updateSubscriptionSchema,
} from "@/lib/validation/subscriptions";
import { createTRPCRouter, seekerProcedure } from "@/server/api/trpc";
import { setSubscriptionPaused, updateSubscription } from "@/server/services/subscriptions/change-subscription";
import { createSubscription } from "@/server/services/subscriptions/create-subscription";
import { deleteSubscription } from "@/server/services/subscriptions/delete-subscription";
import { listSubscriptions } from "@/server/services/subscriptions/list-subscriptions";

/** Saved searches sent by email; every procedure acts on the caller's own subscriptions only. */
export const seekerSubscriptionsRouter = createTRPCRouter({
  list: seekerProcedure.query(({ ctx }) => listSubscriptions(ctx.user.id, ctx.locale)),
  create: seekerProcedure
    .input(createSubscriptionSchema)
    .mutation(({ ctx, input }) => createSubscription(ctx.user.id, input, ctx.locale)),
  update: seekerProcedure.input(updateSubscriptionSchema).mutation(({ ctx, input }) => updateSubscription(ctx.user.id, input)),
  setPaused: seekerProcedure
    .input(setSubscriptionPausedSchema)
    .mutation(({ ctx, input }) => setSubscriptionPaused(ctx.user.id, input)),
  delete: seekerProcedure.input(subscriptionIdInput).mutation(({ ctx, input }) => deleteSubscription(ctx.user.id, input)),
});
