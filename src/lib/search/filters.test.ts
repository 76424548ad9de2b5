import { describe, expect, it } from "vitest";

import kk from "@/i18n/messages/kk.json";
import ru from "@/i18n/messages/ru.json";

import { FILTERS } from "./filters";
import { EMPTY_SEARCH, searchParamsToQuery } from "./params";

describe("the filter table", () => {
  it("names every filter once and owns every field of the search state but the query, order and page", () => {
    const keys = FILTERS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    const fields = FILTERS.flatMap((f) => f.fields).sort();
    expect(new Set(fields).size).toBe(fields.length);
    const others = ["q", "sort", "page"];
    expect(fields).toEqual(
      Object.keys(EMPTY_SEARCH)
        .filter((k) => !others.includes(k))
        .sort(),
    );
  });

  it("has a relaxation label for the words and every filter in both languages", () => {
    for (const key of ["q", ...FILTERS.map((f) => f.key)]) {
      expect(ru.search.relax, key).toHaveProperty(key);
      expect(kk.search.relax, key).toHaveProperty(key);
    }
  });

  it("writes nothing for a filter that is not set", () => {
    for (const filter of FILTERS) {
      const out = new URLSearchParams();
      filter.write(EMPTY_SEARCH, out);
      expect(out.toString(), filter.key).toBe("");
      expect(filter.count(EMPTY_SEARCH), filter.key).toBe(0);
    }
    expect(searchParamsToQuery(EMPTY_SEARCH)).toBe("");
  });

  it("gives the summary parts distinct places", () => {
    const ranks = FILTERS.flatMap((f) => (f.summary ? [f.summary.rank] : []));
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});
