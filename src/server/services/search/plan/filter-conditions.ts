import { Prisma } from "@/generated/prisma/client";
import { FILTERS, type FilterKey } from "@/lib/search/filters";
import type { SearchNotice, SearchParams } from "@/lib/search/params";

import type { Catalog } from "../../catalog/catalog";

// The condition each filter of src/lib/search/filters.ts puts on a `vacancy_search` row (alias
// `vs`), written as data: the search renders it as SQL (conditionSql) and the digest evaluates the
// very same condition over its in-memory window (match-subscriptions.ts), so a filter added here
// works in both, and a new kind of condition does not compile until both know it.

/** The lowest salary step at or below the amount (the index key), see salary_search_steps(). */
const SALARY_STEPS = [
  50_000, 100_000, 150_000, 200_000, 250_000, 300_000, 350_000, 400_000, 500_000, 600_000, 700_000, 800_000, 1_000_000, 1_500_000,
  2_000_000,
];
export function salaryStep(amount: number): number | null {
  let step: number | null = null;
  for (const s of SALARY_STEPS) if (s <= amount) step = s;
  return step;
}

const ENUM_TYPES = { experience: "Experience", employment_type: "EmploymentType", schedule: "WorkSchedule" } as const;
const ARRAY_TYPES = { specialization_ids: "integer", licence_categories: '"LicenceCategory"' } as const;

export type Condition =
  | { kind: "equals"; column: "city_id" | "region_id" | "organization_id"; value: number }
  | { kind: "anyOf"; column: keyof typeof ENUM_TYPES; values: string[] }
  | { kind: "overlaps"; column: "specialization_ids"; values: number[] }
  | { kind: "overlaps"; column: "licence_categories"; values: string[] }
  /** salary_steps holds every step up to salary_top: `@>` is an index key for "salary_top ≥ step". */
  | { kind: "salaryStep"; step: number }
  | { kind: "atLeast"; column: "salary_top"; value: number }
  | { kind: "flag"; column: "is_remote" | "is_anonymous"; value: boolean }
  | { kind: "publishedAfter"; at: Date; inclusive: boolean };

export interface FilterContext {
  catalog: Catalog;
  now: Date;
  /** Where a value the catalogue no longer knows is reported (it is dropped). */
  notices: Set<SearchNotice>;
}

interface Resolution {
  conditions: Condition[];
  /** The state as applied, where it differs from the one asked for (unknown values dropped). */
  params?: Partial<SearchParams>;
}

const DAY_MS = 86_400_000;

/** Per filter key: its conditions for a search state (none while the filter is not set). */
export const FILTER_CONDITIONS: { [K in FilterKey]: (p: SearchParams, ctx: FilterContext) => Resolution } = {
  location: (p, { catalog, notices }) => {
    // A city wins over a region, even a city the catalogue does not know (then neither applies).
    if (p.city) {
      const city = catalog.cityBySlug.get(p.city);
      if (city) return { conditions: [{ kind: "equals", column: "city_id", value: city.id }], params: { region: null } };
      notices.add("locationUnknown");
      return { conditions: [], params: { city: null, region: null } };
    }
    if (p.region) {
      const region = catalog.regionBySlug.get(p.region);
      if (region) return { conditions: [{ kind: "equals", column: "region_id", value: region.id }] };
      notices.add("locationUnknown");
      return { conditions: [], params: { region: null } };
    }
    return { conditions: [] };
  },
  specializations: (p, { catalog, notices }) => {
    const ids: number[] = [];
    const slugs: string[] = [];
    for (const slug of p.specializations) {
      const spec = catalog.specializationBySlug.get(slug);
      if (spec) {
        ids.push(spec.id);
        slugs.push(slug);
      } else notices.add("specializationUnknown");
    }
    // A group's id matches its members (see refresh_vacancy_search).
    return {
      conditions: ids.length ? [{ kind: "overlaps", column: "specialization_ids", values: ids }] : [],
      params: { specializations: slugs },
    };
  },
  company: (p) => ({
    // Never an anonymous vacancy: its company is not shown, so it cannot be found by it either.
    conditions:
      p.company === null
        ? []
        : [
            { kind: "equals", column: "organization_id", value: p.company },
            { kind: "flag", column: "is_anonymous", value: false },
          ],
  }),
  salary: (p) => {
    if (p.salary === null) return { conditions: [] };
    const step = salaryStep(p.salary);
    const conditions: Condition[] = step === null ? [] : [{ kind: "salaryStep", step }];
    conditions.push({ kind: "atLeast", column: "salary_top", value: p.salary });
    return { conditions };
  },
  experience: (p) => ({
    conditions: p.experience.length ? [{ kind: "anyOf", column: "experience", values: p.experience }] : [],
  }),
  employment: (p) => ({
    conditions: p.employment.length ? [{ kind: "anyOf", column: "employment_type", values: p.employment }] : [],
  }),
  schedule: (p) => ({
    conditions: p.schedule.length ? [{ kind: "anyOf", column: "schedule", values: p.schedule }] : [],
  }),
  licences: (p) => ({
    conditions: p.licences.length ? [{ kind: "overlaps", column: "licence_categories", values: p.licences }] : [],
  }),
  remote: (p) => ({ conditions: p.remote ? [{ kind: "flag", column: "is_remote", value: true }] : [] }),
  period: (p, { now }) => {
    const conditions: Condition[] = [];
    if (p.period !== null)
      conditions.push({ kind: "publishedAfter", at: new Date(now.getTime() - p.period * DAY_MS), inclusive: true });
    if (p.since !== null) conditions.push({ kind: "publishedAfter", at: p.since, inclusive: false });
    return { conditions };
  },
};

export interface AppliedFilter {
  key: FilterKey;
  conditions: Condition[];
}

/**
 * The filters a search state sets, in the table's order, each with its conditions, and the state
 * as applied (values the catalogue does not know dropped and reported).
 */
export function applyFilters(params: SearchParams, ctx: FilterContext): { params: SearchParams; filters: AppliedFilter[] } {
  const applied: SearchParams = { ...params };
  const filters: AppliedFilter[] = [];
  for (const { key } of FILTERS) {
    const resolution = FILTER_CONDITIONS[key](params, ctx);
    Object.assign(applied, resolution.params);
    if (resolution.conditions.length) filters.push({ key, conditions: resolution.conditions });
  }
  return { params: applied, filters };
}

const column = (name: string) => Prisma.raw(`vs.${name}`);

/** A condition as SQL over the `vacancy_search` row `vs`. */
export function conditionSql(c: Condition): Prisma.Sql {
  switch (c.kind) {
    case "equals":
      return Prisma.sql`${column(c.column)} = ${c.value}`;
    case "anyOf":
      return Prisma.sql`${column(c.column)} = ANY (${c.values}::${Prisma.raw(`"${ENUM_TYPES[c.column]}"[]`)})`;
    case "overlaps":
      return Prisma.sql`${column(c.column)} && ${c.values}::${Prisma.raw(`${ARRAY_TYPES[c.column]}[]`)}`;
    case "salaryStep":
      return Prisma.sql`vs.salary_steps @> ARRAY[${c.step}]::integer[]`;
    case "atLeast":
      return Prisma.sql`${column(c.column)} >= ${c.value}`;
    case "flag":
      return c.value ? Prisma.sql`${column(c.column)} = true` : Prisma.sql`NOT ${column(c.column)}`;
    case "publishedAfter":
      return c.inclusive ? Prisma.sql`vs.published_at >= ${c.at}` : Prisma.sql`vs.published_at > ${c.at}`;
  }
}

/** The SQL conditions of these filters, leaving out the one being relaxed. */
export const filtersSql = (filters: readonly AppliedFilter[], without?: FilterKey | "q"): Prisma.Sql[] =>
  filters.filter((f) => f.key !== without).flatMap((f) => f.conditions.map(conditionSql));

interface FacetSpec {
  /** Its field of the search result's facets. */
  name: string;
  column: string;
  /** One value per row, several (an array column), or a flag whose rows are counted. */
  kind: "value" | "array" | "flag";
}

/** The filters whose values the search page counts among the matches, and how. */
export const FILTER_FACETS = {
  location: { name: "cities", column: "city_id", kind: "value" },
  specializations: { name: "specializations", column: "specialization_ids", kind: "array" },
  experience: { name: "experience", column: "experience", kind: "value" },
  employment: { name: "employment", column: "employment_type", kind: "value" },
  schedule: { name: "schedule", column: "schedule", kind: "value" },
  licences: { name: "licences", column: "licence_categories", kind: "array" },
  remote: { name: "remote", column: "is_remote", kind: "flag" },
} as const satisfies Partial<Record<FilterKey, FacetSpec>>;

type FacetSpecs = typeof FILTER_FACETS;
export interface FacetValue {
  value: string;
  count: number;
}
/** Per value, how many matches have it; a flag's count of matches that have it. */
export type Facets = {
  [K in keyof FacetSpecs as FacetSpecs[K]["name"]]: FacetSpecs[K]["kind"] extends "flag" ? number : FacetValue[];
};

const FACET_SPECS: readonly FacetSpec[] = Object.values(FILTER_FACETS);

/**
 * The matches of `where` counted up to `countLimit` + 1 and, when there are at most `facetLimit`,
 * every facet counted over them, in one statement that reads the matches once: a row with a NULL
 * facet holds the count, the others the facets (none above `facetLimit`, none at all for null).
 */
export function countAndFacetsSql(where: Prisma.Sql, countLimit: number, facetLimit: number | null): Prisma.Sql {
  if (facetLimit === null)
    return Prisma.sql`
      SELECT NULL::text AS facet, NULL::text AS value, count(*)::int AS n
      FROM (SELECT 1 FROM vacancy_search vs WHERE ${where} LIMIT ${countLimit + 1}) m`;
  const columns = FACET_SPECS.map((f) => f.column).join(", ");
  // Facets are counted only when the count shows them (an InitPlan, evaluated once).
  const shown = Prisma.sql`(SELECT n FROM total) <= ${facetLimit}`;
  const facetParts = FACET_SPECS.map((f) => {
    const [name, column] = [Prisma.raw(`'${f.name}'`), Prisma.raw(f.column)];
    return f.kind === "value"
      ? Prisma.sql`SELECT ${name}, ${column}::text, count(*)::int FROM m WHERE ${shown} GROUP BY ${column}`
      : f.kind === "array"
        ? Prisma.sql`SELECT ${name}, x::text, count(*)::int FROM m, unnest(${column}) x WHERE ${shown} GROUP BY x`
        : Prisma.sql`SELECT ${name}, 'true', count(*)::int FROM m WHERE ${shown} AND ${column}`;
  });
  return Prisma.sql`
    WITH m AS MATERIALIZED (SELECT ${Prisma.raw(columns)} FROM vacancy_search vs WHERE ${where} LIMIT ${countLimit + 1}),
         total AS (SELECT count(*)::int AS n FROM m)
    SELECT NULL::text AS facet, NULL::text AS value, n FROM total
    UNION ALL ${Prisma.join(facetParts, "\n    UNION ALL ")}`;
}

/** The facets from the rows of countAndFacetsSql (its count row left out), values by falling count. */
export function facetsFromRows(rows: readonly { facet: string; value: string; n: number }[]): Facets {
  const facets: Record<string, FacetValue[] | number> = {};
  for (const spec of FACET_SPECS) {
    const mine = rows.filter((row) => row.facet === spec.name);
    facets[spec.name] =
      spec.kind === "flag"
        ? (mine[0]?.n ?? 0)
        : mine.map((row) => ({ value: row.value, count: row.n })).sort((a, b) => b.count - a.count);
  }
  return facets as Facets;
}
