import { z } from "zod";

import { ComplaintReason } from "@/generated/prisma/enums";

import { emailSchema, localeSchema } from "./auth";

/** In the order the form lists them; "other" last. */
export const COMPLAINT_REASONS = Object.values(ComplaintReason);

export const COMPLAINT_MESSAGE_MAX = 2000;

const optionalName = z
  .string({ error: "validation.required" })
  .trim()
  .max(120, "validation.nameTooLong")
  .optional()
  .transform((value) => value || undefined);

const optionalEmail = z
  .string({ error: "validation.email" })
  .trim()
  .max(254, "validation.email")
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const parsed = emailSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "validation.email" });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * A complaint about a vacancy. Name and email may be left out by a signed-in author (the account's
 * are used); a guest must give an email, see `guestComplaintSchema`.
 */
export const complaintSchema = z.object({
  vacancyId: z.number({ error: "errors.invalidInput" }).int().positive().max(2_147_483_647),
  reason: z.enum(ComplaintReason, { error: "complaint.validation.reasonRequired" }),
  message: z
    .string({ error: "validation.required" })
    .trim()
    .min(10, "validation.messageTooShort")
    .max(COMPLAINT_MESSAGE_MAX, "complaint.validation.messageTooLong"),
  name: optionalName,
  email: optionalEmail,
  locale: localeSchema.default("ru"),
});
export type ComplaintInput = z.input<typeof complaintSchema>;

/** Guests have no account to answer to, so the operator needs their email. */
export const guestComplaintSchema = complaintSchema.extend({ email: emailSchema });

/** A complaint of an employer's member about a resume the organisation may see. */
export const resumeComplaintSchema = complaintSchema
  .pick({ reason: true, message: true, locale: true })
  .extend({ resumeId: z.uuid({ error: "errors.invalidInput" }) });
export type ResumeComplaintInput = z.input<typeof resumeComplaintSchema>;
