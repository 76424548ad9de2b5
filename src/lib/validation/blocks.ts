import { z } from "zod";

import { emailSchema } from "./auth";

const id = z.number().int().positive();

/** Why an operator blocks: shown to the blocked organisation's members or to the blocked person. */
export const blockReasonSchema = z
  .string({ error: "validation.reasonRequired" })
  .trim()
  .min(5, "validation.reasonRequired")
  .max(1000, "validation.reasonTooLong");

/** An operator's note on a decision (appeal or lift), sent to the appellant. */
export const blockNoteSchema = z
  .string({ error: "validation.block.noteRequired" })
  .trim()
  .min(5, "validation.block.noteRequired")
  .max(1000, "validation.reasonTooLong");

/** The text of an appeal. */
export const appealTextSchema = z
  .string({ error: "validation.block.appealTooShort" })
  .trim()
  .min(20, "validation.block.appealTooShort")
  .max(4000, "validation.block.appealTooLong");

/** What an operator blocks: an organisation or a user account, by id. */
export const blockTargetSchema = z.union([
  z.object({ organizationId: id, userId: z.undefined().optional() }),
  z.object({ userId: id, organizationId: z.undefined().optional() }),
]);

export const blockSchema = z.object({ target: blockTargetSchema, reason: blockReasonSchema });

export const liftBlockSchema = z.object({ blockId: id, note: blockNoteSchema });

export const appealDecisionSchema = z.object({
  appealId: id,
  decision: z.enum(["UPHELD", "LIFTED"], { error: "validation.required" }),
  note: blockNoteSchema,
});

/** The operators' organisation search: part of the name, or a BIN/IIN. */
export const organizationSearchSchema = z.object({
  query: z.string().trim().max(160, "validation.block.queryTooLong"),
});

export const userLookupSchema = z.object({ email: emailSchema });

/** The signed link of a block email (a blocked person cannot sign in to appeal). */
export const appealTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "errors.block.appealLinkInvalid");

export const userAppealSchema = z.object({ token: appealTokenSchema, text: appealTextSchema });
