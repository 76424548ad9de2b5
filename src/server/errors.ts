/**
 * Domain errors carry a message key from the catalogues (errors.*), never a sentence:
 * the transport translates it for the caller's language.
 */
export type DomainErrorCode =
  "VALIDATION" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHORIZED" | "RATE_LIMITED" | "UNAVAILABLE";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messageKey: string,
    readonly options: { field?: string; retryAfterSeconds?: number; params?: Record<string, string> } = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
