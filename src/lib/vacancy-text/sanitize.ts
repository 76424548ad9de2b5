import sanitize from "sanitize-html";

import { BLOCK_TAGS, escapeText, INLINE_TAGS } from "./markup";

const ALLOWED_TAGS = [...BLOCK_TAGS, ...INLINE_TAGS, "br"];

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

/** Rich or plain text reduced to the allowed tags, without attributes. */
export function sanitizeDescription(input: string): string {
  const source = TAG_LIKE.test(input) ? input : plainTextToHtml(input);
  return sanitize(limitTags(source), SANITIZE_OPTIONS);
}
