import sanitize from "sanitize-html";

// Text structure only: no scripts, iframes, styles, event handlers, images or classes.
const OPTIONS: sanitize.IOptions = {
  allowedTags: ["h2", "h3", "p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "a", "blockquote"],
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["https", "http", "mailto"],
  transformTags: { a: sanitize.simpleTransform("a", { rel: "nofollow noopener", target: "_blank" }) },
};

/** Stored rich text (legal documents, later vacancy descriptions) made safe to render. */
export function sanitizeRichText(html: string): string {
  return sanitize(html, OPTIONS);
}

const TEXT_ONLY: sanitize.IOptions = { allowedTags: [], allowedAttributes: {} };
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** Plain text of stored rich text, for excerpts and meta descriptions (React escapes it again). */
export function htmlToText(html: string): string {
  // Block boundaries become spaces so that words of adjacent paragraphs do not run together.
  const spaced = html.replace(/<\/?(p|br|li|h[1-6]|div|blockquote|ul|ol)\b[^>]*>/gi, " ");
  return sanitize(spaced, TEXT_ONLY)
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Plain text of stored rich text with its blocks (paragraphs, headings, list items) as lines: what
 * a comparison of two versions shows, line by line and word by word.
 */
export function htmlToLines(html: string): string {
  const broken = html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/?(p|li|h[1-6]|div|blockquote|ul|ol)\b[^>]*>/gi, "\n");
  return sanitize(broken, TEXT_ONLY)
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .split("\n")
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${(atWord.length > max / 2 ? atWord : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}
