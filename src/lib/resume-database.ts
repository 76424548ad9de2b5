/**
 * The resume database's caps (H 3.5), shared by the service that enforces them and the pages
 * that show what is left. Caps count first openings, the ones that take a contact view: a
 * re-opening during the same access and an applicant's resume (H 17.19) cost nothing and are
 * not counted.
 */
export const ORGANIZATION_DAILY_OPENINGS = 8_000;
/** A 1-day access opens at most this many resumes in all, whatever packs are added to it. */
export const ONE_DAY_ACCESS_OPENINGS = 1_000;
export const MEMBER_DAILY_OPENINGS = 500;
/** Openings log page size (the owner's log). */
export const OPENINGS_PAGE_SIZE = 50;

/** Why the contacts of a resume cannot be opened now, or that they can (the page's button). */
export type OpeningState =
  | "APPLICANT"
  | "OPENED"
  | "CAN_OPEN"
  | "NO_ACCESS"
  | "ACCESS_ELSEWHERE"
  | "NO_VIEWS_LEFT"
  | "ORGANIZATION_DAILY_CAP"
  | "ONE_DAY_ACCESS_CAP"
  | "MEMBER_DAILY_CAP"
  | "NOT_VERIFIED"
  | "BLOCKED"
  | "OBSERVER";
