// Duties: what a moderator approved. Salary, address and contacts are not part of it.

export type DutiesFields = {
  title: string;
  descriptionText: string;
  specializationIds: number[];
  experience: string;
  employmentType: string;
  schedule: string;
  licenceCategories: string[];
};

function normalizeWords(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((value) => right.has(value));
}

/** True when both versions describe the same duties, so an edit needs no new moderation. */
export function sameDuties(a: DutiesFields, b: DutiesFields): boolean {
  const licences = (categories: string[]) => categories.map((category) => category.trim().toUpperCase());
  return (
    normalizeWords(a.title) === normalizeWords(b.title) &&
    normalizeWords(a.descriptionText) === normalizeWords(b.descriptionText) &&
    sameSet(a.specializationIds, b.specializationIds) &&
    a.experience === b.experience &&
    a.employmentType === b.employmentType &&
    a.schedule === b.schedule &&
    sameSet(licences(a.licenceCategories), licences(b.licenceCategories))
  );
}
