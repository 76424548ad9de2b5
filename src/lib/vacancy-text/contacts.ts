import { closeGaps } from "./close-gaps";
import { decodeText, escapeText, INLINE_SET, tagName, TOKEN } from "./markup";
import { findPhones } from "./phones";
import type { FoundContact, RemovedItem } from "./types";

// Contact details. Every pattern may start only where a word starts (look-behind), and its
// repetitions are bounded or cannot overlap, so even a hostile 200 KB text is scanned in linear time.

const TLDS =
  "kz|com|ru|net|org|info|biz|me|io|su|uz|kg|by|ua|am|az|ge|tj|tr|cn|de|uk|us|eu|co|cc|tv|ws|ly|gl|app|dev|site|online|shop|store|pro|xyz|club|top|link|page";

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[a-z0-9][a-z0-9._%+-]{0,63}@(?:${LABEL}\\.){1,8}[a-z]{2,24}(?![\\p{L}\\p{N}_-])`,
  "giu",
);
// "name at mail dot kz", "name [at] mail.kz", "name (собака) mail (точка) ru", "name @ mail.kz".
const SP = "[ \\t\\u00a0]";
const OBFUSCATED_AT = `(?:${SP}*[[(]${SP}*(?:at|собака)${SP}*[\\])]${SP}*|${SP}+(?:at|собака)${SP}+|${SP}+@${SP}*|@${SP}+)`;
const OBFUSCATED_DOT = `(?:\\.|${SP}*[[(]${SP}*(?:dot|точка)${SP}*[\\])]${SP}*|${SP}+(?:dot|точка)${SP}+)`;
const OBFUSCATED_EMAIL = new RegExp(
  `(?<![\\p{L}\\p{N}._%+-])[a-z0-9][a-z0-9._%+-]{0,63}${OBFUSCATED_AT}${LABEL}${OBFUSCATED_DOT}(?:${TLDS})(?![\\p{L}\\p{N}_-])`,
  "giu",
);
const URL_TAIL = `[^\\s<>"'«»\\u0000]*`;
const SCHEME_URL = new RegExp(`(?<![\\p{L}\\p{N}_])(?:https?:\\/\\/|www\\.)${URL_TAIL}`, "giu");
const BARE_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}_@./\\\\-])(?:${LABEL}\\.){1,8}(?:${TLDS})(?![\\p{L}\\p{N}_-])(?:[/?#]${URL_TAIL})?`,
  "giu",
);
// Cyrillic domains are recognised only under the Cyrillic zones, so "т.д." or "г.Алматы" stay.
const CYRILLIC_DOMAIN = new RegExp(
  `(?<![\\p{L}\\p{N}_@./\\\\-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.){1,8}(?:рф|қаз)(?![\\p{L}\\p{N}_-])(?:[/?#]${URL_TAIL})?`,
  "giu",
);
// Technology names that look like domains.
const NOT_LINKS = new Set(["asp.net", "vb.net", "ado.net", "socket.io", "draw.io"]);
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"»…]+$/;

function findByPattern(masked: string, pattern: RegExp, kind: RemovedItem["kind"], found: FoundContact[]): string {
  return masked.replace(pattern, (match: string, offset: number) => {
    let value = match;
    if (kind === "link") {
      value = match.replace(TRAILING_PUNCTUATION, "");
      if (NOT_LINKS.has(value.toLowerCase())) return match;
    }
    found.push({ kind, start: offset, end: offset + value.length });
    return "\u0000".repeat(value.length) + match.slice(value.length);
  });
}

/** Spans of contact details in `text`, in order of appearance; removed characters are masked out in turn. */
function findContacts(text: string): { found: FoundContact[]; masked: string } {
  const found: FoundContact[] = [];
  let masked = text;
  masked = findByPattern(masked, EMAIL, "email", found);
  masked = findByPattern(masked, OBFUSCATED_EMAIL, "email", found);
  masked = findByPattern(masked, SCHEME_URL, "link", found);
  masked = findByPattern(masked, BARE_DOMAIN, "link", found);
  masked = findByPattern(masked, CYRILLIC_DOMAIN, "link", found);
  masked = findPhones(masked, found);
  found.sort((a, b) => a.start - b.start);
  return { found, masked };
}

/**
 * Removes contact details from a run of text split over inline tags (so that "<b>+7 701</b> 123
 * 45 67" is still one number). Returns the new texts of the segments, same count and order.
 */
function cleanRun(segments: string[], record: (item: RemovedItem) => void): string[] {
  const text = segments.join("");
  const { found, masked } = findContacts(text);
  if (found.length === 0) return segments;
  for (const item of found) record({ kind: item.kind, value: text.slice(item.start, item.end) });

  return closeGaps(masked, segments);
}

/** Sanitized html with contact details removed from its text. */
export function removeContacts(html: string, record: (item: RemovedItem) => void): string {
  const tokens = html.match(TOKEN) ?? [];
  const out: string[] = [];
  let run: { index: number; text: string }[] = [];
  const flushRun = () => {
    if (run.length === 0) return;
    const cleaned = cleanRun(
      run.map((segment) => segment.text),
      record,
    );
    run.forEach((segment, i) => {
      out[segment.index] = escapeText(cleaned[i] ?? "");
    });
    run = [];
  };
  for (const token of tokens) {
    if (token.startsWith("<")) {
      const tag = tagName(token);
      if (!tag || !INLINE_SET.has(tag.name)) flushRun();
      out.push(token);
    } else {
      run.push({ index: out.length, text: decodeText(token) });
      out.push(token);
    }
  }
  flushRun();
  return out.join("");
}
