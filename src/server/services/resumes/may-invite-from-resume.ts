import { db } from "@/server/db";
import type { Db, DbTx } from "@/server/db-client";

import { resumeAccessFor } from "./resumes";

/**
 * Whether an organisation may invite the seeker of a resume to its vacancies, and who that is:
 * the one place that says so (resumeAccessFor's visibility rules today). null: it may not, and
 * the caller answers as if the resume did not exist.
 */
export async function mayInviteFromResume(
  organizationId: number,
  resumePublicId: string,
  client: Db | DbTx = db,
): Promise<{ resumeId: number; userId: number } | null> {
  const access = await resumeAccessFor(organizationId, resumePublicId, client);
  return access ? { resumeId: access.resumeId, userId: access.userId } : null;
}
