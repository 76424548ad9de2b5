import { z } from "zod";

import { cleanText } from "@/lib/search/params";

// Messages are catalogue keys under "validation.*"; forms translate them.

/** Subscriptions one seeker may keep. */
export const SUBSCRIPTIONS_LIMIT = 20;
export const SUBSCRIPTION_NAME_MAX = 150;
/** Longer than any canonical search query (a query of 200 characters plus every filter). */
export const SUBSCRIPTION_QUERY_MAX = 2000;

export const SUBSCRIPTION_FREQUENCIES = ["DAILY", "WEEKLY"] as const;
export type SubscriptionFrequencyValue = (typeof SUBSCRIPTION_FREQUENCIES)[number];

const subscriptionIdSchema = z.number().int().positive().max(2_147_483_647);

/**
 * A name is plain text: control characters and runs of spaces go, anything else (including what
 * looks like HTML) is kept as typed and only ever rendered as text.
 */
export const subscriptionNameSchema = z
  .string({ error: "validation.required" })
  .max(SUBSCRIPTION_NAME_MAX * 4, "validation.subscriptionNameTooLong")
  .transform(cleanText)
  .pipe(
    z.string().min(1, "validation.subscriptionNameRequired").max(SUBSCRIPTION_NAME_MAX, "validation.subscriptionNameTooLong"),
  );

export const subscriptionFrequencySchema = z.enum(SUBSCRIPTION_FREQUENCIES, { error: "validation.required" });

export const createSubscriptionSchema = z.object({
  /** The search page's query string (with or without page, sort and period, which are ignored). */
  query: z.string().max(SUBSCRIPTION_QUERY_MAX, "validation.subscriptionCriteria"),
  /** Left out: a summary of the search in the seeker's language. */
  name: subscriptionNameSchema.optional(),
  frequency: subscriptionFrequencySchema.default("DAILY"),
});
export type CreateSubscriptionInput = z.input<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z.object({
  id: subscriptionIdSchema,
  name: subscriptionNameSchema.optional(),
  frequency: subscriptionFrequencySchema.optional(),
});
export type UpdateSubscriptionInput = z.input<typeof updateSubscriptionSchema>;

export const setSubscriptionPausedSchema = z.object({ id: subscriptionIdSchema, paused: z.boolean() });

export const subscriptionIdInput = z.object({ id: subscriptionIdSchema });

/** What the create and edit forms check in the browser before sending. */
export const subscriptionFormSchema = z.object({ name: subscriptionNameSchema, frequency: subscriptionFrequencySchema });
