import { describe, expect, it } from "vitest";

import { MAX_TOKENS } from "@/lib/search/params";

import { planWords, queryTokens, queryTsQuery, wordTsQuery, type WordInfo } from "./query-words";

const known = (words: Record<string, WordInfo>) => (token: string) => words[token];
const plain: WordInfo = { stopword: false, suggestion: null };

describe("queryTokens", () => {
  it("keeps letters and digits only, lower case, once each", () => {
    expect(queryTokens("Водитель & | ! :* () водитель C-категории")).toEqual(["водитель", "категории"]);
  });

  it("drops one-letter words but keeps single digits, and cuts long words", () => {
    expect(queryTokens("а б 5 ка")).toEqual(["5", "ка"]);
    expect(queryTokens("ж".repeat(60))).toEqual(["ж".repeat(40)]);
  });

  it("searches at most MAX_TOKENS words", () => {
    const words = Array.from({ length: MAX_TOKENS + 3 }, (_, i) => `слово${i}`);
    expect(queryTokens(words.join(" "))).toEqual(words.slice(0, MAX_TOKENS));
  });

  it("leaves nothing of text that has no letters or digits", () => {
    expect(queryTokens("' -- <> \u0000")).toEqual([]);
  });
});

describe("planWords", () => {
  it("drops stop words and attaches corrections, reporting them in the query's order", () => {
    const plan = planWords(
      "и вадитель бугхалтер",
      known({
        и: { stopword: true, suggestion: null },
        вадитель: { stopword: false, suggestion: "водитель" },
        бугхалтер: { stopword: false, suggestion: "бухгалтер" },
      }),
    );
    expect(plan.words).toEqual([
      { token: "вадитель", alternative: "водитель" },
      { token: "бугхалтер", alternative: "бухгалтер" },
    ]);
    expect(plan.corrections).toEqual([
      { from: "вадитель", to: "водитель" },
      { from: "бугхалтер", to: "бухгалтер" },
    ]);
  });

  it("refuses to plan a word the vocabulary was not asked about", () => {
    expect(() => planWords("водитель", known({}))).toThrow("not looked up");
  });

  it("plans an empty query to no words", () => {
    expect(planWords("", known({}))).toEqual({ words: [], corrections: [] });
  });
});

describe("the tsquery", () => {
  it("matches a word by Russian stem, by itself as a prefix from three letters, and by its correction", () => {
    const long = wordTsQuery({ token: "вадитель", alternative: "водитель" });
    expect(long.sql).toBe(
      "(to_tsquery('russian', kk_fold(?)) || to_tsquery('simple', kk_fold(?) || ':*') || to_tsquery('simple', ? || ':*'))",
    );
    expect(long.values).toEqual(["вадитель", "вадитель", "водитель"]);
    const short = wordTsQuery({ token: "бу", alternative: null });
    expect(short.sql).toBe("(to_tsquery('russian', kk_fold(?)) || to_tsquery('simple', kk_fold(?)))");
  });

  it("asks a prefix as the exact words that start with it when they are known, and leaves out a prefix nothing starts with", () => {
    const exact = wordTsQuery({
      token: "вадитель",
      alternative: "водитель",
      prefixWords: [],
      alternativePrefixWords: ["водитель", "водителя"],
    });
    expect(exact.sql).toBe("(to_tsquery('russian', kk_fold(?)) || ?::tsquery)");
    expect(exact.values).toEqual(["вадитель", "'водитель' | 'водителя'"]);
    const planned = planWords(
      "оператор",
      known({ оператор: { ...plain, prefixWords: ["оператор", "операторы"], suggestionPrefixWords: ["x"] } }),
    );
    // A suggestion's words travel only with a suggestion.
    expect(planned.words).toEqual([{ token: "оператор", alternative: null, prefixWords: ["оператор", "операторы"] }]);
  });

  it("needs every word of the query, and is absent when no word is left", () => {
    expect(queryTsQuery([])).toBeNull();
    const both = queryTsQuery(planWords("водитель автобуса", known({ водитель: plain, автобуса: plain })).words)!;
    expect(both.sql.split(" && ")).toHaveLength(2);
    expect(both.values).toEqual(["водитель", "водитель", "автобуса", "автобуса"]);
  });
});
