import { z } from "zod";

import { safeCallbackPath } from "@/lib/safe-callback";

import { normalizeKzMobile } from "./phone";

// Messages are catalogue keys under "validation.*"; forms translate them.
export const emailSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.email")
  .pipe(z.email({ error: "validation.email" }));

export const passwordSchema = z
  .string({ error: "validation.required" })
  .min(8, "validation.passwordTooShort")
  .max(128, "validation.passwordTooLong");

export const nameSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(2, "validation.nameTooShort")
  .max(120, "validation.nameTooLong");

export const kzPhoneSchema = z
  .string({ error: "validation.required" })
  .trim()
  .max(32, "validation.phoneKz")
  .transform((value, ctx) => {
    const phone = normalizeKzMobile(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "validation.phoneKz" });
      return z.NEVER;
    }
    return phone;
  });

/** Empty means "no phone" (null); anything else must be a valid KZ mobile. */
export const optionalKzPhoneSchema = z
  .string({ error: "validation.phoneKz" })
  .trim()
  .max(32, "validation.phoneKz")
  .transform((value, ctx) => {
    if (value === "") return null;
    const phone = normalizeKzMobile(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "validation.phoneKz" });
      return z.NEVER;
    }
    return phone;
  });

export const localeSchema = z.enum(["ru", "kk"]);

export const signUpSchema = z.object({
  accountType: z.enum(["seeker", "employer"], { error: "validation.required" }),
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  // Optional at sign-up; required later before applying.
  phone: optionalKzPhoneSchema.nullish().transform((v) => v ?? undefined),
  adult: z.literal(true, { error: "validation.adultRequired" }),
  acceptTerms: z.literal(true, { error: "validation.termsRequired" }),
  marketing: z.boolean().default(false),
  locale: localeSchema.default("ru"),
  /**
   * The page that sent the person to sign up (a graduate's invitation, say): the verification link
   * carries it to the sign-in that follows. Only a path of this site is kept; anything else is dropped.
   */
  callbackUrl: z
    .string()
    .max(2000)
    .nullish()
    .transform((v) => signUpCallbackPath(v)),
});
export type SignUpInput = z.input<typeof signUpSchema>;

/** A same-site path (without its locale) to come back to after signing up, or undefined (none, or not of this site). */
export function signUpCallbackPath(value: string | string[] | null | undefined): string | undefined {
  return safeCallbackPath(value, "") || undefined;
}

export const signInCodeRequestSchema = z.object({ email: emailSchema, locale: localeSchema.default("ru") });

/** Another verification link, which keeps the page the person signed up from (see signUpSchema). */
export const resendVerificationSchema = signInCodeRequestSchema.extend({
  callbackUrl: z
    .string()
    .max(2000)
    .nullish()
    .transform((v) => signUpCallbackPath(v)),
});

export const codeSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{6}$/, "validation.code");

export const verifyEmailSchema = z.object({ token: z.string().min(20).max(200) });
