import { describe, expect, it } from "vitest";

import { diffRichText, hasChanges } from "./legal-diff";

describe("diffRichText", () => {
  it("shows the words that changed within a paragraph", () => {
    const parts = diffRichText("<p>Срок хранения — 3 года.</p>", "<p>Срок хранения — 5 лет.</p>");
    const text = (change: string) =>
      parts
        .filter((p) => p.change === change)
        .map((p) => p.text)
        .join(" ");
    expect(text("removed")).toMatch(/3.*года/);
    expect(text("added")).toMatch(/5.*лет/);
    expect(text("removed")).not.toContain("Срок");
    expect(
      parts
        .filter((p) => p.change === "same")
        .map((p) => p.text)
        .join(""),
    ).toContain("Срок хранения");
  });

  it("compares Kazakh and Russian words whole, not letter by letter", () => {
    const parts = diffRichText("<p>Жүргізуші керек, срочно</p>", "<p>Жүргізушілер керек, срочно</p>");
    expect(parts.filter((p) => p.change !== "same").map((p) => [p.change, p.text])).toEqual([
      ["removed", "Жүргізуші"],
      ["added", "Жүргізушілер"],
    ]);
  });

  it("shows a new paragraph as added lines, markup left out", () => {
    const parts = diffRichText("<h2>Общие</h2><p>Один.</p>", "<h2>Общие</h2><p>Один.</p><ul><li>Екі &amp; үш</li></ul>");
    expect(
      parts
        .filter((p) => p.change === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("Екі & үш");
    expect(parts.some((p) => p.text.includes("<"))).toBe(false);
    expect(parts.filter((p) => p.change === "removed")).toEqual([]);
  });

  it("finds nothing changed in the same text with other markup", () => {
    const parts = diffRichText("<p>Текст  документа.</p>", "<p>Текст документа.</p>\n");
    expect(hasChanges(parts)).toBe(false);
  });

  it("drops what the sanitizer drops (scripts are no text)", () => {
    const parts = diffRichText("<p>А</p>", "<p>А</p><script>alert(1)</script>");
    expect(hasChanges(parts)).toBe(false);
  });
});
