import { z } from "zod";

/** An operator's answer to an organisation's deletion request. */
export const deletionDecisionSchema = z.discriminatedUnion("decision", [
  z.object({
    organizationId: z.number().int().positive(),
    decision: z.literal("carryOut"),
    /** The organisation's name typed again: a deletion cannot be undone. */
    confirmation: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(160),
  }),
  z.object({
    organizationId: z.number().int().positive(),
    decision: z.literal("decline"),
    note: z
      .string({ error: "validation.required" })
      .trim()
      .min(3, "validation.deletion.noteTooShort")
      .max(1000, "validation.deletion.noteTooLong"),
  }),
]);
export type DeletionDecisionInput = z.input<typeof deletionDecisionSchema>;
