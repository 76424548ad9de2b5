import { z } from "zod";

import { SUBSCRIPTION_QUERY_MAX, subscriptionFrequencySchema, subscriptionNameSchema } from "./subscriptions";

// A member's saved searches of the resume database share the name and frequency rules of the
// seekers' subscriptions (the same form fields, the same messages).

/** Saved resume searches one member may keep in one organisation. */
export const SAVED_RESUME_SEARCHES_LIMIT = 20;

const savedSearchIdSchema = z.number().int().positive().max(2_147_483_647);

export const saveResumeSearchSchema = z.object({
  /** The resume search page's query string (page and sort are ignored). */
  query: z.string().max(SUBSCRIPTION_QUERY_MAX, "validation.subscriptionCriteria"),
  name: subscriptionNameSchema,
  frequency: subscriptionFrequencySchema.default("DAILY"),
});
export type SaveResumeSearchInput = z.input<typeof saveResumeSearchSchema>;

export const updateSavedResumeSearchSchema = z.object({
  id: savedSearchIdSchema,
  name: subscriptionNameSchema.optional(),
  frequency: subscriptionFrequencySchema.optional(),
  emailOn: z.boolean().optional(),
});
export type UpdateSavedResumeSearchInput = z.input<typeof updateSavedResumeSearchSchema>;

export const savedResumeSearchIdInput = z.object({ id: savedSearchIdSchema });
