import { describe, expect, it } from "vitest";

import { pathInLocale } from "./locale-path";

describe("pathInLocale", () => {
  it("swaps the locale prefix and keeps the rest of the path", () => {
    expect(pathInLocale("/ru/vacancy/12-voditel", "kk")).toBe("/kk/vacancy/12-voditel");
    expect(pathInLocale("/kk", "ru")).toBe("/ru");
    expect(pathInLocale("/ru/", "kk")).toBe("/kk");
  });

  it("does not mistake a path that merely starts with the letters of a locale", () => {
    expect(pathInLocale("/russia", "kk")).toBe("/kk/russia");
    expect(pathInLocale("/kkk/x", "ru")).toBe("/ru/kkk/x");
  });
});
