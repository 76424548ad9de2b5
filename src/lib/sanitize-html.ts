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
