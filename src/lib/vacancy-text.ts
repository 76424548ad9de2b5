import sanitize from "sanitize-html";

import { htmlToText } from "./sanitize-html";

// Text rules of a vacancy description. Pure functions: the editor runs them for a live preview and
// the server runs them again before saving, so both must agree.

export type RemovedItem = { kind: "phone" | "email" | "link"; value: string };

export type CleanedDescription = { html: string; text: string; removed: RemovedItem[] };

const BLOCK_TAGS = ["p", "h3", "h4", "ul", "ol", "li", "blockquote"] as const;
const INLINE_TAGS = ["strong", "b", "em", "i"] as const;
const ALLOWED_TAGS = [...BLOCK_TAGS, ...INLINE_TAGS, "br"];
// A new block closes an open paragraph or heading, as an HTML parser would.
const CLOSED_BY_BLOCK = new Set(["p", "h3", "h4"]);
const BLOCK_SET = new Set<string>(BLOCK_TAGS);
const INLINE_SET = new Set<string>(INLINE_TAGS);

const SANITIZE_OPTIONS: sanitize.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {},
  allowedSchemes: [],
  allowedSchemesAppliedToAttributes: [],
  disallowedTagsMode: "discard",
  // Dropped together with everything inside them; other disallowed tags are unwrapped.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "xmp",
    "iframe",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "title",
    "head",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "select",
    "canvas",
    "video",
    "audio",
    "frameset",
    "frame",
  ],
  // Containers pasted from editors and tables keep their text apart instead of running words together.
  transformTags: {
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    div: "p",
    section: "p",
    article: "p",
    header: "p",
    footer: "p",
    main: "p",
    aside: "p",
    address: "p",
    pre: "p",
    center: "p",
    caption: "p",
    figcaption: "p",
    td: "p",
    th: "p",
    dt: "p",
    dd: "p",
  },
  nestingLimit: 24,
};

const TAG_LIKE = /<[a-z!/?][^<>]*>/i;

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const TEXT_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

function decodeText(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => TEXT_ENTITIES[entity] ?? entity);
}

// The HTML parser under sanitize-html slows down quadratically with deeply nested or mismatched
// tags ("<b><b><b>…</i></i>"). No description needs thousands of tags, so past a budget the
// remaining ones are dropped (or, when malformed, turned into text) in one linear pass. Only
// "<" followed by a letter or "</" and a letter opens or closes an element, so each is counted.
const MAX_TAGS = 20_000;
const TAG_START = /<\/?[a-z][a-z0-9-]*(?:[\s/][^<>]*)?>|<\/?[a-z]/gi;

function limitTags(html: string): string {
  let count = 0;
  return html.replace(TAG_START, (tag: string) => {
    count += 1;
    if (count <= MAX_TAGS) return tag;
    return tag.endsWith(">") ? "" : `&lt;${tag.slice(1)}`;
  });
}

/** Plain text: blank lines separate paragraphs, single line breaks stay line breaks. */
function plainTextToHtml(text: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0) paragraphs.push(`<p>${lines.join("<br>")}</p>`);
    lines = [];
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") flush();
    else lines.push(escapeText(line.trim()));
  }
  flush();
  return paragraphs.join("");
}

// ---------------------------------------------------------------------------------------------
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

// A run of digit groups joined by spaces, hyphens or brackets; which groups form a phone number
// is decided in code (see `phoneEndingAt`), never by backtracking.
const DIGIT_GROUPS = /(?:\+[ \u00a0]?)?\(?\d+(?:[ \t\u00a0()-]{1,4}\d+)*/g;
const DIGITS = /\d+/g;

type Found = { kind: RemovedItem["kind"]; start: number; end: number };

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

function findPhones(masked: string, found: Found[]): string {
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

function findByPattern(masked: string, pattern: RegExp, kind: RemovedItem["kind"], found: Found[]): string {
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
function findContacts(text: string): { found: Found[]; masked: string } {
  const found: Found[] = [];
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

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\r" || char === "\u00a0";
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

const GAP = -1;
const CLOSING_PUNCTUATION = ".,;:!?)";

/**
 * Rebuilds the segments without the masked characters, tidying only around the places where
 * something was removed: separators left dangling ("Звоните: , ."), brackets left empty and
 * doubled spaces go; text elsewhere keeps its exact spacing.
 */
function closeGaps(masked: string, segments: string[]): string[] {
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

const TOKEN = /<[^>]*>|[^<]+/g;

function tagName(token: string): { name: string; closing: boolean } | null {
  const match = /^<(\/?)([a-z0-9]+)/i.exec(token);
  return match ? { name: (match[2] ?? "").toLowerCase(), closing: match[1] === "/" } : null;
}

/** Sanitized html with contact details removed from its text. */
function removeContacts(html: string, record: (item: RemovedItem) => void): string {
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

type Frame = { name: string; start: number; hasContent: boolean; contentEnd: number; breaks: number };

/**
 * Drops elements left without text (also "<p><br></p>"), line breaks at the start or end of an
 * element, more than two breaks in a row, and closes a paragraph when a block opens inside it.
 */
function tidyStructure(html: string): string {
  const tokens = html.match(TOKEN) ?? [];
  const out: string[] = [];
  const stack: Frame[] = [{ name: "", start: 0, hasContent: false, contentEnd: 0, breaks: 0 }];
  const top = () => stack[stack.length - 1] as Frame;
  const markContent = () => {
    const frame = top();
    frame.hasContent = true;
    frame.contentEnd = out.length;
    frame.breaks = 0;
  };
  const close = () => {
    const frame = stack.pop();
    if (!frame) return;
    if (!frame.hasContent) {
      out.length = frame.start;
      return;
    }
    out.length = frame.contentEnd;
    out.push(`</${frame.name}>`);
    markContent();
  };
  const closeThrough = (index: number) => {
    while (stack.length - 1 >= index && stack.length > 1) close();
  };
  const findOpen = (accept: (name: string) => boolean): number => {
    for (let i = stack.length - 1; i > 0; i--) if (accept(stack[i]?.name ?? "")) return i;
    return -1;
  };

  for (const token of tokens) {
    if (!token.startsWith("<")) {
      out.push(token);
      if (/\S/.test(token.replace(/\u00a0/g, " "))) markContent();
      continue;
    }
    const tag = tagName(token);
    if (!tag) continue;
    if (tag.name === "br") {
      const frame = top();
      if (frame.hasContent && frame.breaks < 2) {
        out.push("<br />");
        frame.breaks += 1;
      }
      continue;
    }
    if (tag.closing) {
      const index = findOpen((name) => name === tag.name);
      if (index > 0) closeThrough(index);
      continue;
    }
    if (BLOCK_SET.has(tag.name)) {
      const index = findOpen((name) => CLOSED_BY_BLOCK.has(name));
      if (index > 0) closeThrough(index);
    }
    stack.push({ name: tag.name, start: out.length, hasContent: false, contentEnd: 0, breaks: 0 });
    out.push(`<${tag.name}>`);
  }
  closeThrough(1);
  const root = stack[0] as Frame;
  if (!root.hasContent) return "";
  out.length = root.contentEnd;
  return out.join("").trim();
}

/**
 * A vacancy description made safe and free of contact details (the platform's own contact
 * channels are used instead). Accepts rich text or plain text; limits are checked by the caller.
 * Applying it to its own output changes nothing.
 */
export function cleanVacancyDescription(html: string): CleanedDescription {
  const input = html.replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  const source = TAG_LIKE.test(input) ? input : plainTextToHtml(input);
  const sanitized = sanitize(limitTags(source), SANITIZE_OPTIONS);

  const removed: RemovedItem[] = [];
  const seen = new Set<string>();
  const withoutContacts = removeContacts(sanitized, (item) => {
    const key = `${item.kind}:${item.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    removed.push(item);
  });
  const cleanHtml = tidyStructure(withoutContacts);
  return { html: cleanHtml, text: htmlToText(cleanHtml), removed };
}

// ---------------------------------------------------------------------------------------------
// Prohibited schemes. These are a moderator's hint only: a flag never blocks a vacancy, it puts the
// matching phrase category in front of the moderator. Hence phrases are specific (precision over
// recall) and ordinary wording such as "оклад + процент с продаж" is not flagged.

export type ProhibitedFlag = "pyramid" | "commissionOnly" | "joinTheClub" | "upfrontPayment";

const FLAG_ORDER: readonly ProhibitedFlag[] = ["pyramid", "commissionOnly", "joinTheClub", "upfrontPayment"];

// Kazakh letters are often typed with their Russian-keyboard look-alikes (and "і" as a Latin "i"),
// so both the text and the phrases are folded the same way before matching.
const FOLD: Record<string, string> = { ё: "е", қ: "к", ғ: "г", ң: "н", ө: "о", ұ: "у", ү: "у", һ: "х", і: "и", i: "и", ә: "а" };

function fold(text: string): string {
  return text.toLowerCase().replace(/[ёқғңөұүһіiә]/g, (char) => FOLD[char] ?? char);
}

/**
 * Phrase syntax: words separated by spaces; `stem*` is any word starting with the stem;
 * `a|b*` is one of several words; `word?` may be missing; `…` stands for up to two other words.
 * `notAfter` / `notBefore`: a word that cancels the match right before or after it ("не только процент").
 */
type Rule = { phrase: string; notAfter?: string; notBefore?: string };

const RULES: Record<ProhibitedFlag, Rule[]> = {
  pyramid: [
    { phrase: "финансов* пирамид*" },
    { phrase: "сетев* маркетинг*|бизнес*" },
    { phrase: "mlm" },
    { phrase: "млм" },
    { phrase: "network marketing" },
    { phrase: "пассивн* доход* … от|с|за … приглаш*" },
    { phrase: "доход* от|с приглашенн*" },
    { phrase: "приглашай* … друз*|знаком*|родствен* и … получ*|зараб*" },
    { phrase: "желі* маркетинг*" },
    { phrase: "қаржы* пирамида*" },
    { phrase: "достар* шақыр* … табыс*|ақша*" },
  ],
  commissionOnly: [
    { phrase: "только процент*|%", notAfter: "не" },
    { phrase: "только на процент*", notAfter: "не" },
    { phrase: "только с|от продаж*", notAfter: "не" },
    { phrase: "без фиксированн*? оклад*" },
    { phrase: "без фиксированн* оплат*|зарплат*" },
    { phrase: "тек пайыз*", notBefore: "емес" },
    { phrase: "жалақысыз|айлықсыз|окладсыз", notBefore: "демалыс" },
    { phrase: "тұрақты жалақы* жоқ" },
  ],
  joinTheClub: [
    { phrase: "присоедин* к наш*? клуб*" },
    { phrase: "вступ* в наш*? клуб*" },
    { phrase: "стан*|стать партнер* наш*? клуб*" },
    { phrase: "клуб* қосыл*" },
    { phrase: "клуб* мүше бол*" },
    { phrase: "клуб* серіктес* бол*" },
  ],
  upfrontPayment: [
    { phrase: "вступительн* взнос*|плат*" },
    { phrase: "стартов* взнос*" },
    { phrase: "взнос* за обучени*|трудоустройств*|оформлени*|регистраци*" },
    // Not "оплачиваемое обучение": that one is paid by the employer.
    { phrase: "оплатить|оплатите|оплата|оплату|платн* … обучени* перед|до начал*|трудоустройств*|выход*" },
    { phrase: "купить|купите|покупк*|приобрест*|приобретите|приобретени* … стартов* набор*|пакет*|комплект*" },
    { phrase: "кіру|бастапқы жарна*" },
    { phrase: "оқу* ақы* алдын ала төле*" },
    { phrase: "стартт* пакет*|жинақ*|жиынтық* сатып ал*" },
  ],
};

const WORD_CHARS = "[\\p{L}\\p{N}%]";

function wordPattern(word: string): string {
  const escaped = word.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return word.endsWith("*") ? `${escaped}${WORD_CHARS}*` : escaped;
}

function compileRule(rule: Rule): RegExp {
  const tokens = fold(rule.phrase).split(" ");
  let body = "";
  tokens.forEach((token, index) => {
    const last = index === tokens.length - 1;
    if (token === "…") {
      body += `(?:${WORD_CHARS}+ ){0,2}`;
      return;
    }
    const optional = token.endsWith("?");
    const word = `(?:${token.replace(/\?$/, "").split("|").map(wordPattern).join("|")})`;
    if (optional) body += `(?:${word} )?`;
    else body += last ? word : `${word} `;
  });
  const notAfter = rule.notAfter ? `(?<!(?:^|[^\\p{L}\\p{N}])${fold(rule.notAfter)} )` : "";
  const notBefore = rule.notBefore ? `(?! ${fold(rule.notBefore)})` : "";
  return new RegExp(`(?<![\\p{L}\\p{N}])${notAfter}${body}(?!${WORD_CHARS})${notBefore}`, "u");
}

const COMPILED = FLAG_ORDER.map((flag) => ({ flag, patterns: RULES[flag].map(compileRule) }));

/** Categories of prohibited schemes the text looks like, unique, in a fixed order. */
export function detectProhibitedSchemes(text: string): ProhibitedFlag[] {
  const normalized = fold(text)
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
  return COMPILED.filter(({ patterns }) => patterns.some((pattern) => pattern.test(normalized))).map(({ flag }) => flag);
}

// ---------------------------------------------------------------------------------------------
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
