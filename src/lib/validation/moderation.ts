import { z } from "zod";

import { MAX_TERM_WORDS, normalizeTerm } from "@/lib/moderation-terms/match-terms";

const id = z.number().int().positive();

/**
 * A term of the prohibited-words list: letters (Russian, Kazakh, Latin), digits, spaces and
 * hyphens; at least two letters, at most five words. Stored normalised.
 */
export const termTextSchema = z
  .string({ error: "validation.terms.termRequired" })
  .trim()
  .min(1, "validation.terms.termRequired")
  .max(100, "validation.terms.termTooLong")
  .regex(/^[\p{L}\p{N}\s-]*$/u, "validation.terms.termCharacters")
  .transform((value) => normalizeTerm(value))
  .refine((value) => value.replace(/ /g, "").length >= 2, "validation.terms.termTooShort")
  .refine((value) => value.split(" ").length <= MAX_TERM_WORDS, "validation.terms.termTooManyWords");

export const addTermSchema = z.object({
  term: termTextSchema,
  language: z.enum(["ru", "kk", "both"], { error: "validation.terms.languageRequired" }),
  kind: z.enum(["PROFANITY", "PROHIBITED"], { error: "validation.terms.kindRequired" }),
  match: z.enum(["WORD", "STEM"], { error: "validation.terms.matchRequired" }),
});
export type AddTermInput = z.input<typeof addTermSchema>;

export const termIdSchema = z.object({ termId: id });

export const termListSchema = z
  .object({
    language: z.enum(["ru", "kk", "both"]).optional(),
    kind: z.enum(["PROFANITY", "PROHIBITED"]).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .default({});

/** A moderator's reason for hiding a resume: shown to the seeker. */
export const hideReasonSchema = z
  .string({ error: "validation.reasonRequired" })
  .trim()
  .min(5, "validation.reasonRequired")
  .max(1000, "validation.reasonTooLong");

/** Hide a resume, from its flags or from a complaint about it (the ticket). */
export const hideResumeSchema = z.object({ resumeId: id, reason: hideReasonSchema, ticketId: id.optional() });

export const resumeModerationIdSchema = z.object({ resumeId: id });

export const organizationFlagsIdSchema = z.object({ organizationId: id });

export const moderationPageSchema = z.object({ page: z.number().int().min(1).max(10_000).default(1) }).default({ page: 1 });
