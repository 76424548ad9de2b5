import { describe, expect, it } from "vitest";

import kk from "./messages/kk.json";
import ru from "./messages/ru.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// Argument names of ICU placeholders and rich-text tags, e.g. {name}, {count, plural, ...}, <terms>.
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([a-zA-Z_]\w*)\s*(?:[,}])/g)].map((m) => m[1]!);
  const tags = [...message.matchAll(/<([a-zA-Z]\w*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

const ruKeys = flatten(ru as Tree);
const kkKeys = flatten(kk as Tree);

describe("message catalogues", () => {
  it("have the same keys in ru and kk", () => {
    const onlyRu = [...ruKeys.keys()].filter((k) => !kkKeys.has(k));
    const onlyKk = [...kkKeys.keys()].filter((k) => !ruKeys.has(k));
    expect({ onlyRu, onlyKk }).toEqual({ onlyRu: [], onlyKk: [] });
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = [...ruKeys].filter(([key, value]) => {
      const other = kkKeys.get(key);
      return other !== undefined && placeholders(value).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it("have no empty messages", () => {
    const empty = [...ruKeys, ...kkKeys].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("write Kazakh with Kazakh letters, not look-alike Latin ones", () => {
    // Latin i/h inside Cyrillic words is a common typing slip for і/һ.
    const suspicious = [...kkKeys].filter(([, v]) => /[а-яәғқңөұүһі][ih]|[ih][а-яәғқңөұүһі]/i.test(v)).map(([k]) => k);
    expect(suspicious).toEqual([]);
  });
});
