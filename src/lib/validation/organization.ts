import { z } from "zod";

import { isValidKzIdentifier } from "../kz-identifiers";

import { emailSchema, optionalKzPhoneSchema } from "./auth";

// Messages are catalogue keys under "validation.*"; forms translate them.

/** Organisation types an employer may register. */
export const EMPLOYER_TYPES = ["EMPLOYER", "AGENCY", "PRIVATE_RECRUITER"] as const;
/** Every type the registration form offers: the employers' and a driving school. */
export const REGISTRABLE_TYPES = [...EMPLOYER_TYPES, "DRIVING_SCHOOL"] as const;
export type RegistrableType = (typeof REGISTRABLE_TYPES)[number];

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  z.string({ error: "validation.required" }).trim().min(min, tooShort).max(max, tooLong);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => (v === "" ? null : v))
    .nullish()
    .transform((v) => v ?? null);

export const identifierSchema = z
  .string({ error: "validation.required" })
  .trim()
  .transform((v) => v.replace(/\s+/g, ""))
  .superRefine((value, ctx) => {
    if (!/^\d{12}$/.test(value)) ctx.addIssue({ code: "custom", message: "validation.identifierFormat" });
    else if (!isValidKzIdentifier(value)) ctx.addIssue({ code: "custom", message: "validation.identifierCheckDigit" });
  });

const websiteSchema = z
  .string()
  .trim()
  .max(255, "validation.urlTooLong")
  .transform((value, ctx) => {
    if (value === "") return null;
    const candidate = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(candidate);
      if (!/^https?:$/.test(url.protocol) || !url.hostname.includes(".")) throw new Error("not a site");
      return url.toString();
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.url" });
      return z.NEVER;
    }
  })
  .nullish()
  .transform((v) => v ?? null);

/** The fields an organisation's owner edits at any time. */
export const organizationProfileSchema = z.object({
  displayName: text(2, 160, "validation.orgNameTooShort", "validation.orgNameTooLong"),
  description: optionalText(5000, "validation.descriptionTooLong"),
  website: websiteSchema,
  email: z
    .union([z.literal(""), emailSchema])
    .nullish()
    .transform((v) => (v ? v : null)),
  phone: optionalKzPhoneSchema.nullish().transform((v) => v ?? null),
  cityId: z.number().int().positive().nullable(),
  address: optionalText(255, "validation.addressTooLong"),
});

/**
 * Registration: the profile plus what identifies the organisation legally. A driving school also
 * names its city and address (its public page and the directory by city need them) and may give
 * its education licence number.
 */
export const createOrganizationSchema = organizationProfileSchema
  .extend({
    type: z.enum(REGISTRABLE_TYPES, { error: "validation.required" }),
    legalName: text(2, 255, "validation.orgNameTooShort", "validation.legalNameTooLong"),
    /** BIN for a company, agency or school, IIN for a private recruiter. */
    identifier: identifierSchema,
    educationLicence: optionalText(60, "validation.schoolProfile.licenceTooLong"),
  })
  .superRefine((value, ctx) => {
    if (value.type !== "DRIVING_SCHOOL") return;
    if (value.cityId === null)
      ctx.addIssue({ code: "custom", path: ["cityId"], message: "validation.schoolProfile.cityRequired" });
    if (value.address === null)
      ctx.addIssue({ code: "custom", path: ["address"], message: "validation.schoolProfile.addressRequired" });
  });
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

/** Legal details change only while the organisation is not verified (verification checks them). */
export const organizationLegalSchema = z.object({
  legalName: text(2, 255, "validation.orgNameTooShort", "validation.legalNameTooLong"),
  identifier: identifierSchema,
});

export const ASSIGNABLE_ROLES = ["OWNER", "MANAGER", "OBSERVER", "INSTRUCTOR"] as const;

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(ASSIGNABLE_ROLES, { error: "validation.required" }),
  locale: z.enum(["ru", "kk"]).default("ru"),
});

export const invitationTokenSchema = z.object({ token: z.string().min(20).max(200) });
