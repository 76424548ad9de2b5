import { db } from "@/server/db";
import type { Db, DbTx } from "@/server/db-client";

import { openedUnderRunningAccess } from "../resume-database/coverage";
import { resumeAccessFor } from "./resumes";

export type InviteFromResume =
  | { ok: true; resumeId: number; userId: number }
  /** Not visible to the organisation: the caller answers as if the resume did not exist. */
  | { ok: false; reason: "notFound" }
  /** Visible, but its contacts are not the organisation's: invite after opening them. */
  | { ok: false; reason: "contactsFirst" };

/**
 * Whether an organisation may invite the seeker of a resume to its vacancies, and who that is: the
 * one place that says so. The resume must be visible to it (resumeAccessFor), and its contacts
 * the organisation's — the seeker applied to it, or it opened them under an access that still
 * runs — so that an invitation, which reaches the seeker as well as a call would, is never a way
 * round the paid opening of contacts.
 */
export async function mayInviteFromResume(
  organizationId: number,
  resumePublicId: string,
  client: Db | DbTx = db,
  now: Date = new Date(),
): Promise<InviteFromResume> {
  const access = await resumeAccessFor(organizationId, resumePublicId, client);
  if (!access) return { ok: false, reason: "notFound" };
  const contacts = access.withContacts || (await openedUnderRunningAccess(organizationId, access.resumeId, now, client));
  return contacts ? { ok: true, resumeId: access.resumeId, userId: access.userId } : { ok: false, reason: "contactsFirst" };
}
