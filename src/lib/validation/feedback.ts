import { z } from "zod";

import { emailSchema, localeSchema, nameSchema } from "./auth";

export const feedbackSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  message: z
    .string({ error: "validation.required" })
    .trim()
    .min(10, "validation.messageTooShort")
    .max(5000, "validation.messageTooLong"),
  locale: localeSchema.default("ru"),
});
export type FeedbackInput = z.input<typeof feedbackSchema>;
