import { describe, expect, it } from "vitest";

import { legalAcceptHref, legalGateExempt } from "./legal-gate";

describe("legal gate", () => {
  it("leaves the documents and the acceptance page open", () => {
    expect(legalGateExempt("/terms")).toBe(true);
    expect(legalGateExempt("/privacy?x=1")).toBe(true);
    expect(legalGateExempt("/legal/accept")).toBe(true);
    expect(legalGateExempt("/legal/diff")).toBe(true);
    expect(legalGateExempt("/")).toBe(false);
    expect(legalGateExempt("/termsx")).toBe(false);
    expect(legalGateExempt("/seeker/resumes")).toBe(false);
  });

  it("returns only to a page of this site, never to itself", () => {
    expect(legalAcceptHref("/seeker/resumes?page=2").query.next).toBe("/seeker/resumes?page=2");
    expect(legalAcceptHref("https://evil.example/x").query.next).toBe("/");
    expect(legalAcceptHref("//evil.example").query.next).toBe("/");
    expect(legalAcceptHref("/ru/legal/accept?next=/x").query.next).toBe("/");
    expect(legalAcceptHref(null).query.next).toBe("/");
  });
});
