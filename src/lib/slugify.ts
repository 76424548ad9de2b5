// Russian follows the common passport-style romanisation; Kazakh-specific letters drop their
// diacritics so a URL stays plain ASCII.
const LETTERS: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
};

/** A latin, lowercase, hyphen-separated slug of at most `maxLength` characters. */
export function slugify(text: string, maxLength = 120): string {
  let out = "";
  for (const ch of text.toLowerCase()) {
    const mapped = LETTERS[ch];
    if (mapped !== undefined) out += mapped;
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else out += "-";
  }
  const collapsed = out.replace(/-+/g, "-").replace(/^-|-$/g, "");
  if (collapsed.length <= maxLength) return collapsed;
  return collapsed.slice(0, maxLength).replace(/-[^-]*$/, "") || collapsed.slice(0, maxLength);
}
