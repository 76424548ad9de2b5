import { formatAmount, licenceLabel } from "@/lib/format";

import type { SearchSummaryContext } from "./describe-search";
import {
  EMPLOYMENT,
  EMPTY_SEARCH,
  EXPERIENCE,
  LICENCE,
  MAX_SALARY,
  MAX_SINCE_DAYS,
  MAX_SPECIALIZATIONS,
  PERIODS,
  SCHEDULE,
  type Period,
  type SearchNotice,
  type SearchParams,
} from "./params";
import { firstValue, paramValues, wholeNumber, type RawParams } from "./param-values";

// Every filter of the search page, defined once: which part of the search state it holds, how it
// is read from and written to the URL (and so to a subscription's criteria), how the phone's
// "Filters (n)" counts it, how it is written canonically and summed up in words. Its SQL condition
// over a `vacancy_search` row is in src/server/services/search/plan/filter-conditions.ts, keyed by
// the same key, which the search, its relaxations and facets and the digest matcher all use.
// The order of the table is the URL's canonical order and the order relaxations are offered in.
// (Values of params.ts are read only inside functions: params.ts reads this table in turn.)

export type FilterKey =
  | "location"
  | "specializations"
  | "company"
  | "salary"
  | "experience"
  | "employment"
  | "schedule"
  | "licences"
  | "remote"
  | "period";

export interface SearchFilter {
  key: FilterKey;
  /** The fields of the search state it holds; dropping the filter resets them. */
  fields: readonly (keyof SearchParams)[];
  /** Its fields from a request; a value it cannot use is dropped with a notice. */
  parse(raw: RawParams, notices: Set<SearchNotice>): Partial<SearchParams>;
  /** Its fields in canonical form, appended to the query string. */
  write(p: SearchParams, out: URLSearchParams): void;
  /** How many of its choices are set, as the phone's "Filters (n)" counts them. */
  count(p: SearchParams): number;
  /** Part of a subscription's criteria; "period" is not (a digest has its own window). */
  subscribable: boolean;
  /** Its values in a fixed order, so that two ways of writing one search compare equal. */
  canonical?(p: SearchParams): Partial<SearchParams>;
  /** Its parts of a summary in words, and where they stand among the others (lower first). */
  summary?: { rank: number; parts(p: SearchParams, ctx: SearchSummaryContext): string[] };
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

function slugOrNull(raw: RawParams, key: string, notice: SearchNotice, notices: Set<SearchNotice>): string | null {
  const value = firstValue(raw, key);
  if (value === null) return null;
  const slug = value.toLowerCase();
  if (SLUG.test(slug)) return slug;
  notices.add(notice);
  return null;
}

const byOrder =
  <T extends string>(order: readonly T[]) =>
  (a: T, b: T) =>
    order.indexOf(a) - order.indexOf(b);

export type ChoiceField = "experience" | "employment" | "schedule" | "licences";

/** A filter of several values out of a fixed list: its URL parameter and the list, in the form's order. */
export interface Choice<F extends ChoiceField = ChoiceField> {
  param: string;
  options: readonly SearchParams[F][number][];
}

const CHOICE_PARAMS: Record<ChoiceField, string> = {
  experience: "exp",
  employment: "emp",
  schedule: "schedule",
  licences: "lic",
};

/** The URL parameter and values of a choice filter, as the search form offers them. */
export function filterChoice<F extends ChoiceField>(field: F): Choice<F> {
  const options = { experience: EXPERIENCE, employment: EMPLOYMENT, schedule: SCHEDULE, licences: LICENCE }[field];
  return { param: CHOICE_PARAMS[field], options: options as Choice<F>["options"] };
}

/** A filter of several values out of a fixed list, each its own `param=value` in lower case. */
function choiceFilter<F extends ChoiceField>(key: FilterKey & F, summary: SearchFilter["summary"]): SearchFilter {
  const param = CHOICE_PARAMS[key];
  const options = () => filterChoice(key).options;
  return {
    key,
    fields: [key],
    parse(raw, notices) {
      const allowed = options() as readonly string[];
      const out: string[] = [];
      for (const value of paramValues(raw, param)) {
        const upper = value.toUpperCase();
        if (allowed.includes(upper)) {
          if (!out.includes(upper)) out.push(upper);
        } else notices.add("filterValueInvalid");
      }
      return { [key]: out } as Partial<SearchParams>;
    },
    write: (p, out) => {
      for (const v of p[key]) out.append(param, v.toLowerCase());
    },
    count: (p) => p[key].length,
    subscribable: true,
    canonical: (p) => ({ [key]: [...(p[key] as string[])].sort(byOrder(options() as readonly string[])) }),
    summary,
  };
}

export const FILTERS: readonly SearchFilter[] = [
  {
    key: "location",
    fields: ["city", "region"],
    parse: (raw, notices) => ({
      region: slugOrNull(raw, "region", "locationUnknown", notices),
      city: slugOrNull(raw, "city", "locationUnknown", notices),
    }),
    write: (p, out) => {
      if (p.city) out.set("city", p.city);
      else if (p.region) out.set("region", p.region);
    },
    count: (p) => (p.city || p.region ? 1 : 0),
    subscribable: true,
    // A city wins over a region.
    canonical: (p) => ({ region: p.city ? null : p.region }),
    summary: {
      rank: 1,
      parts: (p, ctx) => {
        const name = p.city ? ctx.cityName(p.city) : p.region ? ctx.regionName(p.region) : null;
        return name ? [name] : [];
      },
    },
  },
  {
    key: "specializations",
    fields: ["specializations"],
    parse: (raw, notices) => {
      const specializations: string[] = [];
      for (const value of paramValues(raw, "spec")) {
        const slug = value.toLowerCase();
        if (!SLUG.test(slug)) notices.add("specializationUnknown");
        else if (!specializations.includes(slug) && specializations.length < MAX_SPECIALIZATIONS) specializations.push(slug);
      }
      return { specializations };
    },
    write: (p, out) => {
      for (const s of p.specializations) out.append("spec", s);
    },
    count: (p) => p.specializations.length,
    subscribable: true,
    canonical: (p) => ({ specializations: [...p.specializations].sort() }),
    summary: { rank: 2, parts: (p, ctx) => p.specializations.flatMap((slug) => ctx.specializationName(slug) ?? []) },
  },
  {
    key: "company",
    fields: ["company"],
    parse: (raw, notices) => {
      const value = firstValue(raw, "company");
      if (value === null) return { company: null };
      const n = wholeNumber(value);
      if (n !== null && n >= 1 && n <= 2_147_483_647) return { company: n };
      notices.add("filterValueInvalid");
      return { company: null };
    },
    write: (p, out) => {
      if (p.company) out.set("company", String(p.company));
    },
    count: (p) => (p.company ? 1 : 0),
    subscribable: true,
    summary: {
      rank: 9,
      parts: (p, ctx) => (p.company ? [ctx.companyName?.(p.company) ?? ctx.t("subscriptions.summary.company")] : []),
    },
  },
  {
    key: "salary",
    fields: ["salary"],
    parse: (raw, notices) => {
      const value = firstValue(raw, "salary");
      if (value === null) return { salary: null };
      const n = wholeNumber(value.replace(/[\s_]/g, ""));
      if (n !== null && n > 0 && n <= MAX_SALARY) return { salary: n };
      notices.add("salaryInvalid");
      return { salary: null };
    },
    write: (p, out) => {
      if (p.salary) out.set("salary", String(p.salary));
    },
    count: (p) => (p.salary ? 1 : 0),
    subscribable: true,
    summary: {
      rank: 4,
      parts: (p, ctx) => (p.salary ? [ctx.t("vacancy.salary.from", { from: formatAmount(p.salary) })] : []),
    },
  },
  choiceFilter("experience", {
    rank: 5,
    parts: (p, ctx) => p.experience.map((v) => ctx.t(`vacancy.experience.${v}`)),
  }),
  choiceFilter("employment", {
    rank: 6,
    parts: (p, ctx) => p.employment.map((v) => ctx.t(`vacancy.employment.${v}`)),
  }),
  choiceFilter("schedule", {
    rank: 7,
    parts: (p, ctx) => p.schedule.map((v) => ctx.t(`vacancy.schedule.${v}`)),
  }),
  choiceFilter("licences", {
    rank: 3,
    parts: (p) => (p.licences.length ? [p.licences.map(licenceLabel).join(", ")] : []),
  }),
  {
    key: "remote",
    fields: ["remote"],
    parse: (raw) => {
      const value = firstValue(raw, "remote");
      return { remote: value === "1" || value === "true" };
    },
    write: (p, out) => {
      if (p.remote) out.set("remote", "1");
    },
    count: (p) => (p.remote ? 1 : 0),
    subscribable: true,
    summary: { rank: 8, parts: (p, ctx) => (p.remote ? [ctx.t("subscriptions.summary.remote")] : []) },
  },
  {
    key: "period",
    fields: ["period", "since"],
    parse: (raw, notices) => {
      let period: Period | null = null;
      const rawPeriod = firstValue(raw, "period");
      if (rawPeriod !== null) {
        const n = wholeNumber(rawPeriod);
        if (n !== null && (PERIODS as readonly number[]).includes(n)) period = n as Period;
        else notices.add("periodInvalid");
      }
      let since: Date | null = null;
      const rawSince = firstValue(raw, "since");
      if (rawSince !== null) {
        const date = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(rawSince) ? new Date(rawSince) : null;
        const now = Date.now();
        if (
          date &&
          !Number.isNaN(date.getTime()) &&
          date.getTime() <= now &&
          now - date.getTime() <= MAX_SINCE_DAYS * 86_400_000
        ) {
          since = date;
        } else notices.add("periodInvalid");
      }
      return { period, since };
    },
    write: (p, out) => {
      if (p.period) out.set("period", String(p.period));
      // Whole seconds: the link stays short and the same moment always gives the same URL.
      if (p.since) out.set("since", `${p.since.toISOString().slice(0, 19)}Z`);
    },
    count: (p) => (p.period || p.since ? 1 : 0),
    subscribable: false,
  },
];

export const FILTER_BY_KEY = new Map(FILTERS.map((f) => [f.key, f]));

/** The search state with these filters dropped (their fields back to the empty search's). */
export function withoutFilters(p: SearchParams, filters: readonly SearchFilter[]): SearchParams {
  const next = { ...p };
  for (const filter of filters) for (const field of filter.fields) Object.assign(next, { [field]: EMPTY_SEARCH[field] });
  return next;
}
