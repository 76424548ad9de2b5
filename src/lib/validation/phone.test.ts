import { describe, expect, it } from "vitest";

import { formatKzMobile, normalizeKzMobile } from "./phone";

describe("formatKzMobile", () => {
  it("writes a stored mobile as +7 7xx xxx xx xx", () => {
    expect(formatKzMobile("+77012345678")).toBe("+7 701 234 56 78");
    expect(formatKzMobile(normalizeKzMobile("8 (747) 123-45-67")!)).toBe("+7 747 123 45 67");
  });

  it("leaves anything else as it is", () => {
    expect(formatKzMobile("+79161234567")).toBe("+79161234567");
    expect(formatKzMobile("нет")).toBe("нет");
    expect(formatKzMobile("")).toBe("");
  });
});
