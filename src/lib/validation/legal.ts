import { z } from "zod";

import type { LegalDocumentKind } from "@/generated/prisma/enums";

export const LEGAL_KINDS = ["TERMS", "PRIVACY"] as const satisfies readonly LegalDocumentKind[];
/** Characters of a version's stored HTML body, per language (the current terms are ~10,000). */
export const LEGAL_BODY_MAX = 200_000;
export const LEGAL_TITLE_MAX = 200;

const id = z.number({ error: "validation.required" }).int().positive().max(2_147_483_647);
const kind = z.enum(LEGAL_KINDS, { error: "validation.required" });
const title = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.legal.titleRequired")
  .max(LEGAL_TITLE_MAX, "validation.legal.titleTooLong");
// The body is rich text (HTML of the editor); that it still says something after sanitizing is
// checked by the service, which sanitizes it.
const body = z.string({ error: "validation.required" }).max(LEGAL_BODY_MAX, "validation.legal.bodyTooLong");

export const legalKindSchema = z.object({ kind });
export const legalDocumentIdSchema = z.object({ id });

/** The texts of a draft version, in both languages. */
export const legalDraftSchema = z.object({
  id,
  titleRu: title,
  titleKk: title,
  bodyRu: body,
  bodyKk: body,
});
export type LegalDraftInput = z.infer<typeof legalDraftSchema>;

/**
 * A comparison page's query: a kind and, optionally, the two versions (by default the two newest).
 * Values come from the address bar as text.
 */
export const legalComparisonSchema = z.object({
  kind: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), kind).catch("TERMS"),
  from: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  to: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});
export type LegalComparisonQuery = z.input<typeof legalComparisonSchema>;

/** Two versions of one kind to compare. */
export const legalDiffSchema = z.object({
  kind,
  from: z.number().int().positive().max(2_147_483_647),
  to: z.number().int().positive().max(2_147_483_647),
});

/** The versions a signed-in person read on the acceptance page and accepts (one per kind at most). */
export const acceptLegalSchema = z.object({ documentIds: z.array(id).min(1).max(LEGAL_KINDS.length) });
