import { describe, expect, it } from "vitest";

import { formatTiyn, parseAmountTiyn } from "./money";

describe("parseAmountTiyn", () => {
  it.each([
    ["123.00", 12300n],
    ["123", 12300n],
    ["123.5", 12350n],
    ["0.29", 29n],
    ["0.01", 1n],
    ["0", 0n],
    ["999999999999999.99", 99999999999999999n],
  ])("reads %s as %s tiyn", (text, tiyn) => {
    expect(parseAmountTiyn(text)).toBe(tiyn);
  });

  it.each(["1.005", "-1.00", "+1", "1.", ".5", "1,50", "1e3", " 1", "1 ", "", "abc", "0x10", "1000000000000000", "１２"])(
    "refuses %j",
    (text) => {
      expect(parseAmountTiyn(text)).toBeNull();
    },
  );
});

describe("formatTiyn", () => {
  it.each([
    [150000n, "1500.00"],
    [150005n, "1500.05"],
    [150050n, "1500.50"],
    [1n, "0.01"],
    [0n, "0.00"],
  ])("writes %s tiyn as %s", (tiyn, text) => {
    expect(formatTiyn(tiyn)).toBe(text);
    expect(parseAmountTiyn(text)).toBe(tiyn);
  });

  it("refuses a negative amount", () => {
    expect(() => formatTiyn(-1n)).toThrow(RangeError);
  });
});
