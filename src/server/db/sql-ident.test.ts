import { describe, expect, it } from "vitest";

import { sqlIdent } from "./sql-ident";

describe("sqlIdent", () => {
  it("passes plain lower-case identifiers through as raw SQL", () => {
    expect(sqlIdent("vs").sql).toBe("vs");
    expect(sqlIdent("_vacancy_search2").sql).toBe("_vacancy_search2");
  });

  it.each(["", "VS", "1vs", "vs.id", 'vs"', "vs; DROP TABLE users", "vs ", "в"])("refuses %j", (name) => {
    expect(() => sqlIdent(name)).toThrow(/not an SQL identifier/);
  });
});
