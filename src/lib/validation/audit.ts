import { z } from "zod";

import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/server/audit";

// The audit log viewer's filters, as the page's GET form and the CSV link send them: an empty
// field is no filter.
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const auditFilterSchema = z.object({
  /** The actor's email, exactly (case does not matter). */
  actor: optional(z.string().trim().toLowerCase().max(254, "errors.invalidInput")),
  action: optional(z.enum(AUDIT_ACTIONS, { error: "errors.invalidInput" })),
  entityType: optional(z.enum(AUDIT_ENTITY_TYPES, { error: "errors.invalidInput" })),
  entityId: optional(z.string().trim().max(40, "errors.invalidInput")),
  /** Almaty calendar days, both included. */
  from: optional(z.string().regex(DAY, "errors.invalidInput")),
  to: optional(z.string().regex(DAY, "errors.invalidInput")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;
