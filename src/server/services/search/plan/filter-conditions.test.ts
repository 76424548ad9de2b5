import { describe, expect, it } from "vitest";

import { FILTERS, type FilterKey } from "@/lib/search/filters";
import { EMPTY_SEARCH, parseSearchParams, searchParamsToQuery, type SearchNotice, type SearchParams } from "@/lib/search/params";
import { criteriaFromParams, paramsFromCriteria } from "@/lib/search/subscription-criteria";

import { relaxedSearchHref } from "@/components/search/search-href";
import { activeFilterCount } from "@/app/[locale]/vacancies/search-request";
import type { Catalog } from "../../catalog/catalog";
import { canonicalSearch } from "../../subscriptions/subscription-search";

import { applyFilters, conditionSql, FILTER_CONDITIONS, filtersSql, salaryStep, type Condition } from "./filter-conditions";

// Every filter of the table, with a value it is set to in a URL. A filter added to the table
// fails to compile here until it has a sample, and then must pass every check below: it is read
// and written by the URL, kept (or deliberately not kept) by subscription criteria, and gives the
// search and the digest the same conditions, since both take them from applyFilters.
const SAMPLES: Record<FilterKey, Record<string, string>> = {
  location: { city: "astana" },
  specializations: { spec: "driver-d,transport" },
  company: { company: "42" },
  salary: { salary: "350000" },
  experience: { exp: "more_than_6,none" },
  employment: { emp: "part_time" },
  schedule: { schedule: "flexible,shift" },
  licences: { lic: "ce,c" },
  remote: { remote: "1" },
  period: { period: "7" },
};

const place = (id: number, slug: string) => ({ id, slug, nameRu: slug, nameKk: slug });
const catalog = {
  cityBySlug: new Map([["astana", { ...place(3, "astana"), regionId: 2, isMajor: true, latitude: null, longitude: null }]]),
  regionBySlug: new Map([["akmola", place(2, "akmola")]]),
  specializationBySlug: new Map([
    ["transport", { ...place(10, "transport"), parentId: null, licenceCategory: null }],
    ["driver-d", { ...place(11, "driver-d"), parentId: 10, licenceCategory: "D" }],
  ]),
} as unknown as Catalog;
const now = new Date("2026-12-01T10:00:00Z");

function apply(params: SearchParams) {
  const notices = new Set<SearchNotice>();
  const applied = applyFilters(params, { catalog, now, notices });
  return { ...applied, notices: [...notices] };
}

const fieldsOf = (p: SearchParams, keys: readonly (keyof SearchParams)[]) => Object.fromEntries(keys.map((k) => [k, p[k]]));

describe("the filter table", () => {
  it("has a condition builder for every filter and no other", () => {
    expect(Object.keys(FILTER_CONDITIONS).sort()).toEqual(FILTERS.map((f) => f.key).sort());
  });

  for (const filter of FILTERS) {
    describe(filter.key, () => {
      const { params, notices } = parseSearchParams(SAMPLES[filter.key]);

      it("is read from its URL parameters and written back in canonical form", () => {
        expect(notices).toEqual([]);
        expect(filter.count(params)).toBeGreaterThan(0);
        expect(activeFilterCount(params)).toBe(filter.count(params));
        const again = parseSearchParams(new URLSearchParams(searchParamsToQuery(params))).params;
        expect(fieldsOf(again, filter.fields)).toEqual(fieldsOf(params, filter.fields));
        // Its parameters are in the canonical query, and only they are.
        expect(searchParamsToQuery({ ...params, q: "" })).not.toBe("");
      });

      it("gives the search its conditions, and nothing once relaxed", () => {
        const applied = apply(params);
        expect(applied.notices).toEqual([]);
        expect(applied.filters.map((f) => f.key)).toEqual([filter.key]);
        expect(filtersSql(applied.filters)).toHaveLength(applied.filters[0]!.conditions.length);
        expect(filtersSql(applied.filters, filter.key)).toEqual([]);
        const relaxed = parseSearchParams(
          new URLSearchParams(relaxedSearchHref(params, { drop: filter.key, total: 1 }).split("?")[1] ?? ""),
        );
        expect(apply(relaxed.params).filters).toEqual([]);
      });

      if (filter.subscribable) {
        it("survives a subscription's criteria with the same conditions, so the digest matches as the search does", () => {
          // As a subscription stores it: written canonically (see resolveSubscriptionSearch).
          const fromCriteria = paramsFromCriteria(criteriaFromParams(canonicalSearch(params)));
          expect(fieldsOf(fromCriteria, filter.fields)).toEqual(fieldsOf(canonicalSearch(params), filter.fields));
          const search = apply(params).filters;
          const digest = apply(fromCriteria).filters;
          // The digest's criteria are written canonically: compare the conditions as sets of values.
          const normal = (filters: typeof search) =>
            filters.map((f) => ({
              key: f.key,
              conditions: f.conditions.map((c) => ("values" in c ? { ...c, values: [...c.values].sort() } : c)),
            }));
          expect(normal(digest)).toEqual(normal(search));
          const sql = (filters: typeof search) =>
            normal(filters).flatMap((f) => f.conditions.map((c) => conditionSql(c as Condition).sql));
          expect(sql(digest)).toEqual(sql(search));
        });
      } else {
        it("is not kept by a subscription (a digest has its own window)", () => {
          expect(apply(paramsFromCriteria(criteriaFromParams(params))).filters).toEqual([]);
        });
      }
    });
  }

  it("renders the conditions as the search has always written them", () => {
    const sql = (raw: Record<string, string>) =>
      filtersSql(apply(parseSearchParams(raw).params).filters).map((part) => ({ sql: part.sql, values: part.values }));
    expect(sql({ company: "42", salary: "349999", lic: "c" })).toEqual([
      { sql: "vs.organization_id = ?", values: [42] },
      { sql: "NOT vs.is_anonymous", values: [] },
      { sql: "vs.salary_steps @> ARRAY[?]::integer[]", values: [300_000] },
      { sql: "vs.salary_top >= ?", values: [349_999] },
      { sql: 'vs.licence_categories && ?::"LicenceCategory"[]', values: [["C"]] },
    ]);
    expect(sql({ exp: "none", remote: "1", spec: "transport" })).toEqual([
      { sql: "vs.specialization_ids && ?::integer[]", values: [[10]] },
      { sql: 'vs.experience = ANY (?::"Experience"[])', values: [["NONE"]] },
      { sql: "vs.is_remote = true", values: [] },
    ]);
  });

  it("drops what the catalogue does not know, and says so", () => {
    const unknown = apply({ ...EMPTY_SEARCH, city: "atlantis", region: "akmola", specializations: ["no-such", "transport"] });
    expect(unknown.notices).toEqual(["locationUnknown", "specializationUnknown"]);
    expect(unknown.params).toMatchObject({ city: null, region: null, specializations: ["transport"] });
    expect(unknown.filters.map((f) => f.key)).toEqual(["specializations"]);
    expect(apply({ ...EMPTY_SEARCH, city: "astana", region: "akmola" }).params.region).toBeNull();
  });

  it("finds the salary step at or below an amount", () => {
    expect(salaryStep(49_999)).toBeNull();
    expect(salaryStep(50_000)).toBe(50_000);
    expect(salaryStep(349_999)).toBe(300_000);
    expect(salaryStep(9_000_000)).toBe(2_000_000);
  });
});
