import { describe, expect, it } from "vitest";

import { formatDocumentNumber } from "./document-numbers";

describe("document numbers", () => {
  it("read kind, year and a six-digit sequence", () => {
    expect(formatDocumentNumber("INVOICE", 2026, 1)).toBe("СЧ-2026-000001");
    expect(formatDocumentNumber("ACT", 2026, 123_456)).toBe("АВР-2026-123456");
    expect(formatDocumentNumber("ORDER", 2027, 42)).toBe("JM-2027-000042");
  });
});
