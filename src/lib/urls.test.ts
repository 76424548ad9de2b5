import { describe, expect, it } from "vitest";

import { companyPath, parseIdSlug, schoolPath, vacancyPath } from "./urls";

describe("public paths", () => {
  it("keep ASCII slugs as they are", () => {
    expect(vacancyPath(12, "voditel-kategorii-c")).toBe("/vacancy/12-voditel-kategorii-c");
    expect(companyPath(3, "kaz-trans")).toBe("/company/3-kaz-trans");
  });

  it("encode anything else, so that a redirect's Location header stays valid", () => {
    const path = companyPath(41, "премиум-e2n11l");
    expect(path).toBe("/company/41-%D0%BF%D1%80%D0%B5%D0%BC%D0%B8%D1%83%D0%BC-e2n11l");
    expect(/^[\x21-\x7e]+$/.test(path)).toBe(true);
    expect(schoolPath(5, "a b")).toBe("/school/5-a%20b");
    expect(vacancyPath(9, `a&b'c<d"e/f%g`)).toBe("/vacancy/9-a&b'c%3Cd%22e%2Ff%25g");
  });

  it("split an id-slug segment and refuse one without an id", () => {
    expect(parseIdSlug("12-voditel")).toEqual({ id: 12, slug: "voditel" });
    expect(parseIdSlug("12")).toEqual({ id: 12, slug: "" });
    expect(parseIdSlug("voditel-12")).toBeNull();
    expect(parseIdSlug("0-x")).toBeNull();
  });

  it("decode the slug, so that an encoded one compares with the stored one (no redirect loop)", () => {
    const path = companyPath(41, "премиум-e2n11l");
    expect(parseIdSlug(path.slice("/company/".length))).toEqual({ id: 41, slug: "премиум-e2n11l" });
    expect(parseIdSlug("7-%E0%A4%A")).toEqual({ id: 7, slug: "%E0%A4%A" });
  });
});
