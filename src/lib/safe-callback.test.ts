import { describe, expect, it } from "vitest";

import { safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it("keeps same-site paths without the locale", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/kk/account?x=1")).toBe("/account?x=1");
    expect(safeCallbackPath("/ru")).toBe("/");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", ""])("refuses %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/account");
  });
});
