import { describe, expect, it } from "vitest";

import { escapeHtml, escapeXml } from "./escape";

describe("escapers", () => {
  it("escape XML and drop what XML 1.0 cannot carry", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001\uFFFE`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
  });

  it("escape HTML as React does", () => {
    expect(escapeHtml(`<b class="x">Ақ & 'жол'</b>`)).toBe("&lt;b class=&quot;x&quot;&gt;Ақ &amp; &#x27;жол&#x27;&lt;/b&gt;");
  });
});
