/**
 * Amounts cross the wire as decimal text ("123.00") and live here as integer tiyn: they are parsed
 * digit by digit, never through a float, so "0.29" is 29 tiyn and not 28.999….
 */

// Fifteen integer digits keep every amount, times 100, inside a PostgreSQL bigint.
const DECIMAL = /^(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Tiyn in a plain non-negative decimal with at most two places; null for anything else. */
export function parseAmountTiyn(text: string): bigint | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

/** "1500.00" for 150000 tiyn. */
export function formatTiyn(tiyn: bigint): string {
  if (tiyn < 0n) throw new RangeError(`a negative amount cannot be sent to a provider: ${tiyn}`);
  return `${tiyn / 100n}.${(tiyn % 100n).toString().padStart(2, "0")}`;
}
