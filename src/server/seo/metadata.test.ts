import { describe, expect, it } from "vitest";

import { localeAlternates, schoolTitle } from "./metadata";

describe("localeAlternates", () => {
  it("gives the canonical URL, every locale and the Russian page as x-default, all absolute", () => {
    expect(localeAlternates("https://jumys.test/", "kk", "/vacancies")).toEqual({
      canonical: "https://jumys.test/kk/vacancies",
      languages: {
        ru: "https://jumys.test/ru/vacancies",
        kk: "https://jumys.test/kk/vacancies",
        "x-default": "https://jumys.test/ru/vacancies",
      },
    });
  });

  it("writes the home page without a trailing slash", () => {
    expect(localeAlternates("https://jumys.test", "ru", "/").languages).toMatchObject({
      "x-default": "https://jumys.test/ru",
    });
  });
});

describe("schoolTitle", () => {
  it("does not repeat the kind of school when the name already says it, in either language", () => {
    expect(schoolTitle("Автошкола «Жол Шебері»", "Автошкола Автошкола «Жол Шебері»")).toBe("Автошкола «Жол Шебері»");
    expect(schoolTitle("Автомектеп «Сенім»", "Автомектеп «Сенім» автомектебі")).toBe("Автомектеп «Сенім»");
    expect(schoolTitle("АВТОШКОЛА Сапар", "Автошкола АВТОШКОЛА Сапар")).toBe("АВТОШКОЛА Сапар");
  });

  it("keeps the template for a name that does not", () => {
    expect(schoolTitle("«Жол Шебері»", "Автошкола «Жол Шебері»")).toBe("Автошкола «Жол Шебері»");
  });
});
