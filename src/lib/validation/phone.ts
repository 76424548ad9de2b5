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

/**
 * A stored Kazakhstan mobile (E.164) as people write it: "+7 701 234 56 78". Anything that is not
 * one comes back as it is.
 */
export function formatKzMobile(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored.trim(), "KZ");
  if (!parsed || parsed.country !== "KZ" || !/^\d{10}$/.test(parsed.nationalNumber)) return stored;
  const n = parsed.nationalNumber;
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
}
