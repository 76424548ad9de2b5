import { describe, expect, it } from "vitest";

import { orderTotals, priceLine, vatIncluded } from "./money";

describe("VAT included in a gross price", () => {
  it("is amount × rate / (100 % + rate), rounded to the nearest tiyn", () => {
    // 9 900 ₸ at 16 %: 990000 × 1600 / 11600 = 136551.72…
    expect(vatIncluded(990_000n, 1600)).toBe(136_552n);
    // 24 900 ₸: 343448.27… ; 12 900 ₸: 177931.03…
    expect(vatIncluded(2_490_000n, 1600)).toBe(343_448n);
    expect(vatIncluded(1_290_000n, 1600)).toBe(177_931n);
  });

  it("rounds an exact half up", () => {
    // 14 × 1200 / 11200 = 1.5 ; 3 × 10000 / 20000 = 1.5 ; 42 × 1200 / 11200 = 4.5
    expect(vatIncluded(14n, 1200)).toBe(2n);
    expect(vatIncluded(3n, 10_000)).toBe(2n);
    expect(vatIncluded(42n, 1200)).toBe(5n);
    // just under a half stays down: 13 × 1200 / 11200 = 1.39…
    expect(vatIncluded(13n, 1200)).toBe(1n);
  });

  it("is zero at a zero rate or a zero amount, and half at 100 %", () => {
    expect(vatIncluded(990_000n, 0)).toBe(0n);
    expect(vatIncluded(0n, 1600)).toBe(0n);
    expect(vatIncluded(1_000n, 10_000)).toBe(500n);
  });

  it("stays exact far beyond what a double could hold", () => {
    const gross = 9_007_199_254_740_993_000n; // more than 2^53
    expect(vatIncluded(gross, 1600)).toBe((2n * gross * 1600n + 11600n) / 23200n);
  });

  it("refuses a negative amount or a rate outside 0–10000", () => {
    expect(() => vatIncluded(-1n, 1600)).toThrow(RangeError);
    expect(() => vatIncluded(100n, 10_001)).toThrow(RangeError);
    expect(() => vatIncluded(100n, 16.5)).toThrow(RangeError);
  });
});

describe("a priced line", () => {
  it("takes the VAT on the line's total, not per unit", () => {
    // per unit 1 tiyn at 16 % would round to 0 each; the line of 100 has 13.79… → 14
    expect(priceLine(1n, 100, 1600)).toEqual({ unitPriceTiyn: 1n, quantity: 100, vatRate: 1600, amountTiyn: 100n, vatTiyn: 14n });
  });

  it("adds lines up into the order's totals", () => {
    const lines = [priceLine(990_000n, 3, 1600), priceLine(2_490_000n, 1, 1600)];
    expect(orderTotals(lines)).toEqual({ amountTiyn: 5_460_000n, vatTiyn: lines[0]!.vatTiyn + lines[1]!.vatTiyn });
    expect(lines[0]!.vatTiyn).toBe(409_655n); // 2970000 × 16 / 116 = 409655.17
  });

  it("refuses a quantity that is not a positive integer", () => {
    expect(() => priceLine(100n, 0, 1600)).toThrow(RangeError);
    expect(() => priceLine(100n, 1.5, 1600)).toThrow(RangeError);
  });
});
