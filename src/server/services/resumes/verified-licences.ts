import type { Prisma } from "@/generated/prisma/client";
import type { LicenceCategory } from "@/generated/prisma/enums";

/**
 * Licence categories a driving school confirmed and the seeker chose to show (SPEC §6): the one
 * place that says what the badge carries and how employers filter on it. Search over resumes and
 * the resume database use the same predicates as the applicant inbox.
 */

/** What a badge shows: "category C — trained at <school>, 2026". */
export const verifiedLicenceSelect = {
  select: { category: true, schoolName: true, certificateDate: true },
  orderBy: [{ category: "asc" }, { certificateDate: "desc" }],
} satisfies Prisma.User$verifiedLicencesArgs;

export type VerifiedLicenceBadge = Prisma.VerifiedLicenceGetPayload<{ select: typeof verifiedLicenceSelect.select }>;

/** A seeker with the category verified by a school. */
export function seekerHasVerifiedCategory(category: LicenceCategory): Prisma.UserWhereInput {
  return { verifiedLicences: { some: { category } } };
}

/** A resume whose owner has the category verified by a school. */
export function resumeHasVerifiedCategory(category: LicenceCategory): Prisma.ResumeWhereInput {
  return { user: seekerHasVerifiedCategory(category) };
}
