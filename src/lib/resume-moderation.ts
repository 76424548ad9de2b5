import type { ResumeModeration } from "@/generated/prisma/enums";

// A resume's moderation states. Hidden ones (HIDDEN, and REVIEW while the seeker's fix waits for
// a moderator) are seen by nobody but the owner and staff; FLAGGED and REVIEW wait in the queue.

export const HIDDEN_RESUME_STATES = ["HIDDEN", "REVIEW"] as const satisfies readonly ResumeModeration[];
export const QUEUED_RESUME_STATES = ["FLAGGED", "REVIEW"] as const satisfies readonly ResumeModeration[];

export const isHiddenByModeration = (state: ResumeModeration) => (HIDDEN_RESUME_STATES as readonly string[]).includes(state);

/** Whether a save found a term the moderators have not already looked at (the stored flags). */
export const hasNewFlags = (previous: readonly string[], next: readonly string[]) => next.some((f) => !previous.includes(f));

/**
 * A resume's state after its owner saved it with these flags: a clear resume with a new term goes
 * to the queue; a flagged one with no term left leaves it; a hidden one stays hidden until its
 * owner asks for a review (and one under review stays there).
 */
export function moderationAfterSave(
  state: ResumeModeration,
  previousFlags: readonly string[],
  flags: readonly string[],
): ResumeModeration {
  if (state === "CLEAR" && hasNewFlags(previousFlags, flags)) return "FLAGGED";
  if (state === "FLAGGED" && flags.length === 0) return "CLEAR";
  return state;
}
