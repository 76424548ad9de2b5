import { describe, expect, it } from "vitest";

import { decodeIin, isValidKzIdentifier, kzCheckDigit, makeBin, makeIin } from "./kz-identifiers";

describe("kzCheckDigit", () => {
  it("uses weights 1..11 when the sum is not 10", () => {
    // 1·1+4·2+0·3+9·4+4·5+0·6+0·7+1·8+6·9+2·10+1·11 = 158; 158 mod 11 = 4
    expect(kzCheckDigit("14094001621")).toBe(4);
  });

  it("falls back to weights 3..11,1,2 when the first pass gives 10", () => {
    // First pass: 98 mod 11 = 10; second: 135 mod 11 = 3.
    expect(kzCheckDigit("90041540010")).toBe(3);
  });

  it("returns null when both passes give 10", () => {
    expect(kzCheckDigit("90041540019")).toBeNull();
  });

  it("rejects a prefix that is not 11 digits", () => {
    expect(() => kzCheckDigit("1409400162")).toThrow();
    expect(() => kzCheckDigit("14094001621a")).toThrow();
  });
});

describe("isValidKzIdentifier", () => {
  it("accepts a real BIN", () => {
    expect(isValidKzIdentifier("140940016214")).toBe(true);
  });

  it("accepts an identifier whose check digit comes from the fallback weights", () => {
    expect(isValidKzIdentifier("900415400103")).toBe(true);
  });

  it("rejects every wrong check digit", () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 4) continue;
      expect(isValidKzIdentifier(`14094001621${d}`)).toBe(false);
    }
  });

  it("rejects prefixes that have no possible check digit", () => {
    for (let d = 0; d <= 9; d++) expect(isValidKzIdentifier(`90041540019${d}`)).toBe(false);
  });

  it("rejects non-digits and wrong lengths", () => {
    for (const value of [
      "",
      "14094001621",
      "1409400162140",
      "14094001621O",
      "1409 4001621",
      "14094001621-4",
      " 140940016214",
      "١٤٠٩٤٠٠١٦٢١٤",
    ]) {
      expect(isValidKzIdentifier(value)).toBe(false);
    }
  });
});

describe("makeBin and makeIin", () => {
  it("reproduce the real BIN from its parts", () => {
    expect(makeBin({ year: 2014, month: 9 }, 1621)).toBe("140940016214");
  });

  it("always produce valid identifiers, skipping prefixes without a check digit", () => {
    // Serial 9 of this prefix has no check digit, so the next serial is used.
    expect(makeIin({ year: 1990, month: 4, day: 15 }, "male", 19).slice(0, 11)).not.toBe("90041540019");
    for (let serial = 0; serial < 500; serial++) {
      expect(isValidKzIdentifier(makeBin({ year: 2019, month: 3 }, serial * 37))).toBe(true);
      expect(isValidKzIdentifier(makeIin({ year: 2001, month: 12, day: 31 }, "female", serial))).toBe(true);
    }
  });

  it("encode the birth date and the century/sex digit of an IIN", () => {
    expect(makeIin({ year: 1985, month: 7, day: 3 }, "male", 100).slice(0, 7)).toBe("8507033");
    expect(makeIin({ year: 1985, month: 7, day: 3 }, "female", 100).slice(0, 7)).toBe("8507034");
    expect(makeIin({ year: 2002, month: 1, day: 20 }, "female", 100).slice(0, 7)).toBe("0201206");
  });
});

describe("decodeIin", () => {
  it("reads the birth date and sex of each century", () => {
    expect(decodeIin(makeIin({ year: 1985, month: 7, day: 3 }, "male", 100))).toEqual({ birthDate: "1985-07-03", sex: "MALE" });
    expect(decodeIin(makeIin({ year: 1985, month: 7, day: 3 }, "female", 100))).toEqual({
      birthDate: "1985-07-03",
      sex: "FEMALE",
    });
    expect(decodeIin(makeIin({ year: 2008, month: 2, day: 29 }, "female", 7))).toEqual({
      birthDate: "2008-02-29",
      sex: "FEMALE",
    });
    expect(decodeIin(makeIin({ year: 2000, month: 1, day: 1 }, "male", 7))).toEqual({ birthDate: "2000-01-01", sex: "MALE" });
  });

  it("reads the 1800s digits 1 and 2", () => {
    const iin = withCheckDigit("9912311" + "0001");
    expect(decodeIin(iin)).toEqual({ birthDate: "1899-12-31", sex: "MALE" });
    expect(decodeIin(withCheckDigit("9912312" + "0001"))).toEqual({ birthDate: "1899-12-31", sex: "FEMALE" });
  });

  it("refuses a wrong check digit", () => {
    const iin = makeIin({ year: 1990, month: 5, day: 20 }, "male", 42);
    const wrong = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(decodeIin(wrong)).toBeNull();
  });

  it("refuses a century digit outside 1-6 and dates that do not exist", () => {
    for (const first11 of [
      "90052000001",
      "90052070001",
      "90052090001",
      "90023130001",
      "90133130001",
      "01022950001",
      "90000030001",
    ]) {
      const iin = withCheckDigit(first11);
      expect(isValidKzIdentifier(iin)).toBe(true);
      expect(decodeIin(iin)).toBeNull();
    }
  });

  it("refuses what is not 12 digits", () => {
    expect(decodeIin("")).toBeNull();
    expect(decodeIin("90052030001")).toBeNull();
    expect(decodeIin("9005203000a1")).toBeNull();
  });
});

/** The first 11 digits completed with their check digit, moving the serial when a prefix has none. */
function withCheckDigit(first11: string): string {
  for (let n = Number(first11.slice(7)); ; n++) {
    const prefix = first11.slice(0, 7) + String(n).padStart(4, "0");
    const check = kzCheckDigit(prefix);
    if (check !== null) return prefix + String(check);
  }
}
