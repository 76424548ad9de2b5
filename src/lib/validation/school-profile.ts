import { z } from "zod";

import { LICENCE_CATEGORIES_LAW_ORDER } from "../schools/licence-categories";

// A driving school's courses: the categories it teaches, each with the course's price in whole
// tenge and its length in academic hours. Hours, not weeks: the state's standard programmes set a
// course in hours, while the weeks it takes depend on each group's schedule. Messages are
// catalogue keys under "validation.*"; forms translate them.

/** Bounds of a course (the database's CHECK constraints say the same). */
export const MAX_COURSE_PRICE_KZT = 10_000_000;
export const MAX_COURSE_HOURS = 2_000;

export const schoolCourseSchema = z.object({
  category: z.enum(LICENCE_CATEGORIES_LAW_ORDER, { error: "validation.required" }),
  priceKzt: z
    .number({ error: "validation.schoolProfile.priceInvalid" })
    .int("validation.schoolProfile.priceInvalid")
    .min(1, "validation.schoolProfile.priceInvalid")
    .max(MAX_COURSE_PRICE_KZT, "validation.schoolProfile.priceTooHigh"),
  durationHours: z
    .number({ error: "validation.schoolProfile.hoursInvalid" })
    .int("validation.schoolProfile.hoursInvalid")
    .min(1, "validation.schoolProfile.hoursInvalid")
    .max(MAX_COURSE_HOURS, "validation.schoolProfile.hoursTooHigh"),
});
export type SchoolCourseInput = z.input<typeof schoolCourseSchema>;

/** The whole list a school teaches (saving replaces it): each category at most once. */
export const schoolCoursesSchema = z
  .array(schoolCourseSchema)
  .max(LICENCE_CATEGORIES_LAW_ORDER.length, "validation.tooMany")
  .superRefine((courses, ctx) => {
    const seen = new Set<string>();
    courses.forEach((course, index) => {
      if (seen.has(course.category)) {
        ctx.addIssue({ code: "custom", path: [index, "category"], message: "validation.schoolProfile.categoryRepeated" });
      }
      seen.add(course.category);
    });
  });
