import { diffWordsWithSpace } from "diff";

import { htmlToLines } from "./sanitize-html";

export type DiffPart = { change: "same" | "added" | "removed"; text: string };

/**
 * What changed between two versions of a rich text: its lines (paragraphs, headings, list items)
 * compared word by word, line breaks included, so a new paragraph shows as added and a reworded
 * sentence shows the words that changed.
 */
export function diffRichText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(htmlToLines(before), htmlToLines(after)).map((part) => ({
    change: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}

/** Whether anything changed at all. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.change !== "same");
