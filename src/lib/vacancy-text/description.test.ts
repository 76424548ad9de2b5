import { describe, expect, it } from "vitest";

import { cleanVacancyDescription } from "./description";
import { detectProhibitedSchemes } from "./prohibited-schemes";

describe("cleanVacancyDescription: sanitizing", () => {
  it("keeps the allowed structure", () => {
    const html =
      "<h3>Обязанности</h3><ul><li><strong>Консультировать</strong> покупателей</li><li><em>Выкладка</em> товара</li></ul>" +
      "<h4>Условия</h4><ol><li>График 5/2</li></ol><blockquote><p>Официальное <b>трудоустройство</b>, <i>обучение</i></p></blockquote>";
    expect(cleanVacancyDescription(html).html).toBe(html);
  });

  it("drops scripts, styles, iframes and everything inside them", () => {
    const result = cleanVacancyDescription(
      '<p>Требуется кассир</p><script>alert("взлом")</script><style>p { color: red }</style>' +
        '<iframe src="https://evil.example">Текст фрейма</iframe><noscript>без скриптов</noscript>',
    );
    expect(result.html).toBe("<p>Требуется кассир</p>");
    expect(result.text).toBe("Требуется кассир");
  });

  it("drops attributes, event handlers, classes, styles, images and tables but keeps their text", () => {
    const result = cleanVacancyDescription(
      '<p onclick="steal()" class="lead" style="color:red">Водитель <span style="font-weight:bold">категории C</span></p>' +
        '<img src="x" onerror="alert(1)"><table><tr><td>Оклад</td><td>400 000 тг</td></tr></table>',
    );
    expect(result.html).toBe("<p>Водитель категории C</p><p>Оклад</p><p>400 000 тг</p>");
  });

  it("keeps a link's text but not its address", () => {
    const result = cleanVacancyDescription('<p><a href="https://evil.kz/apply" onclick="x()">Подробнее о компании</a></p>');
    expect(result.html).toBe("<p>Подробнее о компании</p>");
    expect(result.removed).toEqual([]);
  });

  it("maps headings and editor containers to the allowed tags", () => {
    expect(cleanVacancyDescription("<h1>Бухгалтер</h1><div>Строка 1</div><div>Строка 2</div><h6>Итог</h6>").html).toBe(
      "<h3>Бухгалтер</h3><p>Строка 1</p><p>Строка 2</p><h4>Итог</h4>",
    );
  });

  it("turns plain text into paragraphs and line breaks", () => {
    const result = cleanVacancyDescription(
      "Сатушы-кеңесші қажет\nАлматы қ.\n\nМіндеттері:\n- сатып алушыларға кеңес беру\n\n\n\nЖалақы 300 000 тг < 400 000 тг",
    );
    expect(result.html).toBe(
      "<p>Сатушы-кеңесші қажет<br />Алматы қ.</p><p>Міндеттері:<br />- сатып алушыларға кеңес беру</p>" +
        "<p>Жалақы 300 000 тг &lt; 400 000 тг</p>",
    );
    expect(result.text).toBe(
      "Сатушы-кеңесші қажет Алматы қ. Міндеттері: - сатып алушыларға кеңес беру Жалақы 300 000 тг < 400 000 тг",
    );
  });

  it("drops empty paragraphs, list items and stray line breaks", () => {
    const result = cleanVacancyDescription(
      "<p> </p><p><br></p><p><strong>&nbsp;</strong></p><p><br>Обязанности<br><br><br><br>приём звонков<br></p><ul><li></li></ul>",
    );
    expect(result.html).toBe("<p>Обязанности<br /><br />приём звонков</p>");
  });

  it("returns an empty result for markup without text", () => {
    expect(cleanVacancyDescription("<p><br></p><script>x</script>")).toEqual({ html: "", text: "", removed: [] });
  });

  it("changes nothing when applied to its own output", () => {
    const first = cleanVacancyDescription(
      "Повар\n\nЗвоните: 8 (701) 123-45-67, пишите hr@cafe.kz\nЗарплата от 250000 до 400000 тг, 2/2 с 09:00-21:00",
    );
    const second = cleanVacancyDescription(first.html);
    expect(second.html).toBe(first.html);
    expect(second.removed).toEqual([]);
  });
});

describe("cleanVacancyDescription: hostile input", () => {
  const SIZE = 200_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

  // A hang here (catastrophic backtracking) would exceed the test timeout.
  it.each([
    ["digits and spaces", fill("1 2 3 4 ")],
    ["repeated at signs", fill("aaaa@")],
    ["repeated schemes", fill("http://")],
    ["repeated www", fill("www.")],
    ["dotted labels", fill("a.")],
    ["hyphenated labels", fill("a-")],
    ["one long word", "a".repeat(SIZE)],
    ["one long number", "7".repeat(SIZE)],
    ["a long run of spaces", `a${" ".repeat(SIZE)}b`],
    ["obfuscation words", fill("name at ")],
    ["digit groups with hyphens", fill("1-")],
    ["brackets", fill("(1) ")],
    ["nested tags", fill("<b>")],
    ["mismatched closing tags", fill("<b>").slice(0, SIZE / 2) + fill("</i>").slice(0, SIZE / 2)],
    ["tags with brackets in attributes", fill("<b title='<'>")],
    ["comments", fill("<!--")],
    ["line breaks", fill("<br>")],
    ["unclosed tags", fill("<p")],
    ["phone numbers separated by spaces", fill("87011234567 ")],
    ["emails separated by commas", fill("a@b.kz, ")],
    ["phones, emails and links", fill("<p>+7 <b>701</b> 123 45 67, a@b.kz site.kz</p>")],
  ])("finishes on %s", (_name, input) => {
    const result = cleanVacancyDescription(input);
    // The output is clean: a second pass finds no contact left and changes nothing.
    const again = cleanVacancyDescription(result.html);
    expect(again.removed).toEqual([]);
    expect(again.html).toBe(result.html);
    expect(again.text).toBe(result.text);
    // None of these phrases is a prohibited scheme.
    expect(detectProhibitedSchemes(input)).toEqual([]);
  });

  it("keeps the text of a document with very many tags", () => {
    const result = cleanVacancyDescription("<p><b>слово</b> </p>".repeat(12_000));
    expect(result.text).toBe(Array(12_000).fill("слово").join(" "));
  });

  it("removes repeated contacts and reports each once", () => {
    const result = cleanVacancyDescription(fill("<p>+7 <b>701</b> 123 45 67, a@b.kz site.kz</p>"));
    expect(result.removed).toEqual([
      { kind: "phone", value: "+7 701 123 45 67" },
      { kind: "email", value: "a@b.kz" },
      { kind: "link", value: "site.kz" },
    ]);
  });
});
