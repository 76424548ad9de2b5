import { Prisma } from "@/generated/prisma/client";
import type { LicenceCategory } from "@/generated/prisma/enums";
import type { SearchNotice } from "@/lib/search/params";
import {
  RESUME_MAX_PAGE,
  RESUME_PAGE_SIZE,
  resumeSearchSchema,
  type ResumeSearchInput,
  type ResumeSearchParams,
} from "@/lib/resume-search/params";
import { db as defaultDb } from "@/server/db";
import type { Db } from "@/server/db-client";
import { DomainError } from "@/server/errors";

import { getCatalog } from "../catalog/catalog";
import { organizationSeesResumeDatabase } from "@/lib/resume-database-rule";
import { resumeRowVisibleToSql } from "../resumes/database-rule";
import { experienceAtLeastSql } from "./experience-years";
import { newestMatches, relevancePage, sizedWalk, type Run, type SearchTable } from "../search/plan/newest-matches";
import { planQuery, type Correction } from "../search/plan/query-words";

// Full-text search with filters over `resume_search` (see its migration) for an organisation that
// hires: the resumes it finds in the database (resumes/database-rule.ts). The words are planned by
// the vacancy search's planner (Russian stems, Kazakh prefixes, typos through the shared
// vocabulary); one multicolumn GIN index answers text and filters together, and a bounded walk of
// the btree indexes serves update order while matches are dense (newestMatches). Cards carry no
// name, photo or contacts.

/**
 * Counting stops here ("more than 2,000 resumes"): twice what the pages reach, and counting
 * reads every match up to it, so a larger limit would cost every broad search its time.
 */
export const RESUME_COUNT_LIMIT = 2_000;
/** Above this many estimated matches the count is not taken (see search-vacancies.ts). */
const COUNT_ESTIMATE_TRUSTED = 5 * RESUME_COUNT_LIMIT;
/** Relevance orders at most this many of the newest matches (the first pages); see pageIds. */
export const RELEVANCE_WINDOW = 10 * RESUME_PAGE_SIZE;
/** Rows the newest-first walk reads before the index takes over (search/plan/newest-matches.ts). */
const WALK_ROWS = 10_000;
const CARD_SKILLS = 5;
const DAY_MS = 86_400_000;

export interface ResumeSearchOptions {
  db?: Db;
  now?: Date;
  /** Only resumes updated in (after, until]: the new matches of a saved search since its last email. */
  updatedWithin?: { after: Date; until: Date };
  /** How many rows the newest-first walk reads before the index takes over (tests shorten it). */
  walkRows?: number;
}

export interface ResumeCard {
  /** The resume's public id: the only id an employer's URL carries. */
  publicId: string;
  title: string;
  city: { nameRu: string; nameKk: string } | null;
  desiredSalary: number | null;
  /** Total months of experience, overlapping jobs counted once. */
  experienceMonths: number;
  lastPosition: string | null;
  /** The first few skills. */
  skills: string[];
  licences: LicenceCategory[];
  /** Categories a driving school confirmed. */
  verifiedCategories: LicenceCategory[];
  updatedAt: Date;
}

export interface ResumeSearchResult {
  /** The criteria actually applied (unknown catalogue values dropped). */
  params: ResumeSearchParams;
  notices: SearchNotice[];
  total: number;
  /** True when counting stopped at RESUME_COUNT_LIMIT. */
  totalIsLowerBound: boolean;
  page: number;
  pageCount: number;
  items: ResumeCard[];
  corrections: Correction[];
  timings: Record<string, number>;
}

interface Prepared {
  db: Db;
  params: ResumeSearchParams;
  notices: Set<SearchNotice>;
  where: Prisma.Sql;
  /** A condition over `rs` that an index walks in update order (the place); absent, the whole table. */
  walkFrom?: Prisma.Sql;
  walkRows: number;
  /** Tests pin the walk's length (options.walkRows); otherwise it is sized by the place's rows. */
  walkPinned: boolean;
  query: Prisma.Sql | null;
  corrections: Correction[];
  sort: "relevance" | "date";
}

/** The SQL conditions of the criteria over `rs`; catalogue values it does not know are dropped. */
async function prepare(organizationId: number, input: ResumeSearchParams, options: ResumeSearchOptions, now: Date) {
  const db = options.db ?? defaultDb;
  const params: ResumeSearchParams = { ...input };
  const notices = new Set<SearchNotice>();
  const catalog = await getCatalog(options.db);
  const where: Prisma.Sql[] = [resumeRowVisibleToSql(organizationId)];

  // A city wins over a region; "ready to relocate" widens either to those who would move to its region.
  let regionId: number | null = null;
  let place: Prisma.Sql | null = null;
  if (params.city) {
    const city = catalog.cityBySlug.get(params.city);
    params.region = null;
    if (city) {
      place = Prisma.sql`rs.city_id = ${city.id}`;
      regionId = city.regionId;
    } else {
      notices.add("locationUnknown");
      params.city = null;
    }
  } else if (params.region) {
    const region = catalog.regionBySlug.get(params.region);
    if (region) {
      place = Prisma.sql`rs.region_id = ${region.id}`;
      regionId = region.id;
    } else {
      notices.add("locationUnknown");
      params.region = null;
    }
  }
  // Without relocation the newest-first walk reads only the place's own rows (its btree index).
  let walkFrom: Prisma.Sql | undefined;
  if (place && params.relocate && regionId !== null)
    where.push(Prisma.sql`(${place} OR rs.relocation_region_ids @> ARRAY[${regionId}::integer])`);
  else if (place) {
    where.push(place);
    walkFrom = place;
  }

  const specIds: number[] = [];
  const specSlugs: string[] = [];
  for (const slug of params.specializations) {
    const spec = catalog.specializationBySlug.get(slug);
    if (spec) {
      specIds.push(spec.id);
      specSlugs.push(slug);
    } else notices.add("specializationUnknown");
  }
  params.specializations = specSlugs;
  // A group's id matches its members (see refresh_resume_search).
  if (specIds.length) where.push(Prisma.sql`rs.specialization_ids && ${specIds}::integer[]`);

  const range: Prisma.Sql[] = [];
  if (params.salaryFrom !== null) range.push(Prisma.sql`rs.desired_salary >= ${params.salaryFrom}`);
  if (params.salaryTo !== null) range.push(Prisma.sql`rs.desired_salary <= ${params.salaryTo}`);
  if (params.withSalary) where.push(Prisma.sql`rs.desired_salary IS NOT NULL`, ...range);
  else if (range.length) where.push(Prisma.sql`(rs.desired_salary IS NULL OR (${Prisma.join(range, " AND ")}))`);

  if (params.experienceYears !== null) where.push(experienceAtLeastSql(params.experienceYears, now));

  if (params.licences.length) {
    const column = params.verified ? Prisma.raw("rs.verified_categories") : Prisma.raw("rs.licence_categories");
    where.push(Prisma.sql`${column} && ${params.licences}::"LicenceCategory"[]`);
  } else if (params.verified) where.push(Prisma.sql`rs.verified_categories <> '{}'`);
  if (params.languages.length) where.push(Prisma.sql`rs.languages @> ${params.languages}::text[]`);
  if (params.employment.length) where.push(Prisma.sql`rs.employment_types && ${params.employment}::"EmploymentType"[]`);
  if (params.schedule.length) where.push(Prisma.sql`rs.schedules && ${params.schedule}::"WorkSchedule"[]`);
  if (params.period !== null) where.push(Prisma.sql`rs.updated_at >= ${new Date(now.getTime() - params.period * DAY_MS)}`);
  if (options.updatedWithin)
    where.push(Prisma.sql`rs.updated_at > ${options.updatedWithin.after} AND rs.updated_at <= ${options.updatedWithin.until}`);

  const { corrections, tsquery } = await planQuery(db, params.q);
  if (tsquery) where.push(Prisma.sql`rs.search_vector @@ ${tsquery}`);
  const sort = params.sort ?? (tsquery ? "relevance" : "date");
  return {
    db,
    params,
    notices,
    where: Prisma.join(where, " AND "),
    ...(walkFrom ? { walkFrom } : {}),
    walkRows: options.walkRows ?? WALK_ROWS,
    walkPinned: options.walkRows !== undefined,
    query: tsquery,
    corrections,
    sort,
  } satisfies Prepared;
}

const RESUME_SEARCH: SearchTable = {
  table: "resume_search",
  alias: "rs",
  id: "resume_id",
  date: "updated_at",
  dateInMatchIndex: true,
};

/**
 * The page's ids, newest first (newest-matches.ts). By relevance, the newest matches the walk
 * finds (at most RELEVANCE_WINDOW, in whole pages) are ranked and fill the first pages; later pages
 * go on with the older matches by date.
 */
async function pageIds(p: Prepared, run: Run): Promise<number[]> {
  const offset = (p.params.page - 1) * RESUME_PAGE_SIZE;
  const page = { limit: RESUME_PAGE_SIZE, offset };
  const walk = p.walkPinned ? p : await sizedWalk(p.db, RESUME_SEARCH, p);
  if (!p.query || p.sort !== "relevance") return newestMatches(RESUME_SEARCH, walk, run, page);
  return relevancePage(RESUME_SEARCH, walk, run, p.query, page, RELEVANCE_WINDOW);
}

async function count(p: Prepared): Promise<number> {
  const plan = await p.db.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM resume_search rs WHERE ${p.where}`;
  if ((plan[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0) >= COUNT_ESTIMATE_TRUSTED) return RESUME_COUNT_LIMIT + 1;
  const rows = await p.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM resume_search rs WHERE ${p.where} LIMIT ${RESUME_COUNT_LIMIT + 1}) m`;
  return rows[0]?.n ?? 0;
}

interface CardRow {
  id: number;
  public_id: string;
  title: string;
  desired_salary: number | null;
  city_ru: string | null;
  city_kk: string | null;
  months: number;
  last_position: string | null;
  skills: string[];
  licences: LicenceCategory[];
  verified: LicenceCategory[];
  updated_at: Date;
}

async function loadCards(db: Db, ids: readonly number[], now: Date): Promise<ResumeCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT rs.resume_id AS id, rs.public_id::text AS public_id, r.title, r.desired_salary,
           c.name_ru AS city_ru, c.name_kk AS city_kk,
           resume_experience_months(rs.experience_months, rs.experience_ongoing, rs.experience_counted_at, ${now}::timestamptz) AS months,
           (SELECT e.position FROM resume_experiences e WHERE e.resume_id = r.id
            ORDER BY e.sort_order, e.started_on DESC LIMIT 1) AS last_position,
           r.skills[1:${CARD_SKILLS}] AS skills,
           rs.licence_categories::text[] AS licences, rs.verified_categories::text[] AS verified, rs.updated_at
    FROM resume_search rs
    JOIN resumes r ON r.id = rs.resume_id
    LEFT JOIN cities c ON c.id = rs.city_id
    WHERE rs.resume_id = ANY (${[...ids]}::integer[])`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        publicId: row.public_id,
        title: row.title,
        city: row.city_ru !== null && row.city_kk !== null ? { nameRu: row.city_ru, nameKk: row.city_kk } : null,
        desiredSalary: row.desired_salary,
        experienceMonths: row.months,
        lastPosition: row.last_position,
        skills: row.skills ?? [],
        licences: row.licences,
        verifiedCategories: row.verified,
        updatedAt: row.updated_at,
      },
    ];
  });
}

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round((performance.now() - started) * 100) / 100;
  }
}

/** Only a verified, unblocked organisation searches the database (SPEC §4, H 17.10). */
async function requireDatabaseAccess(db: Db, organizationId: number) {
  const org = await db.organization.findUnique({
    where: { id: organizationId },
    select: { verification: true, blockedAt: true },
  });
  if (!org) throw new DomainError("NOT_FOUND", "errors.notFound");
  if (org.blockedAt) throw new DomainError("FORBIDDEN", "errors.resumeDatabase.blocked");
  if (!organizationSeesResumeDatabase(org)) throw new DomainError("FORBIDDEN", "errors.resumeDatabase.unverified");
}

/**
 * One page of the resumes this organisation finds in the database. `input` is checked with
 * resumeSearchSchema (a bad value is a VALIDATION error); a page parsed from a URL
 * (parseResumeSearchParams) always passes.
 */
export async function searchResumes(
  organizationId: number,
  input: ResumeSearchInput,
  options: ResumeSearchOptions = {},
): Promise<ResumeSearchResult> {
  const now = options.now ?? new Date();
  const db = options.db ?? defaultDb;
  const timings: Record<string, number> = {};
  const started = performance.now();
  const parsed = resumeSearchSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("VALIDATION", issue?.message ?? "errors.invalidInput", {
      field: issue?.path.map(String).join("."),
    });
  }
  await requireDatabaseAccess(db, organizationId);
  // `options` as given: without a client of its own the search reads the process's catalogue copy.
  const p = await timed(timings, "plan", () => prepare(organizationId, parsed.data, options, now));
  const run: Run = (sql) => p.db.$queryRaw<{ id: number }[]>(sql);
  const [ids, counted] = await Promise.all([
    timed(timings, "results", () => pageIds(p, run)),
    timed(timings, "count", () => count(p)),
  ]);
  const total = Math.min(counted, RESUME_COUNT_LIMIT);
  const items = await timed(timings, "cards", () => loadCards(p.db, ids, now));
  timings.total = Math.round((performance.now() - started) * 100) / 100;
  return {
    params: p.params,
    notices: [...p.notices],
    total,
    totalIsLowerBound: counted > RESUME_COUNT_LIMIT,
    page: p.params.page,
    pageCount: Math.min(RESUME_MAX_PAGE, Math.ceil(total / RESUME_PAGE_SIZE)),
    items,
    corrections: p.corrections,
    timings,
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the queries that pick the page of results, for benchmarks. */
export async function explainResumeSearch(
  organizationId: number,
  input: ResumeSearchInput,
  options: ResumeSearchOptions = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const p = await prepare(organizationId, resumeSearchSchema.parse(input), options, now);
  const plans: string[] = [];
  await pageIds(p, async (sql) => {
    const rows = await p.db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
    plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    return p.db.$queryRaw<{ id: number }[]>(sql);
  });
  return plans.join("\n\n");
}
