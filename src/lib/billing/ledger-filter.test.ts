import { describe, expect, it } from "vitest";

import { ledgerFilterQuery, parseLedgerFilter } from "./ledger-filter";

describe("parseLedgerFilter", () => {
  it("reads a kind and a range of Almaty calendar days, the last day included", () => {
    const filter = parseLedgerFilter({ kind: "PURCHASE", from: "2026-12-01", to: "2026-12-05" });
    expect(filter).toEqual({
      kind: "PURCHASE",
      fromDay: "2026-12-01",
      toDay: "2026-12-05",
      from: new Date("2026-11-30T19:00:00Z"),
      to: new Date("2026-12-05T19:00:00Z"),
      before: null,
    });
  });

  it("leaves out what it cannot read instead of failing", () => {
    expect(parseLedgerFilter({ kind: "GIFT", from: "2026-02-31", to: "05.12.2026", before: "-3" })).toEqual({
      kind: null,
      fromDay: null,
      toDay: null,
      from: null,
      to: null,
      before: null,
    });
    expect(parseLedgerFilter({ before: "99999999999" }).before).toBeNull();
    expect(parseLedgerFilter({ kind: ["REFUND", "TOP_UP"], before: "42" })).toMatchObject({ kind: "REFUND", before: 42 });
  });

  it("writes the same parameters back, the cursor only when asked", () => {
    const filter = parseLedgerFilter({ kind: "TOP_UP", from: "2026-12-01" });
    expect(ledgerFilterQuery(filter)).toBe("?kind=TOP_UP&from=2026-12-01");
    expect(ledgerFilterQuery(filter, 17)).toBe("?kind=TOP_UP&from=2026-12-01&before=17");
    expect(ledgerFilterQuery(parseLedgerFilter({}))).toBe("");
  });
});
