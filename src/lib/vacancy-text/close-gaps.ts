function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\u00a0";
}

const GAP = -1;
const CLOSING_PUNCTUATION = ".,;:!?)";

/**
 * Rebuilds the segments without the masked characters, tidying only around the places where
 * something was removed: separators left dangling ("Звоните: , ."), brackets left empty and
 * doubled spaces go; text elsewhere keeps its exact spacing.
 */
export function closeGaps(masked: string, segments: string[]): string[] {
  // One entry per kept character (its segment) plus one GAP entry per removed span.
  const chars: string[] = [];
  const owners: number[] = [];
  let position = 0;
  segments.forEach((segment, index) => {
    for (let i = 0; i < segment.length; i++, position++) {
      const char = masked[position] ?? "\u0000";
      if (char !== "\u0000") {
        chars.push(char);
        owners.push(index);
      } else if (owners[owners.length - 1] !== GAP) {
        chars.push("");
        owners.push(GAP);
      }
    }
  });
  const isReal = (i: number) => owners[i] !== GAP && !isSpace(chars[i]);
  const gapBetween = (from: number, to: number) => {
    for (let i = from + 1; i < to; i++) if (owners[i] === GAP) return true;
    return false;
  };
  const reals = () => owners.flatMap((_, i) => (isReal(i) ? [i] : []));

  // "()" around a removed number.
  let list = reals();
  for (let t = 0; t + 1 < list.length; t++) {
    const left = list[t] as number;
    const right = list[t + 1] as number;
    if (chars[left] === "(" && chars[right] === ")" && gapBetween(left, right)) {
      owners[left] = GAP;
      owners[right] = GAP;
      t++;
    }
  }

  // A comma or semicolon that separated removed items.
  list = reals();
  let previous = -1;
  list.forEach((index, t) => {
    const char = chars[index] ?? "";
    const next = list[t + 1];
    if (char === "," || char === ";") {
      const gapBefore = gapBetween(previous, index);
      const gapAfter = gapBetween(index, next ?? owners.length);
      const leftOpen = previous < 0 || ":,;(".includes(chars[previous] ?? "");
      const rightOpen = next === undefined || CLOSING_PUNCTUATION.includes(chars[next] ?? "");
      if ((gapBefore && (gapAfter || leftOpen || rightOpen)) || (gapAfter && rightOpen)) {
        owners[index] = GAP;
        return;
      }
    }
    previous = index;
  });

  // Spaces where something was removed: none at the edges, before punctuation or after "(", else one.
  list = reals();
  for (let t = 0; t <= list.length; t++) {
    const left = t > 0 ? (list[t - 1] as number) : -1;
    const right = t < list.length ? (list[t] as number) : owners.length;
    if (!gapBetween(left, right)) continue;
    const dropAll =
      left < 0 || right === owners.length || CLOSING_PUNCTUATION.includes(chars[right] ?? "") || chars[left] === "(";
    let keptOne = false;
    for (let i = left + 1; i < right; i++) {
      if (owners[i] === GAP) continue;
      if (dropAll || keptOne) owners[i] = GAP;
      keptOne = true;
    }
  }

  const result = segments.map(() => "");
  chars.forEach((char, i) => {
    const owner = owners[i] ?? GAP;
    if (owner !== GAP) result[owner] += char;
  });
  return result;
}
