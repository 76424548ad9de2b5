import { safeCallbackPath } from "./safe-callback";

// Where someone with a new version of the terms to accept is sent, and the pages they may still
// open before accepting it: the acceptance page, the documents themselves and their comparisons.
// Signing out is not a page (next-auth's route) and static files never reach the pages.

export const LEGAL_ACCEPT_PATH = "/legal/accept";

const EXEMPT = /^\/(terms|privacy|legal)(\/|$)/;

/** Whether a page (path without its locale) stays open before accepting. */
export const legalGateExempt = (path: string) => EXEMPT.test(path.split(/[?#]/)[0] ?? "");

/** The acceptance page, returning to `requested` (any value: only a page of this site is kept). */
export function legalAcceptHref(requested: string | string[] | null | undefined): { pathname: string; query: { next: string } } {
  const next = safeCallbackPath(requested, "/");
  return { pathname: LEGAL_ACCEPT_PATH, query: { next: legalGateExempt(next) ? "/" : next } };
}
