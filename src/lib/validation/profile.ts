import { z } from "zod";

import { codeSchema, emailSchema, localeSchema, nameSchema, optionalKzPhoneSchema, passwordSchema } from "./auth";

export const updateProfileSchema = z.object({
  name: nameSchema,
  phone: optionalKzPhoneSchema.nullable(),
  cityId: z.number().int().positive().nullable(),
  locale: localeSchema,
});
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

/** Email preferences and the marketing consent (off unless the person turns it on). */
export const preferencesSchema = z.object({
  notifyApplicationUpdates: z.boolean(),
  notifyDigests: z.boolean(),
  marketing: z.boolean(),
});
export type PreferencesInput = z.input<typeof preferencesSchema>;

/** The password the person types to prove it is them; only its presence is checked here. */
export const currentPasswordSchema = z
  .string({ error: "validation.required" })
  .min(1, "validation.required")
  .max(200, "validation.passwordTooLong");

export const requestEmailChangeSchema = z.object({
  newEmail: emailSchema,
  currentPassword: currentPasswordSchema,
});
export type RequestEmailChangeInput = z.input<typeof requestEmailChangeSchema>;

export const emailChangeTokenSchema = z.object({ token: z.string().min(20).max(200) });

/**
 * The new password, proven either with the current one or with a one-time code sent to the
 * account's address (for someone who no longer knows the current password).
 */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(200, "validation.passwordTooLong").optional(),
    code: codeSchema.optional(),
    newPassword: passwordSchema,
  })
  .superRefine((value, ctx) => {
    if (!value.code && !value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "validation.required" });
    }
  });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const reportCompromiseSchema = z.object({
  confirm: z.literal(true, { error: "validation.confirmRequired" }),
});

export const deleteAccountSchema = z.object({
  currentPassword: currentPasswordSchema,
  /** The account's email typed out, so the deletion cannot happen by a stray click. */
  confirmation: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(254),
});
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
