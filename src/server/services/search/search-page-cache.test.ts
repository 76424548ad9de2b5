import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { cachedSearchPagePath, newSearchGeneration, queryOfCachedSearchPage, SEARCH_PAGE_PERIOD_MS } from "./search-page-cache";

const segments = (path: string | null) => {
  const match = path === null ? null : /^\/(ru|kk)\/vacancies\/cached\/([^/]+)\/([^/]+)$/.exec(path);
  if (!match) throw new Error(`not a cached search path: ${path}`);
  return { locale: match[1], stamp: match[2] as string, query: match[3] as string };
};

describe("cached search page paths", () => {
  const now = Date.UTC(2026, 11, 6, 12, 0, 0);

  it("carry the canonical query there and back, whatever its characters", () => {
    for (const query of [
      "",
      "q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&city=almaty",
      "q=a%2Fb%3Fc&page=3",
      "sort=date",
    ]) {
      const { locale, stamp, query: segment } = segments(cachedSearchPagePath("kk", query, now));
      expect(locale).toBe("kk");
      expect(segment).toMatch(/^q[A-Za-z0-9_-]*$/);
      expect(queryOfCachedSearchPage(stamp, segment)).toBe(query);
    }
  });

  it("leave queries too long for a short path to the page rendered per request", () => {
    const longest = `q=${"я".repeat(80)}&spec=${Array.from({ length: 80 }, (_, i) => `specialization-${i}`).join("&spec=")}`;
    expect(longest.length).toBeGreaterThan(1_500);
    expect(cachedSearchPagePath("ru", longest, now)).toBeNull();
    const fits = "q=x&".repeat(374).slice(0, 1_500);
    const { stamp, query } = segments(cachedSearchPagePath("ru", fits, now));
    expect(queryOfCachedSearchPage(stamp, query)).toBe(fits);
  });

  it("name a new page each period, and the same page within one", () => {
    const first = cachedSearchPagePath("ru", "q=x", now);
    expect(cachedSearchPagePath("ru", "q=x", now + SEARCH_PAGE_PERIOD_MS - 1)).toBe(first);
    expect(cachedSearchPagePath("ru", "q=x", now + SEARCH_PAGE_PERIOD_MS)).not.toBe(first);
  });

  it("name a new page after a write that changed what searches find", () => {
    const before = cachedSearchPagePath("ru", "q=x", now);
    newSearchGeneration();
    const after = cachedSearchPagePath("ru", "q=x", now);
    expect(after).not.toBe(before);
    expect(cachedSearchPagePath("ru", "q=x", now)).toBe(after);
  });

  it("read nothing from segments they did not write", () => {
    const { stamp, query } = segments(cachedSearchPagePath("ru", "q=x", now));
    for (const [s, q] of [
      [stamp, "x"],
      [stamp, "q!!"],
      [stamp, `${query}=`],
      ["01-0", query],
      ["1", query],
      ["1-2-3", query],
      ["-1-0", query],
    ] as const) {
      expect(queryOfCachedSearchPage(s, q), `${s}/${q}`).toBeNull();
    }
    // A segment that decodes but is not how the text encodes (trailing bits set).
    expect(queryOfCachedSearchPage(stamp, "qeB")).toBeNull();
  });
});

describe("the cached search page's route", () => {
  it("is revalidated after one period, as Next reads its literal `revalidate`", () => {
    const source = readFileSync(
      new URL("../../../app/[locale]/vacancies/cached/[stamp]/[query]/page.tsx", import.meta.url),
      "utf8",
    );
    expect(/export const revalidate = (\d+);/.exec(source)?.[1]).toBe(String(SEARCH_PAGE_PERIOD_MS / 1000));
  });
});
