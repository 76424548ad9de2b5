import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { refreshResumeSearch } from "./resume-search-index";

/**
 * Who opened the seeker's contacts ("who viewed my resume"): each organisation with the resume
 * and when, newest first (at most the last 200 openings). Organisations the seeker's resumes are
 * already hidden from are marked, so the page offers to hide only where it still matters.
 */
export async function listMyResumeOpenings(userId: number) {
  const [rows, resumes] = await Promise.all([
    db.resumeOpening.findMany({
      where: { resume: { userId } },
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        id: true,
        openedAt: true,
        organization: { select: { id: true, displayName: true } },
        resume: { select: { id: true, title: true } },
      },
    }),
    db.resume.findMany({
      where: { userId, visibility: { in: ["ALL", "ALL_EXCEPT"] } },
      select: { visibility: true, hiddenFrom: { select: { organizationId: true } } },
    }),
  ]);
  // Hidden: none of the seeker's resumes is still shown to the organisation from the database.
  const shownTo = (organizationId: number) =>
    resumes.some((r) => r.visibility === "ALL" || !r.hiddenFrom.some((h) => h.organizationId === organizationId));
  return rows.map((row) => ({ ...row, hidden: !shownTo(row.organization.id) }));
}

/**
 * One click: none of the seeker's resumes shown to all employers is shown to this organisation any
 * more. A resume visible to all becomes "all except these companies" with the organisation
 * listed; one already "all except" gets it added. Resumes shown only to employers applied to, or
 * hidden, are left as they are. Only an organisation that opened one of the seeker's resumes can
 * be named here (anything else: NOT_FOUND).
 */
export async function hideMyResumesFromOrganization(userId: number, organizationId: number): Promise<{ resumes: number }> {
  return db.$transaction(async (tx) => {
    const opened = await tx.resumeOpening.findFirst({
      where: { organizationId, resume: { userId } },
      select: { id: true },
    });
    if (!opened) throw new DomainError("NOT_FOUND", "errors.resumeDatabase.openerUnknown");
    const resumes = await tx.resume.findMany({
      where: { userId, visibility: { in: ["ALL", "ALL_EXCEPT"] } },
      select: { id: true },
    });
    const ids = resumes.map((r) => r.id);
    if (ids.length === 0) return { resumes: 0 };
    // Raw, so that updated_at stays: the seeker changed who sees the resume, not the resume.
    await tx.$executeRaw`UPDATE resumes SET visibility = 'ALL_EXCEPT' WHERE id = ANY(${ids}) AND visibility = 'ALL'`;
    await tx.resumeHiddenOrganization.createMany({
      data: ids.map((resumeId) => ({ resumeId, organizationId })),
      skipDuplicates: true,
    });
    // The database's search rows carry the "all except" list: the organisation stops finding them now.
    await refreshResumeSearch(tx, ids);
    return { resumes: ids.length };
  });
}
