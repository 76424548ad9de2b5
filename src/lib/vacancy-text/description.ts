import { htmlToText } from "../sanitize-html";
import { removeContacts } from "./contacts";
import { sanitizeDescription } from "./sanitize";
import { tidyStructure } from "./tidy-structure";
import type { CleanedDescription, RemovedItem } from "./types";

/**
 * A vacancy description made safe and free of contact details (the platform's own contact
 * channels are used instead). Accepts rich text or plain text; limits are checked by the caller.
 * Applying it to its own output changes nothing.
 */
export function cleanVacancyDescription(html: string): CleanedDescription {
  const input = html.replace(/\r\n?/g, "\n").replace(/\u0000/g, "");
  const sanitized = sanitizeDescription(input);

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
