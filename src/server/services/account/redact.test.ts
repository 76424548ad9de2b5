import { describe, expect, it } from "vitest";

import { REDACTED, redactJson, redactor } from "./redact";

const ids = { emails: ["dana.k@example.kz", "old-dana@mail.kz"], phone: "+77017654321", name: "Дана Касымова" };

describe("redactor", () => {
  const redact = redactor(ids);

  it("replaces addresses and the name in any case", () => {
    expect(redact("Пишите на Dana.K@Example.KZ или old-dana@mail.kz")).toBe(`Пишите на ${REDACTED} или ${REDACTED}`);
    expect(redact("Кандидат ДАНА КАСЫМОВА, дана касымова")).toBe(`Кандидат ${REDACTED}, ${REDACTED}`);
  });

  it("replaces the phone in the usual spellings", () => {
    for (const spelling of [
      "+77017654321",
      "77017654321",
      "87017654321",
      "+7 701 765 43 21",
      "8 (701) 765-43-21",
      "+7-701-765-43-21",
    ]) {
      expect(redact(`тел. ${spelling}.`)).toBe(`тел. ${REDACTED}.`);
    }
  });

  it("leaves other words, numbers and people alone", () => {
    const text = "Данабек Касымов, +77017654320, 1770176543211, dana@example.kz";
    expect(redact(text)).toBe(text);
  });

  it("finds the name as HTML escapes it", () => {
    const redactQuote = redactor({ emails: [], phone: null, name: "Ann O'Neil" });
    expect(redactQuote("<p>Hello, Ann O&#x27;Neil!</p>")).toBe(`<p>Hello, ${REDACTED}!</p>`);
  });

  it("redacts every string inside JSON and keeps its shape", () => {
    expect(
      redactJson(
        { to: "dana.k@example.kz", list: ["+7 701 765 43 21", 5, null], nested: { ok: true, who: "Дана Касымова" } },
        redact,
      ),
    ).toEqual({ to: REDACTED, list: [REDACTED, 5, null], nested: { ok: true, who: REDACTED } });
  });
});
