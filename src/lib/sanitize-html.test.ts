import { describe, expect, it } from "vitest";

import { sanitizeRichText } from "./sanitize-html";

describe("sanitizeRichText", () => {
  it("keeps structure", () => {
    expect(sanitizeRichText("<h2>Условия</h2><ul><li><strong>Оклад</strong></li></ul>")).toBe(
      "<h2>Условия</h2><ul><li><strong>Оклад</strong></li></ul>",
    );
  });

  it.each([
    ['<p onclick="steal()">x</p>', "<p>x</p>"],
    ["<script>alert(1)</script><p>x</p>", "<p>x</p>"],
    ['<iframe src="https://evil.example"></iframe>', ""],
    ['<p style="color:red">x</p>', "<p>x</p>"],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="nofollow noopener" target="_blank">x</a>'],
    ['<img src=x onerror="alert(1)">', ""],
  ])("strips %s", (input, expected) => {
    expect(sanitizeRichText(input)).toBe(expected);
  });
});
