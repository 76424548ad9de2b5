// IIN (individuals) and BIN (legal entities) share one 12-digit layout whose last digit is a
// check digit (order of the Ministry of Finance on the national identification numbers).

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
// Used only when the first pass yields 10, which cannot be a single check digit.
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The check digit for the first 11 digits, or null when both passes give 10: such a prefix
 * is never issued, so no 12th digit can make it valid.
 */
export function kzCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new Error(`expected 11 digits, got "${first11}"`);
  const digits = Array.from(first11, Number);
  const first = weightedMod11(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** True for a 12-digit IIN or BIN whose check digit is right. */
export function isValidKzIdentifier(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const check = kzCheckDigit(value.slice(0, 11));
  return check !== null && check === Number(value[11]);
}

/**
 * Completes an 11-digit prefix, moving the serial part forward until a prefix with a check
 * digit is found (roughly one prefix in 121 has none). `serialDigits` is how many trailing
 * digits of the prefix may change.
 */
function completeFrom(prefix: string, serial: number, serialDigits: number): string {
  const limit = 10 ** serialDigits;
  for (let n = serial; n < serial + 1000; n++) {
    const first11 = prefix + String(n % limit).padStart(serialDigits, "0");
    const check = kzCheckDigit(first11);
    if (check !== null) return first11 + String(check);
  }
  throw new Error(`no valid identifier near ${prefix}/${serial}`);
}

/**
 * A BIN of a resident legal entity's head office: YYMM of registration, 4 (resident legal
 * entity), 0 (head office), a 5-digit serial and the check digit.
 */
export function makeBin(registered: { year: number; month: number }, serial: number): string {
  if (registered.month < 1 || registered.month > 12) throw new Error("month must be 1-12");
  const yy = String(registered.year % 100).padStart(2, "0");
  const mm = String(registered.month).padStart(2, "0");
  return completeFrom(`${yy}${mm}40`, serial, 5);
}

/**
 * An IIN: YYMMDD of birth, the century-and-sex digit (3/4 for men/women born in the 1900s,
 * 5/6 in the 2000s), a 4-digit serial and the check digit.
 */
export function makeIin(born: { year: number; month: number; day: number }, sex: "male" | "female", serial: number): string {
  const century = born.year >= 2000 ? 5 : born.year >= 1900 ? 3 : 1;
  const sexDigit = century + (sex === "female" ? 1 : 0);
  const yy = String(born.year % 100).padStart(2, "0");
  const mm = String(born.month).padStart(2, "0");
  const dd = String(born.day).padStart(2, "0");
  return completeFrom(`${yy}${mm}${dd}${sexDigit}`, serial, 4);
}

export type IinSex = "MALE" | "FEMALE";

/** What an IIN says about its holder: the birth date (YYYY-MM-DD) and sex. */
export interface IinFacts {
  birthDate: string;
  sex: IinSex;
}

/** The century each odd/even pair of the 7th digit stands for: 1/2 the 1800s, 3/4 the 1900s, 5/6 the 2000s. */
const CENTURY_BY_PAIR = [1800, 1900, 2000] as const;

/**
 * The birth date and sex an IIN encodes (YYMMDD, then the century-and-sex digit: odd for men,
 * even for women), or null when the identifier is not a valid IIN: wrong check digit, a 7th digit
 * outside 1-6, or a date that does not exist.
 */
export function decodeIin(iin: string): IinFacts | null {
  if (!isValidKzIdentifier(iin)) return null;
  const centuryDigit = Number(iin[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return null;
  const century = CENTURY_BY_PAIR[Math.floor((centuryDigit - 1) / 2)]!;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { birthDate: date.toISOString().slice(0, 10), sex: centuryDigit % 2 === 1 ? "MALE" : "FEMALE" };
}
