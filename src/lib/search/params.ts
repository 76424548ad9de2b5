import { FILTERS } from "./filters";
import { firstValue, paramValues, wholeNumber, type RawParams } from "./param-values";

// The search page's state lives entirely in its URL so that every state can be shared, bookmarked
// and turned into a subscription. `parseSearchParams` accepts anything a browser or a bot may
// send: a value it cannot use is dropped with a notice (a catalogue key), never an error.
// `searchParamsToQuery` writes the canonical form back (known keys only, fixed order). The
// filters read and write themselves (filters.ts); the query, sort and page are read here.

export const EXPERIENCE = ["NONE", "FROM_1_TO_3", "FROM_3_TO_6", "MORE_THAN_6"] as const;
export const EMPLOYMENT = ["FULL_TIME", "PART_TIME", "PROJECT", "TEMPORARY", "INTERNSHIP", "VOLUNTEER"] as const;
export const SCHEDULE = ["FULL_DAY", "SHIFT", "FLEXIBLE", "ROTATION"] as const;
export const LICENCE = ["A", "A1", "B", "B1", "C", "C1", "D", "D1", "BE", "CE", "DE", "C1E", "D1E", "TM", "TB"] as const;
export const PERIODS = [1, 3, 7, 30] as const;
export const SORTS = ["relevance", "date", "salary"] as const;

export type ExperienceValue = (typeof EXPERIENCE)[number];
export type EmploymentValue = (typeof EMPLOYMENT)[number];
export type ScheduleValue = (typeof SCHEDULE)[number];
export type LicenceValue = (typeof LICENCE)[number];
export type Period = (typeof PERIODS)[number];
export type SortOrder = (typeof SORTS)[number];

export const PAGE_SIZE = 20;
/** Deeper pages are refused: nobody reads them, and offsets that deep are what makes search slow. */
export const MAX_PAGE = 50;
/**
 * Matches are counted up to the last one a visitor can page to; above it the search says "more
 * than 1 000". Counting reads every match's row: at a million vacancies, counting a frequent word
 * to 10,000 instead of 1,000 took 22 ms instead of 10 at the median, 87 instead of 37 at p95.
 */
export const COUNT_LIMIT = MAX_PAGE * PAGE_SIZE;
export const MAX_QUERY_LENGTH = 200;
export const MAX_TOKENS = 8;
export const MAX_SALARY = 100_000_000;
export const MAX_SPECIALIZATIONS = 6;

export interface SearchParams {
  q: string;
  region: string | null;
  city: string | null;
  specializations: string[];
  /** An organisation's id: its vacancies only (never its anonymous ones). */
  company: number | null;
  salary: number | null;
  experience: ExperienceValue[];
  employment: EmploymentValue[];
  schedule: ScheduleValue[];
  licences: LicenceValue[];
  remote: boolean;
  period: Period | null;
  /**
   * Only vacancies published after this moment (a digest's "see all" link: what is new since the
   * seeker's previous email). At most MAX_SINCE_DAYS back; not offered in the filters.
   */
  since: Date | null;
  sort: SortOrder | null;
  page: number;
}

export type SearchNotice =
  | "queryTruncated"
  | "salaryInvalid"
  | "pageInvalid"
  | "pageTooDeep"
  | "sortInvalid"
  | "periodInvalid"
  | "filterValueInvalid"
  | "locationUnknown"
  | "specializationUnknown";

export const EMPTY_SEARCH: SearchParams = {
  q: "",
  region: null,
  city: null,
  specializations: [],
  company: null,
  salary: null,
  experience: [],
  employment: [],
  schedule: [],
  licences: [],
  remote: false,
  period: null,
  since: null,
  sort: null,
  page: 1,
};

export const MAX_SINCE_DAYS = 31;

/** Drops characters that are not text: control characters, lone surrogates, replacement marks. */
export function cleanText(input: string): string {
  return input
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\uFFFD]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseSearchParams(raw: RawParams): { params: SearchParams; notices: SearchNotice[] } {
  const notices = new Set<SearchNotice>();

  let q = cleanText(paramValues(raw, "q").join(" "));
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH).replace(/\s+\S*$/, "");
    notices.add("queryTruncated");
  }
  const params: SearchParams = { ...EMPTY_SEARCH, q };
  for (const filter of FILTERS) Object.assign(params, filter.parse(raw, notices));

  const rawSort = firstValue(raw, "sort");
  if (rawSort !== null) {
    if ((SORTS as readonly string[]).includes(rawSort)) params.sort = rawSort as SortOrder;
    else notices.add("sortInvalid");
  }

  const rawPage = firstValue(raw, "page");
  if (rawPage !== null) {
    const n = wholeNumber(rawPage);
    if (n === null || n < 1) notices.add("pageInvalid");
    else if (n > MAX_PAGE) notices.add("pageTooDeep");
    else params.page = n;
  }
  return { params, notices: [...notices] };
}

/** The canonical query string (without "?"), known keys in a fixed order; page 1 and defaults omitted. */
export function searchParamsToQuery(params: Partial<SearchParams>): string {
  const p = { ...EMPTY_SEARCH, ...params };
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  for (const filter of FILTERS) filter.write(p, out);
  if (p.sort) out.set("sort", p.sort);
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** True when the state has anything beyond the defaults (a filtered list, not the bare search page). */
export const hasCriteria = (p: SearchParams) => searchParamsToQuery({ ...p, page: 1, sort: null }) !== "";
