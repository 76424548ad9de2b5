import type { SubscriptionFrequency } from "@/generated/prisma/enums";
import { organizationSeesResumeDatabase } from "@/lib/resume-database-rule";
import { parseResumeSearchParams, resumeSearchToQuery } from "@/lib/resume-search/params";
import {
  SAVED_RESUME_SEARCHES_LIMIT,
  saveResumeSearchSchema,
  savedResumeSearchIdInput,
  updateSavedResumeSearchSchema,
} from "@/lib/validation/saved-resume-searches";
import { db as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";
import { DomainError } from "@/server/errors";

// A member's saved searches of the resume database. Every function acts for one member in one
// organisation (the caller's membership was checked by the procedure): a member sees and changes
// only their own searches there.

// An arbitrary constant naming "a member's saved resume searches" among the advisory locks.
const SAVED_SEARCHES_LOCK = 0x5253_6176;

export interface SavedResumeSearchView {
  id: number;
  name: string;
  /** The resume search page's query string (open it with `/employer/{orgId}/resumes?${query}`). */
  query: string;
  frequency: SubscriptionFrequency;
  emailOn: boolean;
  lastSentAt: Date | null;
  createdAt: Date;
}

const select = {
  id: true,
  name: true,
  query: true,
  frequency: true,
  emailOn: true,
  lastSentAt: true,
  createdAt: true,
} as const;

interface Member {
  userId: number;
  organizationId: number;
}

const notFound = () => new DomainError("NOT_FOUND", "errors.savedResumeSearches.notFound");

/** The canonical form of a resume search's query string: what the job runs and what is unique. */
export function canonicalResumeSearchQuery(query: string): string {
  const { params } = parseResumeSearchParams(new URLSearchParams(query.replace(/^\?/, "")));
  return resumeSearchToQuery({ ...params, page: 1, sort: null });
}

/**
 * Saves a search of the resume database. The same search twice, or more than
 * SAVED_RESUME_SEARCHES_LIMIT in the organisation, is refused (CONFLICT); so is an organisation
 * that does not see the database.
 */
export async function saveResumeSearch(member: Member, raw: unknown, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const input = saveResumeSearchSchema.parse(raw);
  const query = canonicalResumeSearchQuery(input.query);
  const org = await db.organization.findUnique({
    where: { id: member.organizationId },
    select: { verification: true, blockedAt: true },
  });
  if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
  if (org.blockedAt) throw new DomainError("FORBIDDEN", "errors.resumeDatabase.blocked");
  if (!organizationSeesResumeDatabase(org)) throw new DomainError("FORBIDDEN", "errors.resumeDatabase.unverified");

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SAVED_SEARCHES_LOCK}::int4, ${member.userId}::int4)`;
    const existing = await tx.savedResumeSearch.findMany({
      where: { userId: member.userId, organizationId: member.organizationId },
      select: { query: true },
    });
    if (existing.some((row) => row.query === query)) throw new DomainError("CONFLICT", "errors.savedResumeSearches.duplicate");
    if (existing.length >= SAVED_RESUME_SEARCHES_LIMIT)
      throw new DomainError("CONFLICT", "errors.savedResumeSearches.limitReached");
    return tx.savedResumeSearch.create({
      data: { ...member, name: input.name, query, frequency: input.frequency },
      select,
    });
  });
}

/** The member's saved searches in the organisation, newest first. */
export async function listSavedResumeSearches(member: Member, options: { db?: Db } = {}): Promise<SavedResumeSearchView[]> {
  const db = options.db ?? defaultDb;
  return db.savedResumeSearch.findMany({
    where: { userId: member.userId, organizationId: member.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select,
  });
}

/** Renames a saved search, changes how often it is sent, or turns its emails on or off. */
export async function updateSavedResumeSearch(member: Member, raw: unknown, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const input = updateSavedResumeSearchSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const own = await tx.savedResumeSearch.findFirst({ where: { id: input.id, ...member }, select: { id: true } });
    if (!own) throw notFound();
    return tx.savedResumeSearch.update({
      where: { id: own.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.frequency !== undefined ? { frequency: input.frequency } : {}),
        ...(input.emailOn !== undefined ? { emailOn: input.emailOn } : {}),
      },
      select,
    });
  });
}

/** Deletes one of the member's saved searches (and its delivery log). */
export async function deleteSavedResumeSearch(member: Member, raw: unknown, options: { db?: Db } = {}) {
  const db = options.db ?? defaultDb;
  const { id } = savedResumeSearchIdInput.parse(raw);
  const { count } = await db.savedResumeSearch.deleteMany({ where: { id, ...member } });
  if (count === 0) throw notFound();
  return { id };
}
