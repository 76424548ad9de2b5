import { parsePhoneNumberFromString } from "libphonenumber-js/mobile";

/**
 * A Kazakhstan mobile number in E.164 (+77XXXXXXXXX), or null. The mobile metadata knows the
 * operators' ranges, and +7 is shared with Russia, so the country is checked as well.
 */
export function normalizeKzMobile(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "KZ");
  if (!parsed || !parsed.isValid() || parsed.country !== "KZ") return null;
  return parsed.number;
}
