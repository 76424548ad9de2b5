import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { describe, expect, it } from "vitest";

import kk from "@/i18n/messages/kk.json";
import ru from "@/i18n/messages/ru.json";

import { describeSearch, type SearchSummaryContext } from "./describe-search";
import { EMPTY_SEARCH, type SearchParams } from "./params";

function context(locale: "ru" | "kk"): SearchSummaryContext {
  const t = createTranslator({ locale, messages: (locale === "ru" ? ru : kk) as AbstractIntlMessages }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  return {
    t: (key, values) => t(key, values),
    cityName: (slug) =>
      ({ almaty: locale === "ru" ? "Алматы" : "Алматы", kostanay: locale === "ru" ? "Костанай" : "Қостанай" })[slug] ?? null,
    regionName: (slug) => (slug === "akmola" ? (locale === "ru" ? "Акмолинская область" : "Ақмола облысы") : null),
    specializationName: (slug) => (slug === "driver" ? (locale === "ru" ? "Водитель" : "Жүргізуші") : null),
    companyName: (id) => (id === 7 ? "Тест Логистик" : null),
  };
}

const search = (p: Partial<SearchParams>): SearchParams => ({ ...EMPTY_SEARCH, ...p });

describe("describeSearch", () => {
  it("sums a search up in the reader's language", () => {
    const p = search({ q: "водитель", city: "almaty", licences: ["C"] });
    expect(describeSearch(p, context("ru"))).toBe("водитель · Алматы · C");
    expect(describeSearch(search({ city: "kostanay", specializations: ["driver"] }), context("kk"))).toBe("Қостанай · Жүргізуші");
  });

  it("names every kind of filter", () => {
    const p = search({
      region: "akmola",
      specializations: ["driver", "gone"],
      licences: ["C", "CE", "TM"],
      salary: 300000,
      experience: ["NONE"],
      employment: ["PART_TIME"],
      schedule: ["ROTATION"],
      remote: true,
      company: 7,
    });
    expect(describeSearch(p, context("ru"))).toBe(
      "Акмолинская область · Водитель · C, CE, Tm · от 300\u202f000 ₸ · Без опыта · Частичная занятость · Вахта · удалённо · Тест Логистик",
    );
  });

  it("leaves out what the catalogue no longer knows and names the empty search", () => {
    expect(describeSearch(search({ city: "atlantis", company: 9 }), context("ru"))).toBe("вакансии одной компании");
    expect(describeSearch(search({}), context("ru"))).toBe("Все вакансии");
    expect(describeSearch(search({}), context("kk"))).toBe("Барлық вакансиялар");
  });

  it("fits the name column, cutting between whole characters", () => {
    const text = describeSearch(search({ q: `${"слово ".repeat(40)}😀😀` }), context("ru"), 150);
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith("…")).toBe(true);
    const emoji = describeSearch(search({ q: "😀".repeat(100) }), context("ru"), 150);
    expect(emoji.length).toBeLessThanOrEqual(150);
    expect(emoji).toBe(`${"😀".repeat(74)}…`);
  });
});
