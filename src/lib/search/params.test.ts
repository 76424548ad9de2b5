import { describe, expect, it } from "vitest";

import { MAX_SINCE_DAYS, parseSearchParams, searchParamsToQuery } from "./params";

const DAY = 86_400_000;
const iso = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

describe("the since parameter", () => {
  it("reads an ISO moment in the last month and writes it back in whole seconds", () => {
    const moment = new Date(Date.now() - 2 * DAY);
    moment.setUTCMilliseconds(0);
    const { params, notices } = parseSearchParams({ q: "водитель", since: iso(moment) });
    expect(notices).toEqual([]);
    expect(params.since).toEqual(moment);
    expect(searchParamsToQuery(params)).toBe(
      `q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&since=${encodeURIComponent(iso(moment))}`,
    );
  });

  it("drops a moment in the future, too far back or not in the expected form, and says so", () => {
    for (const since of [
      iso(new Date(Date.now() + DAY)),
      iso(new Date(Date.now() - (MAX_SINCE_DAYS + 1) * DAY)),
      "yesterday",
      "2026-11-20",
      "2026-11-20T10:00:00+05:00",
    ]) {
      const { params, notices } = parseSearchParams({ since });
      expect(params.since, since).toBeNull();
      expect(notices, since).toEqual(["periodInvalid"]);
    }
  });
});
