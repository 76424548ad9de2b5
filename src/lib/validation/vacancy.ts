import { z } from "zod";

import { EmploymentType, Experience, LicenceCategory, PublicationType, WorkSchedule } from "@/generated/prisma/enums";

import { emailSchema, optionalKzPhoneSchema } from "./auth";

// Messages are catalogue keys under "validation.*"; forms translate them.

export const MAX_SPECIALIZATIONS = 6;
/** Length of the description's text (characters) and of its stored HTML (bytes), SPEC §4. */
export const DESCRIPTION_MIN_CHARS = 200;
export const DESCRIPTION_MAX_BYTES = 200 * 1024;
/** What the form may send at all: anything longer is refused before it is cleaned. */
const DESCRIPTION_INPUT_MAX = 2 * DESCRIPTION_MAX_BYTES;
export const MAX_SALARY = 100_000_000;

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((v) => (v ? v : null));

const salary = z
  .number({ error: "validation.vacancy.salary" })
  .int("validation.vacancy.salary")
  .min(0, "validation.vacancy.salary")
  .max(MAX_SALARY, "validation.vacancy.salary")
  .nullable();

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];

export const vacancyInputSchema = z
  .object({
    title: z
      .string({ error: "validation.required" })
      .trim()
      .min(3, "validation.vacancy.titleTooShort")
      .max(150, "validation.vacancy.titleTooLong"),
    language: z.enum(["ru", "kk"]).default("ru"),
    specializationIds: z
      .array(z.number().int().positive())
      .min(1, "validation.vacancy.specializationsRange")
      .max(MAX_SPECIALIZATIONS, "validation.vacancy.specializationsRange")
      .transform((ids) => [...new Set(ids)]),
    cityId: z.number({ error: "validation.required" }).int().positive("validation.required"),
    address: optionalText(255, "validation.addressTooLong"),
    salaryFrom: salary,
    salaryTo: salary,
    salaryGross: z.boolean().default(false),
    experience: z.enum(values(Experience)),
    employmentType: z.enum(values(EmploymentType)),
    schedule: z.enum(values(WorkSchedule)),
    isRemote: z.boolean().default(false),
    licenceCategories: z
      .array(z.enum(values(LicenceCategory)))
      .max(15)
      .default([])
      .transform((list) => [...new Set(list)]),
    description: z.string({ error: "validation.required" }).max(DESCRIPTION_INPUT_MAX, "validation.vacancy.descriptionTooLong"),
    publicationType: z.enum(values(PublicationType)).default("STANDARD"),
    companyDescription: optionalText(2000, "validation.vacancy.companyDescriptionTooLong"),
    contactName: optionalText(120, "validation.nameTooLong"),
    contactPhone: optionalKzPhoneSchema.nullish().transform((v) => v ?? null),
    contactEmail: z
      .union([z.literal(""), emailSchema])
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .superRefine((v, ctx) => {
    if (v.salaryFrom !== null && v.salaryTo !== null && v.salaryFrom > v.salaryTo) {
      ctx.addIssue({ code: "custom", path: ["salaryTo"], message: "validation.vacancy.salaryRange" });
    }
    if (v.publicationType === "ANONYMOUS" && (v.companyDescription?.length ?? 0) < 30) {
      ctx.addIssue({ code: "custom", path: ["companyDescription"], message: "validation.vacancy.companyDescriptionRequired" });
    }
  });
export type VacancyInput = z.input<typeof vacancyInputSchema>;
export type VacancyData = z.output<typeof vacancyInputSchema>;

export const moderationReasonSchema = z
  .string({ error: "validation.reasonRequired" })
  .trim()
  .min(5, "validation.reasonRequired")
  .max(2000, "validation.reasonTooLong");
