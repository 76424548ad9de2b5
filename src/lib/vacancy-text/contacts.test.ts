import { describe, expect, it } from "vitest";

import { cleanVacancyDescription } from "./description";

describe("cleanVacancyDescription: contact details", () => {
  it.each([
    ["+7 701 123 45 67"],
    ["+7 (701) 123-45-67"],
    ["8 (701) 123-45-67"],
    ["8-701-123-45-67"],
    ["87011234567"],
    ["+77011234567"],
    ["77011234567"],
    ["8 727 123 45 67"],
    ["8 (7172) 12-34-56"],
    ["7011234567"],
    ["701 123 45 67"],
    ["+996 555 123 456"],
    ["123-45-67"],
  ])("removes the phone number %s", (phone) => {
    const result = cleanVacancyDescription(`<p>Звоните по номеру ${phone} с 9 до 18</p>`);
    expect(result.html).toBe("<p>Звоните по номеру с 9 до 18</p>");
    expect(result.removed).toEqual([{ kind: "phone", value: phone }]);
  });

  it("removes a phone number written with non-breaking spaces or split by formatting", () => {
    const result = cleanVacancyDescription("<p>Тел.: <b>+7&nbsp;701</b> 123&nbsp;45&nbsp;67 (Айгерим)</p>");
    expect(result.html).toBe("<p>Тел.: (Айгерим)</p>");
    expect(result.removed).toEqual([{ kind: "phone", value: "+7\u00a0701 123\u00a045\u00a067" }]);
  });

  it("leaves no empty brackets behind", () => {
    expect(cleanVacancyDescription("<p>Менеджер Айгуль (87011234567) ответит на вопросы</p>").html).toBe(
      "<p>Менеджер Айгуль ответит на вопросы</p>",
    );
  });

  it("keeps salaries, years, percentages, times, dates, decimals, identifiers and abbreviations", () => {
    const text =
      "Зарплата 300 000 тг, от 250000 до 400000 тг, до 1 500 000 тг на руки, 700 000 - 900 000 тг, 70 000 - 80 000 тг, " +
      "750 000-800 000 тг, 7 000 000 тг в год. Набор 2026 года, премия 15%, график 09:00-18:00, старт 01.12.2026, " +
      "опыт от 3.5 лет, 1С 8.3, Excel, Word и т.д., т.е. офис. БИН 123456789012, ИИН 870112300123. " +
      "Адрес: г.Алматы, ул.Абая 10/2, офис 5. Vue.js, Node.js, ASP.NET, Socket.io.";
    const result = cleanVacancyDescription(`<p>${text}</p>`);
    expect(result.html).toBe(`<p>${text}</p>`);
    expect(result.removed).toEqual([]);
  });

  it("removes emails", () => {
    const result = cleanVacancyDescription(
      "<p>Резюме отправляйте на HR.Almaty@company.kz или aigerim_2026@mail.ru.</p><p>Түйіндемені jumys+hr@gmail.com поштасына жіберіңіз</p>",
    );
    expect(result.html).toBe("<p>Резюме отправляйте на или.</p><p>Түйіндемені поштасына жіберіңіз</p>");
    expect(result.removed).toEqual([
      { kind: "email", value: "HR.Almaty@company.kz" },
      { kind: "email", value: "aigerim_2026@mail.ru" },
      { kind: "email", value: "jumys+hr@gmail.com" },
    ]);
  });

  it("removes obfuscated emails", () => {
    const result = cleanVacancyDescription("<p>Пишите: hr at mail dot kz или job [at] company (dot) com</p>");
    expect(result.html).toBe("<p>Пишите: или</p>");
    expect(result.removed).toEqual([
      { kind: "email", value: "hr at mail dot kz" },
      { kind: "email", value: "job [at] company (dot) com" },
    ]);
  });

  it("removes links with and without a scheme", () => {
    const result = cleanVacancyDescription(
      "<p>Подробнее на https://company.kz/vacancies?id=5, www.jumys.kz и сайт.рф. Пишите в t.me/hr_almaty, " +
        "wa.me/77011234567 или instagram.com/coffee.kz; наш сайт jumys.com!</p>",
    );
    expect(result.html).toBe("<p>Подробнее на и. Пишите в или; наш сайт!</p>");
    expect(result.removed).toEqual([
      { kind: "link", value: "https://company.kz/vacancies?id=5" },
      { kind: "link", value: "www.jumys.kz" },
      { kind: "link", value: "сайт.рф" },
      { kind: "link", value: "t.me/hr_almaty" },
      { kind: "link", value: "wa.me/77011234567" },
      { kind: "link", value: "instagram.com/coffee.kz" },
      { kind: "link", value: "jumys.com" },
    ]);
  });

  it("checks a link's visible text", () => {
    const result = cleanVacancyDescription('<p>Сайт: <a href="https://company.kz">company.kz</a></p>');
    expect(result.html).toBe("<p>Сайт:</p>");
    expect(result.removed).toEqual([{ kind: "link", value: "company.kz" }]);
  });

  it("lists what was removed once each, in order, and drops paragraphs left empty", () => {
    const result = cleanVacancyDescription(
      "<h3>Байланыс</h3><p>+7 701 123 45 67</p><p>hr@company.kz</p><ul><li>https://company.kz</li><li>Телефон: +7 701 123 45 67</li></ul>" +
        "<p>Жұмыс уақыты 09:00-18:00</p>",
    );
    expect(result.html).toBe("<h3>Байланыс</h3><ul><li>Телефон:</li></ul><p>Жұмыс уақыты 09:00-18:00</p>");
    expect(result.text).toBe("Байланыс Телефон: Жұмыс уақыты 09:00-18:00");
    expect(result.removed).toEqual([
      { kind: "phone", value: "+7 701 123 45 67" },
      { kind: "email", value: "hr@company.kz" },
      { kind: "link", value: "https://company.kz" },
    ]);
  });

  it("closes the gaps: no doubled spaces or dangling commas", () => {
    const result = cleanVacancyDescription(
      "<p>Контакты: 8 (701) 123-45-67, 87021234567, hr@company.kz. Спросить  Айгуль.</p><p>Опыт  от года</p>",
    );
    expect(result.html).toBe("<p>Контакты:. Спросить  Айгуль.</p><p>Опыт  от года</p>");
    expect(result.text).toBe("Контакты:. Спросить Айгуль. Опыт от года");
  });

  it("does not touch markup while removing text", () => {
    const result = cleanVacancyDescription(
      "<p><strong>Звоните:</strong> <em>87011234567</em> &amp; приходите &lt;сегодня&gt;</p>",
    );
    expect(result.html).toBe("<p><strong>Звоните:</strong> &amp; приходите &lt;сегодня&gt;</p>");
  });
});
