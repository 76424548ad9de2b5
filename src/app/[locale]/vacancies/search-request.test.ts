import { describe, expect, it } from "vitest";

import { relaxedSearchHref } from "@/components/search/search-href";
import { EMPTY_SEARCH } from "@/lib/search/params";

import { activeFilterCount, cacheableSearchQuery, effectiveSort, parseSearchRequest } from "./search-request";

describe("parseSearchRequest", () => {
  it("sends a clean request with empty fields to its canonical address", () => {
    const request = parseSearchRequest({ q: "водитель", city: "", sort: "" });
    expect(request.notices).toEqual([]);
    expect(request.canonicalHref).toBe(`/vacancies?q=${encodeURIComponent("водитель")}`);
  });

  it("keeps a canonical request, the bare page and a request with notices where they are", () => {
    expect(parseSearchRequest({ q: "водитель" }).canonicalHref).toBeNull();
    expect(parseSearchRequest({}).canonicalHref).toBeNull();
    const withNotice = parseSearchRequest({ q: "водитель", salary: "-5" });
    expect(withNotice.notices).toContain("salaryInvalid");
    expect(withNotice.canonicalHref).toBeNull();
  });
});

describe("cacheableSearchQuery", () => {
  const query = (text: string) => cacheableSearchQuery(new URLSearchParams(text));

  it("gives the query of a request already in canonical form, repeated values included", () => {
    const canonical = `q=${encodeURIComponent("водитель")}&city=almaty&emp=full_time&emp=part_time`;
    expect(parseSearchRequest({ q: "водитель", city: "almaty", emp: ["full_time", "part_time"] }).canonicalHref).toBeNull();
    expect(query(canonical)).toBe(canonical);
    expect(query("")).toBe("");
  });

  it("leaves to the page rendered per request what it redirects or warns about", () => {
    // Empty fields: redirected to the canonical address first.
    expect(query(`q=${encodeURIComponent("водитель")}&city=`)).toBeNull();
    // Unknown values: shown with a notice.
    expect(query("salary=-5")).toBeNull();
    expect(query("lic=Z")).toBeNull();
  });
});

describe("activeFilterCount and effectiveSort", () => {
  it("counts a location and a period once each, and every chosen value of a list", () => {
    const p = {
      ...EMPTY_SEARCH,
      city: "almaty",
      region: "almaty-region",
      licences: ["B" as const, "C" as const],
      period: 7 as const,
    };
    expect(activeFilterCount(EMPTY_SEARCH)).toBe(0);
    expect(activeFilterCount(p)).toBe(4);
  });

  it("ranks a query by relevance and the rest by date, unless an order is asked for", () => {
    expect(effectiveSort({ ...EMPTY_SEARCH, q: "водитель" })).toBe("relevance");
    expect(effectiveSort(EMPTY_SEARCH)).toBe("date");
    expect(effectiveSort({ ...EMPTY_SEARCH, q: "водитель", sort: "salary" })).toBe("salary");
  });
});

describe("relaxedSearchHref", () => {
  const p = { ...EMPTY_SEARCH, q: "водитель", city: "almaty", experience: ["NONE" as const], page: 3 };

  it("drops one criterion and starts from the first page", () => {
    expect(relaxedSearchHref(p, { drop: "location", total: 5 })).toBe(`/vacancies?q=${encodeURIComponent("водитель")}&exp=none`);
    expect(relaxedSearchHref(p, { drop: "experience", total: 5 })).toBe(
      `/vacancies?q=${encodeURIComponent("водитель")}&city=almaty`,
    );
    expect(relaxedSearchHref(p, { drop: "q", total: 5 })).toBe("/vacancies?city=almaty&exp=none");
  });
});
