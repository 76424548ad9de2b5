export const BLOCK_TAGS = ["p", "h3", "h4", "ul", "ol", "li", "blockquote"] as const;
export const INLINE_TAGS = ["strong", "b", "em", "i"] as const;
// A new block closes an open paragraph or heading, as an HTML parser would.
export const CLOSED_BY_BLOCK = new Set(["p", "h3", "h4"]);
export const BLOCK_SET = new Set<string>(BLOCK_TAGS);
export const INLINE_SET = new Set<string>(INLINE_TAGS);

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const TEXT_ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function decodeText(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => TEXT_ENTITIES[entity] ?? entity);
}

export const TOKEN = /<[^>]*>|[^<]+/g;

export function tagName(token: string): { name: string; closing: boolean } | null {
  const match = /^<(\/?)([a-z0-9]+)/i.exec(token);
  return match ? { name: (match[2] ?? "").toLowerCase(), closing: match[1] === "/" } : null;
}
