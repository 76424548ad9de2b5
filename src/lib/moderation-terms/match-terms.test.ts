import { describe, expect, it } from "vitest";

import { compileTerms, findTerms, normalizeTerm, readFlag, termFlag, termFlags, type TermEntry } from "./match-terms";

const list: TermEntry[] = [
  { term: "бля", language: "ru", kind: "PROFANITY", match: "WORD" },
  { term: "хуй", language: "ru", kind: "PROFANITY", match: "WORD" },
  { term: "пизд", language: "ru", kind: "PROFANITY", match: "STEM" },
  { term: "Ёбаный", language: "ru", kind: "PROFANITY", match: "WORD" },
  { term: "қотақ", language: "kk", kind: "PROFANITY", match: "STEM" },
  { term: "сетевой маркетинг", language: "ru", kind: "PROHIBITED", match: "WORD" },
  { term: "есірткі", language: "both", kind: "PROHIBITED", match: "STEM" },
];
const compiled = compileTerms(list);
const found = (...texts: string[]) => findTerms(compiled, texts).map((h) => h.term);

describe("findTerms", () => {
  it("finds whole words whatever the case and punctuation", () => {
    expect(found("Ну БЛЯ, опять!")).toEqual(["бля"]);
    expect(found("бля-бля")).toEqual(["бля"]);
  });

  it("does not flag innocent words that contain a whole-word term", () => {
    expect(found("Зарплата 300 000 рублей, от рубля до корабля; не оскорблять клиентов")).toEqual([]);
    expect(found("Застрахуйте груз, страхуй себя сам")).toEqual([]);
    expect(found("Корабль Хуйнан")).toEqual([]);
  });

  it("treats ё and е alike on both sides", () => {
    expect(found("ебаный случай")).toEqual(["ебаный"]);
    expect(found("ЁБАНЫЙ СЛУЧАЙ")).toEqual(["ебаный"]);
    expect(found("пиздёж и пиздец")).toEqual(["пизд"]);
  });

  it("matches a stem at the start of a word only", () => {
    expect(found("Испиздить")).toEqual([]);
    expect(found("Пиздец")).toEqual(["пизд"]);
  });

  it("reads Latin look-alikes inside a Cyrillic word as Cyrillic", () => {
    expect(found("иди на xуй")).toEqual(["хуй"]);
    expect(found("Experience with Excel")).toEqual([]);
  });

  it("keeps Russian terms off words spelled with Kazakh letters", () => {
    const stem = compileTerms([{ term: "еб", language: "ru", kind: "PROFANITY", match: "STEM" }]);
    expect(findTerms(stem, ["Жұмыстың ебін табатын жүргізуші"])).toEqual([]);
    expect(findTerms(stem, ["ебать"])).toEqual([{ term: "еб", kind: "PROFANITY" }]);
  });

  it("finds Kazakh terms written with Kazakh letters or their Russian look-alikes", () => {
    expect(found("Қотақбас!")).toEqual(["қотақ"]);
    expect(found("котак")).toEqual(["қотақ"]);
    expect(found("Қойлар қотанда тұр")).toEqual([]);
    expect(found("Есірткі сатамыз", "есирткини")).toEqual(["есірткі"]);
  });

  it("matches several-word terms word by word, each found once over all texts", () => {
    expect(found("Это сетевой маркетинг.", "Опять сетевой   маркетинг")).toEqual(["сетевой маркетинг"]);
    expect(found("сетевой магазин, маркетинг")).toEqual([]);
  });

  it("finds nothing with an empty list or empty texts", () => {
    expect(findTerms(compileTerms([]), ["бля"])).toEqual([]);
    expect(found("", "   ")).toEqual([]);
  });
});

describe("normalizeTerm and flags", () => {
  it("normalises case, ё and separators", () => {
    expect(normalizeTerm("  Ёж-Ик  ")).toBe("еж ик");
    expect(normalizeTerm("ҚОТАҚ")).toBe("қотақ");
  });

  it("stores a hit as a flag and reads it back", () => {
    const flag = termFlag({ term: "бля", kind: "PROFANITY" });
    expect(flag).toBe("profanity:бля");
    expect(readFlag(flag)).toEqual({ kind: "PROFANITY", term: "бля" });
    expect(readFlag("pyramid")).toEqual({ rule: "pyramid" });
    expect(termFlags(["pyramid", "prohibited:есірткі"])).toEqual(["prohibited:есірткі"]);
  });
});
