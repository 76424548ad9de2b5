import { z } from "zod";

import { isCalendarDay } from "../schools/calendar-day";
import { LICENCE_CATEGORIES_LAW_ORDER } from "../schools/licence-categories";

import { emailSchema, optionalKzPhoneSchema } from "./auth";

// The driving-school registry's forms; messages are catalogue keys under "validation.*". Rules
// that need more than one field or today's date (the IIN against the birth date and sex, a
// minor's guardian, the category's minimum age) are in src/lib/schools/trainee-rules.ts.

export const TRAINEE_STATUSES = ["ENROLLED", "STUDYING", "GRADUATED", "EXPELLED", "TRANSFERRED"] as const;
export const SEXES = ["MALE", "FEMALE"] as const;

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  z.string({ error: "validation.required" }).trim().min(min, tooShort).max(max, tooLong);

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((v) => (v ? v : null));

export const daySchema = z.string({ error: "validation.required" }).trim().refine(isCalendarDay, "validation.trainee.date");

export const licenceCategorySchema = z.enum(LICENCE_CATEGORIES_LAW_ORDER, { error: "validation.trainee.category" });

export const groupInputSchema = z
  .object({
    name: text(1, 60, "validation.required", "validation.school.groupNameTooLong"),
    category: licenceCategorySchema,
    startsOn: daySchema,
    endsOn: daySchema,
    /** The membership id of the instructor, or null. */
    instructorId: z.number().int().positive().nullable(),
    schedule: optionalText(1000, "validation.school.scheduleTooLong"),
  })
  .refine((g) => g.endsOn >= g.startsOn, { path: ["endsOn"], message: "validation.school.endsBeforeStart" });
export type GroupInput = z.input<typeof groupInputSchema>;

export const guardianSchema = z.object({
  name: text(2, 200, "validation.nameTooShort", "validation.trainee.nameTooLong"),
  relation: text(2, 60, "validation.required", "validation.trainee.relationTooLong"),
  consentOn: daySchema,
});

export const traineeInputSchema = z.object({
  fullName: text(2, 200, "validation.nameTooShort", "validation.trainee.nameTooLong"),
  iin: z
    .string({ error: "validation.required" })
    .trim()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{12}$/, "validation.trainee.iinFormat")),
  birthDate: daySchema,
  sex: z.enum(SEXES, { error: "validation.trainee.sex" }),
  phone: optionalKzPhoneSchema.nullish().transform((v) => v ?? null),
  email: z
    .union([z.literal(""), emailSchema])
    .nullish()
    .transform((v) => (v ? v : null)),
  category: licenceCategorySchema,
  groupId: z.number().int().positive().nullable(),
  guardian: guardianSchema.nullable(),
});
export type TraineeInput = z.input<typeof traineeInputSchema>;
export type TraineeValues = z.output<typeof traineeInputSchema>;

export const certificateSchema = z.object({
  number: text(1, 50, "validation.required", "validation.trainee.certificateTooLong"),
  date: daySchema,
});

export const statusChangeSchema = z.object({
  status: z.enum(TRAINEE_STATUSES, { error: "validation.required" }),
  /** The day the status took effect (today when not given). */
  effectiveOn: daySchema.nullish().transform((v) => v ?? null),
  note: optionalText(500, "validation.trainee.noteTooLong"),
  /** Required for GRADUATED, refused otherwise. */
  certificate: certificateSchema.nullish().transform((v) => v ?? null),
});
export type StatusChangeInput = z.input<typeof statusChangeSchema>;

export const traineeListSchema = z.object({
  query: z.string().trim().max(100).optional(),
  groupId: z.number().int().positive().optional(),
  status: z.enum(TRAINEE_STATUSES).optional(),
  category: licenceCategorySchema.optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TraineeListInput = z.input<typeof traineeListSchema>;
