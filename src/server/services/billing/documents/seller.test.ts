import { isValidIBAN } from "ibantools";
import { describe, expect, it } from "vitest";

import { isValidKzIdentifier } from "@/lib/kz-identifiers";

import { DEMO_SELLER, SellerConfigError, sellerFromEnv } from "./seller";

const full = {
  SELLER_NAME: "ТОО «Жұмыс»",
  SELLER_BIN: "200140123456",
  SELLER_ADDRESS: "Алматы, Абая 1",
  SELLER_IBAN: "kz24 601a 8710 0000 0001",
  SELLER_BANK_NAME: "Halyk",
  SELLER_BIK: "hsbkkzkx",
  SELLER_KBE: "17",
  SELLER_KNP: "859",
};

function issuesOf(env: Record<string, string | undefined>): string[] {
  try {
    sellerFromEnv(env);
  } catch (error) {
    if (error instanceof SellerConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected SellerConfigError");
}

describe("sellerFromEnv", () => {
  it("uses valid demo requisites outside production when none are set", () => {
    expect(sellerFromEnv({ NODE_ENV: "development" })).toBe(DEMO_SELLER);
    expect(sellerFromEnv({ NODE_ENV: "test", SELLER_NAME: " " })).toBe(DEMO_SELLER);
    expect(isValidKzIdentifier(DEMO_SELLER.bin)).toBe(true);
    expect(isValidIBAN(DEMO_SELLER.iban)).toBe(true);
    expect(DEMO_SELLER.name).toMatch(/демо/i);
  });

  it("requires the requisites in production", () => {
    expect(issuesOf({ NODE_ENV: "production" })[0]).toMatch(/SELLER_NAME.*required/);
  });

  it("normalises and returns a complete valid set", () => {
    expect(sellerFromEnv({ NODE_ENV: "production", ...full })).toEqual({
      name: "ТОО «Жұмыс»",
      bin: "200140123456",
      address: "Алматы, Абая 1",
      iban: "KZ24601A871000000001",
      bankName: "Halyk",
      bik: "HSBKKZKX",
      kbe: "17",
      knp: "859",
    });
  });

  it("names every missing or invalid variable", () => {
    expect(issuesOf({ ...full, SELLER_ADDRESS: undefined })).toEqual(["SELLER_ADDRESS is required"]);
    expect(issuesOf({ ...full, SELLER_BIN: "200140123457" })).toEqual([
      "SELLER_BIN must be a 12-digit BIN with a correct check digit",
    ]);
    expect(issuesOf({ ...full, SELLER_IBAN: "KZ25601A871000000001" })[0]).toMatch(/^SELLER_IBAN must be a Kazakhstan IBAN/);
    expect(issuesOf({ ...full, SELLER_IBAN: "DE89370400440532013000" })[0]).toMatch(/^SELLER_IBAN/);
    expect(issuesOf({ ...full, SELLER_BIK: "DEUTDEFF" })[0]).toMatch(/^SELLER_BIK/);
    expect(issuesOf({ ...full, SELLER_BIK: "HSBK" })[0]).toMatch(/^SELLER_BIK/);
    expect(issuesOf({ ...full, SELLER_KBE: "7" })).toEqual(["SELLER_KBE must be two digits"]);
    expect(issuesOf({ ...full, SELLER_KNP: "85a" })).toEqual(["SELLER_KNP must be three digits"]);
  });
});
