// The search page's state lives entirely in its URL so that every state can be shared, bookmarked
// and turned into a subscription. `parseSearchParams` accepts anything a browser or a bot may
// send: a value it cannot use is dropped with a notice (a catalogue key), never an error.
// `searchParamsToQuery` writes the canonical form back (known keys only, fixed order).

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

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function values(raw: RawParams, key: string): string[] {
  const value = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  // Several values may also come comma-separated; empty ones are noise.
  return list
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 50);
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Drops characters that are not text: control characters, lone surrogates, replacement marks. */
export function cleanText(input: string): string {
  return input
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\uFFFD]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function pickEnum<T extends string>(raw: RawParams, key: string, allowed: readonly T[], notices: Set<SearchNotice>): T[] {
  const out: T[] = [];
  for (const value of values(raw, key)) {
    const upper = value.toUpperCase() as T;
    if (allowed.includes(upper)) {
      if (!out.includes(upper)) out.push(upper);
    } else notices.add("filterValueInvalid");
  }
  return out;
}

function wholeNumber(value: string): number | null {
  if (!/^\d{1,12}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseSearchParams(raw: RawParams): { params: SearchParams; notices: SearchNotice[] } {
  const notices = new Set<SearchNotice>();
  const first = (key: string) => values(raw, key)[0] ?? null;

  let q = cleanText(values(raw, "q").join(" "));
  if (q.length > MAX_QUERY_LENGTH) {
    q = q.slice(0, MAX_QUERY_LENGTH).replace(/\s+\S*$/, "");
    notices.add("queryTruncated");
  }

  const slugOrNull = (key: string, notice: SearchNotice) => {
    const value = first(key);
    if (value === null) return null;
    const slug = value.toLowerCase();
    if (SLUG.test(slug)) return slug;
    notices.add(notice);
    return null;
  };
  const region = slugOrNull("region", "locationUnknown");
  const city = slugOrNull("city", "locationUnknown");

  const specializations: string[] = [];
  for (const value of values(raw, "spec")) {
    const slug = value.toLowerCase();
    if (!SLUG.test(slug)) notices.add("specializationUnknown");
    else if (!specializations.includes(slug) && specializations.length < MAX_SPECIALIZATIONS) specializations.push(slug);
  }

  let salary: number | null = null;
  const rawSalary = first("salary");
  if (rawSalary !== null) {
    const n = wholeNumber(rawSalary.replace(/[\s_]/g, ""));
    if (n !== null && n > 0 && n <= MAX_SALARY) salary = n;
    else notices.add("salaryInvalid");
  }

  let company: number | null = null;
  const rawCompany = first("company");
  if (rawCompany !== null) {
    const n = wholeNumber(rawCompany);
    if (n !== null && n >= 1 && n <= 2_147_483_647) company = n;
    else notices.add("filterValueInvalid");
  }

  let period: Period | null = null;
  const rawPeriod = first("period");
  if (rawPeriod !== null) {
    const n = wholeNumber(rawPeriod);
    if (n !== null && (PERIODS as readonly number[]).includes(n)) period = n as Period;
    else notices.add("periodInvalid");
  }

  let since: Date | null = null;
  const rawSince = first("since");
  if (rawSince !== null) {
    const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(rawSince) ? new Date(rawSince) : null;
    const now = Date.now();
    if (date && !Number.isNaN(date.getTime()) && date.getTime() <= now && now - date.getTime() <= MAX_SINCE_DAYS * 86_400_000) {
      since = date;
    } else notices.add("periodInvalid");
  }

  let sort: SortOrder | null = null;
  const rawSort = first("sort");
  if (rawSort !== null) {
    if ((SORTS as readonly string[]).includes(rawSort)) sort = rawSort as SortOrder;
    else notices.add("sortInvalid");
  }

  let page = 1;
  const rawPage = first("page");
  if (rawPage !== null) {
    const n = wholeNumber(rawPage);
    if (n === null || n < 1) notices.add("pageInvalid");
    else if (n > MAX_PAGE) notices.add("pageTooDeep");
    else page = n;
  }

  const remoteValue = first("remote");
  return {
    params: {
      q,
      region,
      city,
      specializations,
      company,
      salary,
      experience: pickEnum(raw, "exp", EXPERIENCE, notices),
      employment: pickEnum(raw, "emp", EMPLOYMENT, notices),
      schedule: pickEnum(raw, "schedule", SCHEDULE, notices),
      licences: pickEnum(raw, "lic", LICENCE, notices),
      remote: remoteValue === "1" || remoteValue === "true",
      period,
      since,
      sort,
      page,
    },
    notices: [...notices],
  };
}

/** The canonical query string (without "?"), known keys in a fixed order; page 1 and defaults omitted. */
export function searchParamsToQuery(params: Partial<SearchParams>): string {
  const p = { ...EMPTY_SEARCH, ...params };
  const out = new URLSearchParams();
  if (p.q) out.set("q", p.q);
  if (p.city) out.set("city", p.city);
  else if (p.region) out.set("region", p.region);
  for (const s of p.specializations) out.append("spec", s);
  if (p.company) out.set("company", String(p.company));
  if (p.salary) out.set("salary", String(p.salary));
  for (const v of p.experience) out.append("exp", v.toLowerCase());
  for (const v of p.employment) out.append("emp", v.toLowerCase());
  for (const v of p.schedule) out.append("schedule", v.toLowerCase());
  for (const v of p.licences) out.append("lic", v.toLowerCase());
  if (p.remote) out.set("remote", "1");
  if (p.period) out.set("period", String(p.period));
  // Whole seconds: the link stays short and the same moment always gives the same URL.
  if (p.since) out.set("since", `${p.since.toISOString().slice(0, 19)}Z`);
  if (p.sort) out.set("sort", p.sort);
  if (p.page > 1) out.set("page", String(p.page));
  return out.toString();
}

/** True when the state has anything beyond the defaults (a filtered list, not the bare search page). */
export const hasCriteria = (p: SearchParams) => searchParamsToQuery({ ...p, page: 1, sort: null }) !== "";
