import { describe, expect, it } from "vitest";

import { kzPhoneSchema, signUpSchema } from "./auth";
import { normalizeKzMobile } from "./phone";

const base = {
  accountType: "seeker",
  name: "Айгерим Садыкова",
  email: "Aigerim@Mail.KZ ",
  password: "long-enough-password",
  adult: true,
  acceptTerms: true,
} as const;

function errorsOf(input: unknown) {
  const result = signUpSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("normalizeKzMobile", () => {
  it.each([
    ["+7 701 123 45 67", "+77011234567"],
    ["87011234567", "+77011234567"],
    ["8 (747) 555-12-34", "+77475551234"],
    ["+77771234567", "+77771234567"],
  ])("accepts %s", (input, expected) => {
    expect(normalizeKzMobile(input)).toBe(expected);
  });

  it.each([
    ["+7 912 345 67 89", "a Russian mobile"],
    ["+7 727 250 00 00", "an Almaty landline"],
    ["+998 90 123 45 67", "an Uzbek number"],
    ["12345", "too short"],
    ["not a phone", "text"],
  ])("rejects %s (%s)", (input) => {
    expect(normalizeKzMobile(input)).toBeNull();
  });
});

describe("signUpSchema", () => {
  it("normalizes a valid sign-up", () => {
    const parsed = signUpSchema.parse({ ...base, phone: "8 701 123 45 67" });
    expect(parsed.email).toBe("aigerim@mail.kz");
    expect(parsed.phone).toBe("+77011234567");
    expect(parsed.locale).toBe("ru");
    expect(parsed.marketing).toBe(false);
  });

  it("treats an empty phone as none", () => {
    expect(signUpSchema.parse({ ...base, phone: "" }).phone).toBeUndefined();
  });

  it("gives a specific message key per bad field", () => {
    expect(errorsOf({ ...base, email: "not-an-email" })).toEqual({ email: "validation.email" });
    expect(errorsOf({ ...base, password: "short" })).toEqual({ password: "validation.passwordTooShort" });
    expect(errorsOf({ ...base, phone: "+7 912 345 67 89" })).toEqual({ phone: "validation.phoneKz" });
    expect(errorsOf({ ...base, adult: false })).toEqual({ adult: "validation.adultRequired" });
    expect(errorsOf({ ...base, acceptTerms: false })).toEqual({ acceptTerms: "validation.termsRequired" });
    expect(errorsOf({ ...base, name: " " })).toEqual({ name: "validation.nameTooShort" });
  });

  it("caps absurd phone input before parsing it", () => {
    expect(kzPhoneSchema.safeParse("7".repeat(5000)).success).toBe(false);
  });
});
