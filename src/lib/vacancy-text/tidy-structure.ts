import { BLOCK_SET, CLOSED_BY_BLOCK, tagName, TOKEN } from "./markup";

type Frame = { name: string; start: number; hasContent: boolean; contentEnd: number; breaks: number };

/**
 * Drops elements left without text (also "<p><br></p>"), line breaks at the start or end of an
 * element, more than two breaks in a row, and closes a paragraph when a block opens inside it.
 */
export function tidyStructure(html: string): string {
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
