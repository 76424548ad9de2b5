/** 100 % in the basis points VAT rates are kept in. */
export const BASIS_POINTS = 10_000;

/**
 * The VAT contained in a gross (VAT-inclusive) amount: amount × rate / (100 % + rate), rounded half
 * up to a whole tiyn. Integer arithmetic only, so the same amount always gives the same tiyn on
 * the invoice, the act and the order.
 */
export function vatIncluded(grossTiyn: bigint, vatRateBp: number): bigint {
  if (grossTiyn < 0n) throw new RangeError("a gross amount is never negative");
  if (!Number.isInteger(vatRateBp) || vatRateBp < 0 || vatRateBp > BASIS_POINTS) throw new RangeError("VAT rate out of range");
  const rate = BigInt(vatRateBp);
  const denominator = BigInt(BASIS_POINTS) + rate;
  // round-half-up(a / d) = floor((2a + d) / 2d) for a ≥ 0
  return (2n * grossTiyn * rate + denominator) / (2n * denominator);
}

export interface PricedLine {
  unitPriceTiyn: bigint;
  quantity: number;
  vatRate: number;
  amountTiyn: bigint;
  vatTiyn: bigint;
}

/** A line's gross amount and the VAT in it; the VAT is computed on the line, not per unit. */
export function priceLine(unitPriceTiyn: bigint, quantity: number, vatRate: number): PricedLine {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError("quantity must be a positive integer");
  const amountTiyn = unitPriceTiyn * BigInt(quantity);
  return { unitPriceTiyn, quantity, vatRate, amountTiyn, vatTiyn: vatIncluded(amountTiyn, vatRate) };
}

/** An order's totals: the sums of its lines (so the lines always add up to the order). */
export function orderTotals(lines: readonly Pick<PricedLine, "amountTiyn" | "vatTiyn">[]): {
  amountTiyn: bigint;
  vatTiyn: bigint;
} {
  return lines.reduce((sum, line) => ({ amountTiyn: sum.amountTiyn + line.amountTiyn, vatTiyn: sum.vatTiyn + line.vatTiyn }), {
    amountTiyn: 0n,
    vatTiyn: 0n,
  });
}
