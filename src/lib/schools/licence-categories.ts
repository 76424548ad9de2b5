import type { LicenceCategory } from "@/generated/prisma/enums";

// Driving licence categories and subcategories (Law of RK No. 194-V "On Road Traffic", art. 73)
// in the law's order, and the minimum age for each (art. 74). The law names A1 16; A, B, B1, C1 18;
// C, D1, Tm 21; D, Tb 25. A trailer category (BE, C1E, CE, D1E, DE) is opened only to a holder of
// its base category, so it takes the base category's age.

/** The same set as the resume form's `LICENCE_CATEGORIES`, in the order of the law (for lists and templates). */
export const LICENCE_CATEGORIES_LAW_ORDER = [
  "A",
  "A1",
  "B",
  "B1",
  "BE",
  "C",
  "C1",
  "CE",
  "C1E",
  "D",
  "D1",
  "DE",
  "D1E",
  "TB",
  "TM",
] as const satisfies readonly LicenceCategory[];

export const MINIMUM_LICENCE_AGE: Record<LicenceCategory, number> = {
  A1: 16,
  A: 18,
  B: 18,
  B1: 18,
  C1: 18,
  BE: 18,
  C1E: 18,
  C: 21,
  D1: 21,
  TM: 21,
  CE: 21,
  D1E: 21,
  D: 25,
  TB: 25,
  DE: 25,
};

/** How the law writes a category: the tram and trolleybus categories are "Tm" and "Tb". */
export function licenceCategoryLabel(category: LicenceCategory): string {
  return category === "TM" ? "Tm" : category === "TB" ? "Tb" : category;
}

// Cyrillic letters that look like the Latin ones of the categories: people type "В" for "B".
const CYRILLIC_LOOKALIKES: Record<string, string> = { А: "A", В: "B", С: "C", Е: "E", Т: "T", М: "M" };

/** A category as people write it ("b", "Tm", Cyrillic "С1Е"), or null when it is none. */
export function parseLicenceCategory(text: string): LicenceCategory | null {
  const normalized = Array.from(text.trim().toUpperCase(), (ch) => CYRILLIC_LOOKALIKES[ch] ?? ch).join("");
  return (LICENCE_CATEGORIES_LAW_ORDER as readonly string[]).includes(normalized) ? (normalized as LicenceCategory) : null;
}
