import type { OrgVerification, ResumeModeration, ResumeVisibility } from "@/generated/prisma/enums";
import { isHiddenByModeration } from "@/lib/resume-moderation";

// Which resumes are in the employers' resume database, and who may look: the TypeScript side of
// the one rule (its SQL side and the agreement test: src/server/services/resumes/database-rule.ts).
// Pure, so that pages may say why an organisation cannot search.

export const DATABASE_VISIBILITIES = ["ALL", "ALL_EXCEPT"] as const satisfies readonly ResumeVisibility[];

/** Whether an organisation may look into the database at all: verified and not blocked (SPEC §4). */
export function organizationSeesResumeDatabase(org: { verification: OrgVerification; blockedAt: Date | null }): boolean {
  return org.verification === "VERIFIED" && org.blockedAt === null;
}

/** Whether a resume is in the database, whoever looks. */
export function resumeIsListed(resume: {
  visibility: ResumeVisibility;
  moderation: ResumeModeration;
  ownerBlockedAt: Date | null;
}): boolean {
  return (
    (DATABASE_VISIBILITIES as readonly string[]).includes(resume.visibility) &&
    !isHiddenByModeration(resume.moderation) &&
    resume.ownerBlockedAt === null
  );
}

/** Whether this organisation finds the resume in the database. */
export function resumeInDatabaseFor(
  org: { verification: OrgVerification; blockedAt: Date | null },
  resume: {
    visibility: ResumeVisibility;
    moderation: ResumeModeration;
    ownerBlockedAt: Date | null;
    hiddenFromOrganization: boolean;
  },
): boolean {
  return (
    organizationSeesResumeDatabase(org) &&
    resumeIsListed(resume) &&
    !(resume.visibility === "ALL_EXCEPT" && resume.hiddenFromOrganization)
  );
}
