import { OPENINGS_PAGE_SIZE } from "@/lib/resume-database";
import type { UserActor } from "@/server/audit";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

import { employerMember } from "./opening-facts";

/**
 * The organisation's openings, newest first, a page at a time: who opened which resume, when, and
 * whether it took a contact view. Only the owner reads it (the log names every member's work).
 * A resume is named by its title and public id; its seeker's contacts are not repeated here.
 */
export async function listResumeOpenings(actor: UserActor, organizationId: number, page: number) {
  const member = await employerMember(actor, organizationId);
  if (member.role !== "OWNER") throw new DomainError("FORBIDDEN", "errors.org.roleTooLow");
  if (!Number.isInteger(page) || page < 1) throw new DomainError("VALIDATION", "errors.invalidInput", { field: "page" });
  const where = { organizationId };
  const [total, rows] = await Promise.all([
    db.resumeOpening.count({ where }),
    db.resumeOpening.findMany({
      where,
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * OPENINGS_PAGE_SIZE,
      take: OPENINGS_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        openedAt: true,
        user: { select: { name: true, email: true } },
        resume: { select: { publicId: true, title: true } },
      },
    }),
  ]);
  return { total, page, pageSize: OPENINGS_PAGE_SIZE, rows };
}
