import { Prisma } from "@/generated/prisma/client";
import { sqlIdent } from "@/server/db/sql-ident";

/**
 * Which resumes are in the employers' resume database, and who may look: the one rule, in the two
 * languages the code speaks (resumeAccessFor opens one resume with it, the search lists rows kept
 * by it).
 *
 * - SQL: the functions of migration `20261209800000_resume_search` — `resume_is_listed(...)` says
 *   whether a resume has a row in `resume_search` (visible to all, or to all but a list; not hidden
 *   by moderation; its owner not blocked), `organization_sees_resume_database(...)` whether an
 *   organisation may look at all; the "all except" list is the row's `hidden_from`.
 * - TypeScript: src/lib/resume-database-rule.ts (pure: pages say with it why an organisation
 *   cannot search), and `resumeRowVisibleToSql` below for the search's per-organisation part.
 * `database-rule.int.test.ts` checks every combination of the facts against both.
 *
 * APPLIED_ONLY and HIDDEN resumes are never in the database; an organisation sees an APPLIED_ONLY
 * resume through its own applications only (resumeAccessFor). A deleted seeker's resumes are gone
 * with the account.
 */

/**
 * SQL predicate over `resume_search` (alias `rs`): the row is found by this organisation. A row is
 * there only while its resume is listed (resume_is_listed), and `hidden_from` is empty unless the
 * resume is "all except", so the list is what remains. Whether the organisation may look at all
 * is asked once, before any search (organizationSeesResumeDatabase).
 */
export function resumeRowVisibleToSql(organizationId: number, rs = "rs"): Prisma.Sql {
  return Prisma.sql`NOT (${sqlIdent(rs)}.hidden_from @> ARRAY[${organizationId}::integer])`;
}
