import type { FoundContact } from "./types";

// A run of digit groups joined by spaces, hyphens or brackets; which groups form a phone number
// is decided in code (see `phoneEndingAt`), never by backtracking.
const DIGIT_GROUPS = /(?:\+[ \u00a0]?)?\(?\d+(?:[ \t\u00a0()-]{1,4}\d+)*/g;
const DIGITS = /\d+/g;

type Group = { digits: string; start: number; end: number };

/** Digit count of a national number's groups is 10; the area code has 3-5 digits, the rest 2+. */
function nationalShape(groups: string[]): boolean {
  const [code, ...rest] = groups;
  return code !== undefined && code.length >= 3 && rest.every((group) => group.length >= 2);
}

function isPhone(groups: Group[], from: number, to: number, plus: boolean, candidate: string): boolean {
  const parts = groups.slice(from, to + 1).map((group) => group.digits);
  const all = parts.join("");
  // +7 is Kazakhstan and Russia (11 digits); other country codes give 11-13 digits.
  if (plus) return all[0] === "7" ? all.length === 11 : all.length >= 11 && all.length <= 13;
  if (all.length === 11 && (all[0] === "8" || (all[0] === "7" && all[1] === "7"))) {
    const first = parts[0] ?? "";
    return nationalShape(first.length === 1 ? parts.slice(1) : [first.slice(1), ...parts.slice(1)]);
  }
  if (all.length === 10 && all[0] === "7") return nationalShape(parts);
  // A local number written as 123-45-67.
  if (to - from === 2 && parts.map((part) => part.length).join() === "3,2,2") {
    for (let i = from; i < to; i++) {
      const left = groups[i];
      const right = groups[i + 1];
      if (!left || !right || candidate.slice(left.end, right.start) !== "-") return false;
    }
    return true;
  }
  return false;
}

/** Index of the last group of the longest phone number starting at group `from`, or -1. */
function phoneEndingAt(groups: Group[], from: number, plus: boolean, candidate: string): number {
  let best = -1;
  let length = 0;
  for (let to = from; to < groups.length; to++) {
    length += groups[to]?.digits.length ?? 0;
    if (length > 13) break;
    // Only local numbers (7 digits) and full ones (10-13) can be phones.
    if ((length === 7 || length >= 10) && isPhone(groups, from, to, plus, candidate)) best = to;
  }
  return best;
}

/** Masks out the phone numbers in `masked`, recording their spans in `found`. */
export function findPhones(masked: string, found: FoundContact[]): string {
  return masked.replace(DIGIT_GROUPS, (candidate: string, offset: number) => {
    const groups: Group[] = [];
    for (const match of candidate.matchAll(DIGITS)) {
      const start = match.index ?? 0;
      groups.push({ digits: match[0], start, end: start + match[0].length });
    }
    const hasPlus = candidate.startsWith("+");
    const pieces: string[] = [];
    let copied = 0;
    for (let from = 0; from < groups.length; from++) {
      const to = phoneEndingAt(groups, from, hasPlus && from === 0, candidate);
      if (to < 0) continue;
      const first = groups[from];
      const last = groups[to];
      if (!first || !last) continue;
      let start = hasPlus && from === 0 ? 0 : first.start;
      // An opening bracket goes with the number only when its closing one is inside it too.
      if (candidate[start - 1] === "(" && candidate.slice(start, last.end).includes(")")) start -= 1;
      found.push({ kind: "phone", start: offset + start, end: offset + last.end });
      pieces.push(candidate.slice(copied, start), "\u0000".repeat(last.end - start));
      copied = last.end;
      from = to;
    }
    pieces.push(candidate.slice(copied));
    return pieces.join("");
  });
}
