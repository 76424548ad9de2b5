import { foldKazakh, KAZAKH_LETTERS } from "@/lib/text-fold";

// The prohibited-words list as a matcher. Texts and terms are compared word by word, so a
// whole-word term never fires inside an innocent word ("бля" in "рубля", "хуй" in "застрахуйте"),
// and a stem fires only at the start of a word. Case and ё/е never matter. Kazakh is often typed
// with Russian look-alike letters, so Kazakh terms (and terms for both languages) are compared
// folded ("қотақ" also finds "котак"); a Russian-only term never fires on a word spelled with
// Kazakh letters ("еб" as a Russian stem leaves the Kazakh "ебін" alone).

export type TermLanguage = "ru" | "kk" | "both";
export type TermKind = "PROFANITY" | "PROHIBITED";
export type TermMatch = "WORD" | "STEM";

export interface TermEntry {
  term: string;
  language: TermLanguage;
  kind: TermKind;
  match: TermMatch;
}

/** A term found in a text: the list's own spelling and its kind. */
export interface TermHit {
  term: string;
  kind: TermKind;
}

/** The most words a term may have. */
export const MAX_TERM_WORDS = 5;

/** Lower case, ё as е, every run of other characters than letters and digits as one space. */
export function normalizeTerm(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// Latin letters that look Cyrillic: inside a word that also has Cyrillic letters they are a
// disguise ("xуй" with a Latin x), so they are read as the Cyrillic ones.
const LATIN_LOOKALIKES: Record<string, string> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};
const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Word {
  /** Lower case, ё as е, disguising Latin letters read as Cyrillic. */
  plain: string;
  /** `plain` with Kazakh letters as their Russian look-alikes. */
  folded: string;
  kazakh: boolean;
}

function words(text: string): Word[] {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return found.map((raw) => {
    let plain = raw.replace(/ё/g, "е");
    if (CYRILLIC.test(plain) && /[a-z]/.test(plain)) plain = plain.replace(/[a-z]/g, (c) => LATIN_LOOKALIKES[c] ?? c);
    return { plain, folded: foldKazakh(plain), kazakh: KAZAKH_LETTERS.test(plain) };
  });
}

interface CompiledTerm {
  hit: TermHit;
  tokens: string[];
  stem: boolean;
  /** Russian only: compared unfolded and never on a word with Kazakh letters. */
  russian: boolean;
}

type Index = Map<string, CompiledTerm[]>;

export interface CompiledTerms {
  size: number;
  plainWords: Index;
  plainStems: Index;
  foldedWords: Index;
  foldedStems: Index;
}

// Stems are looked up by their first two letters (a stem has at least two), whole words by the word.
const stemKey = (token: string) => token.slice(0, 2);

function add(index: Index, key: string, term: CompiledTerm) {
  const list = index.get(key);
  if (list) list.push(term);
  else index.set(key, [term]);
}

export function compileTerms(entries: readonly TermEntry[]): CompiledTerms {
  const compiled: CompiledTerms = {
    size: 0,
    plainWords: new Map(),
    plainStems: new Map(),
    foldedWords: new Map(),
    foldedStems: new Map(),
  };
  for (const entry of entries) {
    const normalized = normalizeTerm(entry.term);
    if (!normalized) continue;
    const russian = entry.language === "ru";
    const tokens = (russian ? normalized : foldKazakh(normalized)).split(" ");
    const stem = entry.match === "STEM";
    const term: CompiledTerm = { hit: { term: normalized, kind: entry.kind }, tokens, stem, russian };
    const first = tokens[0]!;
    if (russian) add(stem ? compiled.plainStems : compiled.plainWords, stem ? stemKey(first) : first, term);
    else add(stem ? compiled.foldedStems : compiled.foldedWords, stem ? stemKey(first) : first, term);
    compiled.size += 1;
  }
  return compiled;
}

function matchesAt(term: CompiledTerm, text: readonly Word[], start: number): boolean {
  if (start + term.tokens.length > text.length) return false;
  return term.tokens.every((token, offset) => {
    const word = text[start + offset]!;
    if (term.russian && word.kazakh) return false;
    const value = term.russian ? word.plain : word.folded;
    return term.stem ? value.startsWith(token) : value === token;
  });
}

/** The list's terms found in the texts, each once, in the order they were first found. */
export function findTerms(compiled: CompiledTerms, texts: readonly (string | null | undefined)[]): TermHit[] {
  if (compiled.size === 0) return [];
  const hits = new Map<string, TermHit>();
  for (const text of texts) {
    if (!text) continue;
    const list = words(text);
    list.forEach((word, index) => {
      const candidates = [
        compiled.plainWords.get(word.plain),
        compiled.plainStems.get(stemKey(word.plain)),
        compiled.foldedWords.get(word.folded),
        compiled.foldedStems.get(stemKey(word.folded)),
      ];
      for (const terms of candidates) {
        for (const term of terms ?? []) {
          if (!hits.has(term.hit.term) && matchesAt(term, list, index)) hits.set(term.hit.term, term.hit);
        }
      }
    });
  }
  return [...hits.values()];
}

// A found term is stored among a text's moderation flags as "<kind>:<term>", beside the text
// rules' own flags (such as "pyramid"), so the one flag column carries both.
const FLAG_PREFIX: Record<TermKind, string> = { PROFANITY: "profanity:", PROHIBITED: "prohibited:" };

export const termFlag = (hit: TermHit) => `${FLAG_PREFIX[hit.kind]}${hit.term}`;

/** A stored flag read back: a list term (with its kind) or a text rule's key. */
export function readFlag(flag: string): { kind: TermKind; term: string } | { rule: string } {
  for (const [kind, prefix] of Object.entries(FLAG_PREFIX) as [TermKind, string][]) {
    if (flag.startsWith(prefix)) return { kind, term: flag.slice(prefix.length) };
  }
  return { rule: flag };
}

export const isTermFlag = (flag: string) => "term" in readFlag(flag);

/** Only the flags of list terms. */
export const termFlags = (flags: readonly string[]) => flags.filter(isTermFlag);
