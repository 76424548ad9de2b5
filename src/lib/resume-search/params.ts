import { z } from "zod";

import {
  cleanText,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_SPECIALIZATIONS,
  PERIODS,
  type Period,
  type SearchNotice,
} from "@/lib/search/params";
import { firstValue, paramValues, wholeNumber, type RawParams } from "@/lib/search/param-values";
import {
  EMPLOYMENT_TYPES,
  LICENCE_CATEGORIES,
  MAX_RESUME_SALARY,
  RESUME_LANGUAGES,
  WORK_SCHEDULES,
} from "@/lib/validation/resume";

// The employers' resume database search: its state lives in the page's URL, as the vacancy
// search's does (src/lib/search/params.ts, whose limits, period choices and notices it shares).
// `resumeSearchSchema` is the strict form (the API's input: a bad value is a translated field
// error); `parseResumeSearchParams` reads a URL and drops a value it cannot use with a notice,
// never an error, exactly as the vacancy search does.

export const RESUME_SORTS = ["relevance", "date"] as const;
export type ResumeSort = (typeof RESUME_SORTS)[number];
/** "At least N years of experience": the choices of the form (any whole number is accepted). */
export const EXPERIENCE_YEARS = [1, 2, 3, 5, 10] as const;
export const MAX_EXPERIENCE_YEARS = 50;
export const MAX_SEARCH_LANGUAGES = 5;
export { PAGE_SIZE as RESUME_PAGE_SIZE, MAX_PAGE as RESUME_MAX_PAGE } from "@/lib/search/params";

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const slug = z.string().regex(SLUG, { error: "validation.resumeSearch.unknownValue" });

export const resumeSearchSchema = z
  .object({
    q: z.string().max(MAX_QUERY_LENGTH, { error: "validation.resumeSearch.queryTooLong" }).default(""),
    region: slug.nullable().default(null),
    city: slug.nullable().default(null),
    /** With a region (or a city's region): also resumes of people ready to move there. */
    relocate: z.boolean().default(false),
    specializations: z
      .array(slug)
      .max(MAX_SPECIALIZATIONS, { error: "validation.resumeSearch.tooManySpecializations" })
      .default([]),
    salaryFrom: z
      .int({ error: "validation.resumeSearch.salary" })
      .min(0, { error: "validation.resumeSearch.salary" })
      .max(MAX_RESUME_SALARY, { error: "validation.resumeSearch.salary" })
      .nullable()
      .default(null),
    salaryTo: z
      .int({ error: "validation.resumeSearch.salary" })
      .min(0, { error: "validation.resumeSearch.salary" })
      .max(MAX_RESUME_SALARY, { error: "validation.resumeSearch.salary" })
      .nullable()
      .default(null),
    /** Leave out resumes without a desired salary (otherwise a salary range keeps them). */
    withSalary: z.boolean().default(false),
    experienceYears: z
      .int({ error: "validation.resumeSearch.experience" })
      .min(1, { error: "validation.resumeSearch.experience" })
      .max(MAX_EXPERIENCE_YEARS, { error: "validation.resumeSearch.experience" })
      .nullable()
      .default(null),
    licences: z.array(z.enum(LICENCE_CATEGORIES, { error: "validation.resumeSearch.unknownValue" })).default([]),
    /** The chosen categories (any, without a choice) confirmed by a driving school. */
    verified: z.boolean().default(false),
    languages: z
      .array(z.enum(RESUME_LANGUAGES, { error: "validation.resumeSearch.unknownValue" }))
      .max(MAX_SEARCH_LANGUAGES, { error: "validation.resumeSearch.tooManyLanguages" })
      .default([]),
    employment: z.array(z.enum(EMPLOYMENT_TYPES, { error: "validation.resumeSearch.unknownValue" })).default([]),
    schedule: z.array(z.enum(WORK_SCHEDULES, { error: "validation.resumeSearch.unknownValue" })).default([]),
    period: z
      .literal([...PERIODS], { error: "validation.resumeSearch.period" })
      .nullable()
      .default(null),
    sort: z.enum(RESUME_SORTS, { error: "validation.resumeSearch.unknownValue" }).nullable().default(null),
    page: z
      .int({ error: "validation.resumeSearch.page" })
      .min(1, { error: "validation.resumeSearch.page" })
      .max(MAX_PAGE, { error: "validation.resumeSearch.page" })
      .default(1),
  })
  .refine((p) => p.salaryFrom === null || p.salaryTo === null || p.salaryTo >= p.salaryFrom, {
    error: "validation.resumeSearch.salaryRange",
    path: ["salaryTo"],
  });

export type ResumeSearchParams = z.output<typeof resumeSearchSchema>;
export type ResumeSearchInput = z.input<typeof resumeSearchSchema>;

export const EMPTY_RESUME_SEARCH: ResumeSearchParams = resumeSearchSchema.parse({});

/** Values of a list parameter that its schema accepts; the others dropped with a notice. */
function listOf<T>(raw: RawParams, key: string, item: z.ZodType<T>, notices: Set<SearchNotice>, upper = false): T[] {
  const out: T[] = [];
  for (const value of paramValues(raw, key)) {
    const parsed = item.safeParse(upper ? value.toUpperCase() : value.toLowerCase());
    if (!parsed.success) notices.add("filterValueInvalid");
    else if (!out.includes(parsed.data)) out.push(parsed.data);
  }
  return out;
}

const flag = (raw: RawParams, key: string) => ["1", "true", "on"].includes(firstValue(raw, key) ?? "");

function amount(raw: RawParams, key: string, notices: Set<SearchNotice>): number | null {
  const value = firstValue(raw, key);
  if (value === null) return null;
  const n = wholeNumber(value.replace(/\s/g, ""));
  if (n === null || n > MAX_RESUME_SALARY) {
    notices.add("salaryInvalid");
    return null;
  }
  return n;
}

function slugParam(raw: RawParams, key: string, notices: Set<SearchNotice>): string | null {
  const value = firstValue(raw, key);
  if (value === null) return null;
  const parsed = slug.safeParse(value.toLowerCase());
  if (parsed.success) return parsed.data;
  notices.add("locationUnknown");
  return null;
}

/** The search state of a request's URL; what cannot be used is dropped with a notice. */
export function parseResumeSearchParams(raw: RawParams): { params: ResumeSearchParams; notices: SearchNotice[] } {
  const notices = new Set<SearchNotice>();
  let q = cleanText(paramValues(raw, "q").join(" "));
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH).replace(/\s+\S*$/, "");
    notices.add("queryTruncated");
  }
  const params: ResumeSearchParams = { ...EMPTY_RESUME_SEARCH, q };
  params.city = slugParam(raw, "city", notices);
  params.region = params.city ? null : slugParam(raw, "region", notices);
  params.relocate = flag(raw, "relocate");

  const specs = listOf(raw, "spec", slug, notices);
  if (specs.length > MAX_SPECIALIZATIONS) notices.add("filterValueInvalid");
  params.specializations = specs.slice(0, MAX_SPECIALIZATIONS);

  params.salaryFrom = amount(raw, "salary_from", notices);
  params.salaryTo = amount(raw, "salary_to", notices);
  if (params.salaryFrom !== null && params.salaryTo !== null && params.salaryTo < params.salaryFrom) {
    notices.add("salaryInvalid");
    params.salaryTo = null;
  }
  params.withSalary = flag(raw, "with_salary");

  const experience = firstValue(raw, "experience");
  if (experience !== null) {
    const n = wholeNumber(experience);
    if (n !== null && n >= 1 && n <= MAX_EXPERIENCE_YEARS) params.experienceYears = n;
    else notices.add("filterValueInvalid");
  }

  params.licences = listOf(raw, "licence", z.enum(LICENCE_CATEGORIES), notices, true);
  params.verified = flag(raw, "verified");
  const languages = listOf(raw, "lang", z.enum(RESUME_LANGUAGES), notices);
  if (languages.length > MAX_SEARCH_LANGUAGES) notices.add("filterValueInvalid");
  params.languages = languages.slice(0, MAX_SEARCH_LANGUAGES);
  params.employment = listOf(raw, "employment", z.enum(EMPLOYMENT_TYPES), notices, true);
  params.schedule = listOf(raw, "schedule", z.enum(WORK_SCHEDULES), notices, true);

  const period = firstValue(raw, "period");
  if (period !== null) {
    const n = wholeNumber(period);
    if (n !== null && (PERIODS as readonly number[]).includes(n)) params.period = n as Period;
    else notices.add("periodInvalid");
  }

  const sort = firstValue(raw, "sort");
  if (sort !== null) {
    if ((RESUME_SORTS as readonly string[]).includes(sort)) params.sort = sort as ResumeSort;
    else notices.add("sortInvalid");
  }

  const page = firstValue(raw, "page");
  if (page !== null) {
    const n = wholeNumber(page);
    if (n === null || n < 1) notices.add("pageInvalid");
    else if (n > MAX_PAGE) notices.add("pageTooDeep");
    else params.page = n;
  }
  return { params, notices: [...notices] };
}

/** The canonical query string (without "?") of a state: defaults and page 1 left out. */
export function resumeSearchToQuery(params: Partial<ResumeSearchParams>): string {
  const p = { ...EMPTY_RESUME_SEARCH, ...params };
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.city) out.set("city", p.city);
  else if (p.region) out.set("region", p.region);
  if (p.relocate) out.set("relocate", "1");
  for (const s of p.specializations) out.append("spec", s);
  if (p.salaryFrom !== null) out.set("salary_from", String(p.salaryFrom));
  if (p.salaryTo !== null) out.set("salary_to", String(p.salaryTo));
  if (p.withSalary) out.set("with_salary", "1");
  if (p.experienceYears !== null) out.set("experience", String(p.experienceYears));
  for (const l of p.licences) out.append("licence", l.toLowerCase());
  if (p.verified) out.set("verified", "1");
  for (const l of p.languages) out.append("lang", l);
  for (const e of p.employment) out.append("employment", e.toLowerCase());
  for (const s of p.schedule) out.append("schedule", s.toLowerCase());
  if (p.period !== null) out.set("period", String(p.period));
  if (p.sort) out.set("sort", p.sort);
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}
