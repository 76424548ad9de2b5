// Number formatting that is the same on the server and in every browser: KZT amounts with a
// narrow no-break space between thousands, as Kazakh and Russian typography expects.

export function formatAmount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

export type SalaryParts =
  { kind: "range"; from: string; to: string } | { kind: "from"; from: string } | { kind: "to"; to: string } | { kind: "none" };

export function salaryParts(from: number | null, to: number | null): SalaryParts {
  if (from !== null && to !== null)
    return from === to
      ? { kind: "from", from: formatAmount(from) }
      : { kind: "range", from: formatAmount(from), to: formatAmount(to) };
  if (from !== null) return { kind: "from", from: formatAmount(from) };
  if (to !== null) return { kind: "to", to: formatAmount(to) };
  return { kind: "none" };
}

/** Licence categories as printed on a Kazakh licence: Tm and Tb keep their lower-case letter. */
export const licenceLabel = (category: string) => (category === "TM" ? "Tm" : category === "TB" ? "Tb" : category);
