import { describe, expect, it } from "vitest";

import { amountInWords, MAX_AMOUNT_TIYN, numberInWords, russianPlural } from "./amount-in-words";

const ru = (n: number | bigint) => numberInWords(BigInt(n), "ru");
const kk = (n: number | bigint) => numberInWords(BigInt(n), "kk");

describe("amountInWords", () => {
  it("writes whole tenge in words and tiyn in figures, capitalised", () => {
    expect(amountInWords(12_000_000n, "ru")).toBe("Сто двадцать тысяч тенге 00 тиын");
    expect(amountInWords(12_000_000n, "kk")).toBe("Жүз жиырма мың теңге 00 тиын");
    expect(amountInWords(2_105n, "ru")).toBe("Двадцать один тенге 05 тиын");
    expect(amountInWords(2_105n, "kk")).toBe("Жиырма бір теңге 05 тиын");
    expect(amountInWords(99n, "ru")).toBe("Ноль тенге 99 тиын");
    expect(amountInWords(0n, "kk")).toBe("Нөл теңге 00 тиын");
  });

  it("accepts the largest amount and refuses anything outside the range", () => {
    expect(amountInWords(MAX_AMOUNT_TIYN, "ru")).toBe(
      "Девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять тенге 99 тиын",
    );
    expect(amountInWords(MAX_AMOUNT_TIYN, "kk")).toBe(
      "Тоғыз жүз тоқсан тоғыз миллиард тоғыз жүз тоқсан тоғыз миллион тоғыз жүз тоқсан тоғыз мың тоғыз жүз тоқсан тоғыз теңге 99 тиын",
    );
    expect(() => amountInWords(MAX_AMOUNT_TIYN + 1n, "ru")).toThrow(RangeError);
    expect(() => amountInWords(-1n, "kk")).toThrow(RangeError);
  });
});

describe("numberInWords in Russian", () => {
  it("writes units, teens, tens and hundreds", () => {
    expect(ru(0)).toBe("ноль");
    expect(ru(1)).toBe("один");
    expect(ru(2)).toBe("два");
    expect(ru(11)).toBe("одиннадцать");
    expect(ru(19)).toBe("девятнадцать");
    expect(ru(21)).toBe("двадцать один");
    expect(ru(40)).toBe("сорок");
    expect(ru(101)).toBe("сто один");
    expect(ru(212)).toBe("двести двенадцать");
    expect(ru(999)).toBe("девятьсот девяносто девять");
  });

  it("puts тысяча in the feminine with its plural forms", () => {
    expect(ru(1000)).toBe("одна тысяча");
    expect(ru(2000)).toBe("две тысячи");
    expect(ru(4000)).toBe("четыре тысячи");
    expect(ru(5000)).toBe("пять тысяч");
    expect(ru(11_000)).toBe("одиннадцать тысяч");
    expect(ru(12_000)).toBe("двенадцать тысяч");
    expect(ru(21_000)).toBe("двадцать одна тысяча");
    expect(ru(22_000)).toBe("двадцать две тысячи");
    expect(ru(111_000)).toBe("сто одиннадцать тысяч");
    expect(ru(1001)).toBe("одна тысяча один");
  });

  it("keeps миллион and миллиард masculine with their plural forms", () => {
    expect(ru(1_000_001)).toBe("один миллион один");
    expect(ru(2_000_000)).toBe("два миллиона");
    expect(ru(5_000_000)).toBe("пять миллионов");
    expect(ru(21_000_000)).toBe("двадцать один миллион");
    expect(ru(1_002_000)).toBe("один миллион две тысячи");
    expect(ru(3_000_000_000)).toBe("три миллиарда");
    expect(ru(11_000_000_000)).toBe("одиннадцать миллиардов");
  });

  it("chooses the plural form from the last two digits", () => {
    const forms = ["тысяча", "тысячи", "тысяч"] as const;
    expect([1, 2, 5, 11, 14, 21, 24, 25, 101, 111, 112].map((n) => russianPlural(n, forms))).toEqual([
      "тысяча",
      "тысячи",
      "тысяч",
      "тысяч",
      "тысяч",
      "тысяча",
      "тысячи",
      "тысяч",
      "тысяча",
      "тысяч",
      "тысяч",
    ]);
  });
});

describe("numberInWords in Kazakh", () => {
  it("writes units, tens and hundreds", () => {
    expect(kk(0)).toBe("нөл");
    expect(kk(1)).toBe("бір");
    expect(kk(11)).toBe("он бір");
    expect(kk(21)).toBe("жиырма бір");
    expect(kk(40)).toBe("қырық");
    expect(kk(100)).toBe("жүз");
    expect(kk(101)).toBe("жүз бір");
    expect(kk(300)).toBe("үш жүз");
    expect(kk(999)).toBe("тоғыз жүз тоқсан тоғыз");
  });

  it("writes мың alone for one thousand and after the count otherwise", () => {
    expect(kk(1000)).toBe("мың");
    expect(kk(1001)).toBe("мың бір");
    expect(kk(2000)).toBe("екі мың");
    expect(kk(21_000)).toBe("жиырма бір мың");
    expect(kk(120_000)).toBe("жүз жиырма мың");
    expect(kk(1990)).toBe("мың тоғыз жүз тоқсан");
  });

  it("counts millions and billions", () => {
    expect(kk(1_000_001)).toBe("бір миллион бір");
    expect(kk(5_000_000)).toBe("бес миллион");
    expect(kk(2_003_000)).toBe("екі миллион үш мың");
    expect(kk(7_000_000_000)).toBe("жеті миллиард");
  });
});
