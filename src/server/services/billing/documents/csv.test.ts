import { describe, expect, it } from "vitest";

import { CSV_BOM, csvResponse, csvRows, escapeFormula, formatCsvAmount } from "./csv";

describe("escapeFormula", () => {
  it("prefixes text that a spreadsheet would evaluate", () => {
    for (const value of ["=1+1", "+7 700 000 00 00", "-2", "@SUM(A1)", "\t=x", "\r=x"]) {
      expect(escapeFormula(value)).toBe(`'${value}`);
    }
  });

  it("leaves other text alone", () => {
    for (const value of ["ТОО «Ромашка»", "a=b", " =1", "", "'quoted"]) expect(escapeFormula(value)).toBe(value);
  });
});

describe("csvRows", () => {
  it("separates cells with ; and ends lines with CRLF", () => {
    expect(
      csvRows([
        ["a", "b"],
        ["c", null],
      ]),
    ).toBe("a;b\r\nc;\r\n");
  });

  it("quotes cells holding the separator, quotes or line breaks", () => {
    expect(csvRows([["a;b", 'say "hi"', "two\nlines"]])).toBe('"a;b";"say ""hi""";"two\nlines"\r\n');
  });

  it("escapes formulas in text but writes amounts as numbers with a decimal comma", () => {
    expect(csvRows([['=HYPERLINK("http://x")', { tiyn: -150_050n }, { tiyn: 5n }, 3]])).toBe(
      `"'=HYPERLINK(""http://x"")";-1500,50;0,05;3\r\n`,
    );
    expect(formatCsvAmount(12_000_000n)).toBe("120000,00");
  });
});

describe("csvResponse", () => {
  it("streams the BOM, the header and every batch", async () => {
    async function* batches() {
      yield [["1", { tiyn: 100n }]];
      yield [["@2", { tiyn: -1n }]];
    }
    const response = csvResponse("x.csv", ["id", "amount"], batches());
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="x.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(`${CSV_BOM}id;amount\r\n1;1,00\r\n'@2;-0,01\r\n`);
  });
});
