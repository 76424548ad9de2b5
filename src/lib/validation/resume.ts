import { z } from "zod";

// The resume as the seeker's form sends it, checked the same way in the browser and on the server.
// Messages are catalogue keys under "validation.*".
//
// By design there is no field for race, nationality, political views, union membership, religion,
// health, sex life, criminal record, biometrics, photo, birth date, sex or marital status: a
// resume holds what is needed to judge someone's fitness for a job and nothing else (SPEC §8).

export const MAX_RESUMES = 20;
export const MAX_RESUME_SALARY = 50_000_000;
export const MAX_RESUME_SPECIALIZATIONS = 6;
export const MAX_EXPERIENCES = 30;
export const MAX_EDUCATIONS = 10;
export const MAX_LANGUAGES = 10;
export const MAX_SKILLS = 30;
export const MAX_HIDDEN_ORGANIZATIONS = 50;
export const ABOUT_MAX_CHARS = 5000;
export const EXPERIENCE_DESCRIPTION_MAX_CHARS = 4000;
export const EARLIEST_YEAR = 1950;

/** Languages offered in the resume form (ISO 639-1); names come from Intl.DisplayNames. */
export const RESUME_LANGUAGES = [
  "kk",
  "ru",
  "en",
  "de",
  "fr",
  "es",
  "it",
  "tr",
  "zh",
  "ko",
  "ja",
  "ar",
  "fa",
  "hi",
  "uz",
  "ky",
  "tg",
  "tk",
  "az",
  "uk",
  "be",
  "tt",
  "ug",
  "pl",
] as const;

export const EMPLOYMENT_TYPES = ["FULL_TIME", "PART_TIME", "PROJECT", "TEMPORARY", "INTERNSHIP", "VOLUNTEER"] as const;
export const WORK_SCHEDULES = ["FULL_DAY", "SHIFT", "FLEXIBLE", "ROTATION"] as const;
export const LICENCE_CATEGORIES = [
  "A",
  "A1",
  "B",
  "B1",
  "C",
  "C1",
  "D",
  "D1",
  "BE",
  "CE",
  "DE",
  "C1E",
  "D1E",
  "TM",
  "TB",
] as const;
export const EDUCATION_LEVELS = ["SECONDARY", "VOCATIONAL", "INCOMPLETE_HIGHER", "BACHELOR", "MASTER", "DOCTORATE"] as const;
export const LANGUAGE_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "NATIVE"] as const;
export const RESUME_VISIBILITIES = ["ALL", "APPLIED_ONLY", "HIDDEN", "ALL_EXCEPT"] as const;

/** A tag-like `<x …>` or `</x>`: plain-text fields refuse markup instead of storing it. */
const MARKUP = /<\s*\/?\s*[a-z!?][^<>]*>/i;

/** Removes invisible control and format characters; keeps line breaks when asked. */
function cleanPlain(value: string, multiline: boolean): string {
  const normalized = value.normalize("NFC").replace(/\r\n?/g, "\n");
  const stripped = multiline
    ? normalized.replace(/[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, "")
    : normalized.replace(/[\u0000-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g, " ");
  return multiline
    ? stripped
        .split("\n")
        .map((line) => line.replace(/[ \t]+/g, " ").trimEnd())
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim()
    : stripped.replace(/\s+/g, " ").trim();
}

function plain(min: number, max: number, tooShort: string, tooLong: string, multiline = false) {
  return z
    .string({ error: "validation.required" })
    .transform((v) => cleanPlain(v, multiline))
    .pipe(
      z
        .string()
        .min(min, tooShort)
        .max(max, tooLong)
        .refine((v) => !MARKUP.test(v), "validation.noMarkup"),
    );
}

function optionalPlain(max: number, tooLong: string, multiline = false) {
  return z
    .string()
    .nullish()
    .transform((v) => (v == null ? "" : cleanPlain(v, multiline)))
    .pipe(
      z
        .string()
        .max(max, tooLong)
        .refine((v) => !MARKUP.test(v), "validation.noMarkup"),
    )
    .transform((v) => (v === "" ? null : v));
}

const currentYear = () => new Date().getUTCFullYear();

/** "2021-03" → 2021-03-01 (UTC); months are what a resume states, never days. */
const monthSchema = z
  .string({ error: "validation.monthFormat" })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "validation.monthFormat")
  .transform((v) => new Date(`${v}-01T00:00:00Z`))
  .refine((d) => d.getUTCFullYear() >= EARLIEST_YEAR, "validation.monthTooEarly")
  .refine((d) => d.getTime() <= Date.now(), "validation.monthInFuture");

const id = z.number({ error: "validation.required" }).int().positive();

function unique<T>(list: readonly T[], key: (item: T) => string): boolean {
  return new Set(list.map(key)).size === list.length;
}

export const resumeExperienceSchema = z
  .object({
    company: plain(1, 160, "validation.required", "validation.companyTooLong"),
    position: plain(1, 150, "validation.required", "validation.positionTooLong"),
    startedOn: monthSchema,
    endedOn: z
      .union([z.literal(""), monthSchema])
      .nullish()
      .transform((v) => (v instanceof Date ? v : null)),
    description: optionalPlain(EXPERIENCE_DESCRIPTION_MAX_CHARS, "validation.experienceDescriptionTooLong", true),
  })
  .refine((e) => e.endedOn === null || e.endedOn >= e.startedOn, {
    message: "validation.endBeforeStart",
    path: ["endedOn"],
  });

export const resumeEducationSchema = z.object({
  level: z.enum(EDUCATION_LEVELS, { error: "validation.required" }),
  institution: plain(2, 200, "validation.institutionTooShort", "validation.institutionTooLong"),
  speciality: optionalPlain(200, "validation.specialityTooLong"),
  graduationYear: z
    .number({ error: "validation.yearInvalid" })
    .int("validation.yearInvalid")
    .min(EARLIEST_YEAR, "validation.yearInvalid")
    .refine((y) => y <= currentYear() + 7, "validation.yearInvalid")
    .nullable(),
});

export const resumeLanguageSchema = z.object({
  language: z.enum(RESUME_LANGUAGES, { error: "validation.required" }),
  level: z.enum(LANGUAGE_LEVELS, { error: "validation.required" }),
});

export const resumeLicenceSchema = z.object({
  category: z.enum(LICENCE_CATEGORIES, { error: "validation.required" }),
  yearObtained: z
    .number({ error: "validation.yearInvalid" })
    .int("validation.yearInvalid")
    .min(EARLIEST_YEAR, "validation.yearInvalid")
    .refine((y) => y <= currentYear(), "validation.yearInFuture")
    .nullable(),
});

export const resumeInputSchema = z
  .object({
    title: plain(2, 150, "validation.resumeTitleTooShort", "validation.resumeTitleTooLong"),
    desiredSalary: z
      .number({ error: "validation.salaryInvalid" })
      .int("validation.salaryInvalid")
      .min(1, "validation.salaryInvalid")
      .max(MAX_RESUME_SALARY, "validation.salaryTooHigh")
      .nullable(),
    cityId: id.nullable(),
    relocationRegionIds: z.array(id).max(30, "validation.tooMany"),
    specializationIds: z
      .array(id)
      .min(1, "validation.specializationsRequired")
      .max(MAX_RESUME_SPECIALIZATIONS, "validation.specializationsTooMany"),
    employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)).min(1, "validation.employmentRequired"),
    schedules: z.array(z.enum(WORK_SCHEDULES)),
    experiences: z.array(resumeExperienceSchema).max(MAX_EXPERIENCES, "validation.tooMany"),
    educations: z.array(resumeEducationSchema).max(MAX_EDUCATIONS, "validation.tooMany"),
    languages: z
      .array(resumeLanguageSchema)
      .max(MAX_LANGUAGES, "validation.tooMany")
      .refine((list) => unique(list, (l) => l.language), "validation.languageRepeated"),
    skills: z
      .array(plain(1, 60, "validation.required", "validation.skillTooLong"))
      .max(MAX_SKILLS, "validation.skillsTooMany")
      .transform((list) => {
        const seen = new Set<string>();
        return list.filter((s) => {
          const key = s.toLocaleLowerCase("ru");
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }),
    licences: z
      .array(resumeLicenceSchema)
      .max(LICENCE_CATEGORIES.length, "validation.tooMany")
      .refine((list) => unique(list, (l) => l.category), "validation.licenceRepeated"),
    about: optionalPlain(ABOUT_MAX_CHARS, "validation.aboutTooLong", true),
    visibility: z.enum(RESUME_VISIBILITIES, { error: "validation.required" }),
    hiddenOrganizationIds: z.array(id).max(MAX_HIDDEN_ORGANIZATIONS, "validation.hiddenTooMany"),
  })
  .refine((r) => r.visibility !== "ALL_EXCEPT" || r.hiddenOrganizationIds.length > 0, {
    message: "validation.hiddenRequired",
    path: ["hiddenOrganizationIds"],
  })
  .transform((r) => ({
    ...r,
    relocationRegionIds: [...new Set(r.relocationRegionIds)],
    specializationIds: [...new Set(r.specializationIds)],
    employmentTypes: [...new Set(r.employmentTypes)],
    schedules: [...new Set(r.schedules)],
    // The exception list only means something for "all except"; other settings keep none.
    hiddenOrganizationIds: r.visibility === "ALL_EXCEPT" ? [...new Set(r.hiddenOrganizationIds)] : [],
  }));

export type ResumeInput = z.input<typeof resumeInputSchema>;
export type ResumeData = z.output<typeof resumeInputSchema>;

/** "2021-03-01" (a stored date) → "2021-03", the form's value. */
export function toMonthValue(date: Date): string {
  return date.toISOString().slice(0, 7);
}
