import { diffWords } from "diff";

import { htmlToLines } from "./sanitize-html";

export type DiffPart = { change: "same" | "added" | "removed"; text: string };

// Words as Unicode defines them: the library's own tokenizer knows Latin letters only and would
// compare Cyrillic and Kazakh text letter by letter.
const WORDS = new Intl.Segmenter("ru", { granularity: "word" });

/**
 * What changed between two versions of a rich text: its lines (paragraphs, headings, list items)
 * compared word by word, the line breaks kept, so a new paragraph shows as added and a reworded
 * sentence shows the words that changed.
 */
export function diffRichText(before: string, after: string): DiffPart[] {
  return diffWords(htmlToLines(before), htmlToLines(after), { intlSegmenter: WORDS }).map((part) => ({
    change: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

/** Whether anything changed at all. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.change !== "same");
