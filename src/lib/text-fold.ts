// Kazakh letters are often typed with their Russian-keyboard look-alikes (and "і" as a Latin "i"),
// so text rules fold both the text and their phrases the same way before matching.
const KAZAKH_FOLD: Record<string, string> = {
  ё: "е",
  қ: "к",
  ғ: "г",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  i: "и",
  ә: "а",
};

/** Lower case, ё as е, Kazakh letters as their Russian look-alikes. */
export function foldKazakh(text: string): string {
  return text.toLowerCase().replace(/[ёқғңөұүһіiә]/g, (char) => KAZAKH_FOLD[char] ?? char);
}

/** Letters only Kazakh has among the Cyrillic alphabets used here. */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/;
