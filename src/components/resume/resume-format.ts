// Small formatting rules shared by the resume page and its PDF.

/** Total months of experience, counting overlapping jobs once. */
export function experienceLength(experiences: readonly { startedOn: Date; endedOn: Date | null }[], now = new Date()): number {
  const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const ranges = experiences
    .map((e) => [monthIndex(e.startedOn), monthIndex(e.endedOn ?? now) + 1] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of ranges) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/** A language's name in the page's language, capitalised ("Казахский", "Орыс тілі"). */
export function languageName(code: string, locale: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    // An unknown code keeps its own spelling.
  }
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
