import { describe, expect, it } from "vitest";

import { EMPTY_SEARCH } from "./params";
import { criteriaFromParams, paramsFromCriteria } from "./subscription-criteria";

describe("subscription criteria", () => {
  it("round-trips a search state without page, sort and period", () => {
    const params = {
      ...EMPTY_SEARCH,
      q: "водитель",
      city: "almaty",
      licences: ["C" as const, "CE" as const],
      salary: 300000,
      page: 4,
      sort: "date" as const,
      period: 7 as const,
    };
    const criteria = criteriaFromParams(params);
    expect(criteria.query).toBe("q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&city=almaty&salary=300000&lic=c&lic=ce");
    expect(paramsFromCriteria(criteria)).toEqual({ ...params, page: 1, sort: null, period: null });
  });

  it("reads anything unreadable as an empty search", () => {
    expect(paramsFromCriteria(null)).toEqual(EMPTY_SEARCH);
    expect(paramsFromCriteria({ query: 5 })).toEqual(EMPTY_SEARCH);
    expect(paramsFromCriteria({ query: "lic=zz&salary=-1" })).toEqual(EMPTY_SEARCH);
  });
});
