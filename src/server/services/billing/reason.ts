import { DomainError } from "@/server/errors";

const REASON_MAX = 1000;

/** A finance officer's reason for moving money by hand: required, and kept in the ledger. */
export function requireReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? "";
  if (text === "") throw new DomainError("VALIDATION", "errors.billing.reasonRequired", { field: "reason" });
  if (text.length > REASON_MAX) throw new DomainError("VALIDATION", "errors.billing.reasonTooLong", { field: "reason" });
  return text;
}
