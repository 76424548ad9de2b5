import { describe, expect, it } from "vitest";

import { cleanVacancyDescription, detectProhibitedSchemes, sameDuties, type DutiesFields } from "./vacancy-text";

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

describe("detectProhibitedSchemes", () => {
  it.each([
    ["pyramid", "Это не финансовая пирамида, а честный бизнес!"],
    ["pyramid", "Работа в сфере сетевого маркетинга"],
    ["pyramid", "Международная MLM-компания ищет партнёров"],
    ["pyramid", "Млм бизнес с доходом от первого дня"],
    ["pyramid", "Пассивный доход от приглашённых партнёров"],
    ["pyramid", "Приглашай друзей и получай бонусы"],
    ["pyramid", "Желілік маркетинг саласындағы жұмыс"],
    ["pyramid", "Желі маркетингі арқылы табыс"],
    ["pyramid", "Бұл қаржы пирамидасы емес"],
    ["commissionOnly", "Оплата: только процент от сделок"],
    ["commissionOnly", "Оплата только с продаж"],
    ["commissionOnly", "Работа без оклада, зато без потолка"],
    ["commissionOnly", "Доход только от продаж"],
    ["commissionOnly", "Жалақы тек пайыздан төленеді"],
    ["commissionOnly", "Тек пайыз, тұрақты табыс"],
    ["commissionOnly", "Жалақысыз, тек бонус"],
    ["joinTheClub", "Присоединяйся к клубу успешных людей"],
    ["joinTheClub", "Вступи в клуб предпринимателей"],
    ["joinTheClub", "Стань партнёром клуба уже сегодня"],
    ["joinTheClub", "Біздің клубқа қосылыңыз"],
    ["joinTheClub", "Клубқа қосыл да, табыс тап"],
    ["upfrontPayment", "Вступительный взнос 20 000 тг"],
    ["upfrontPayment", "Нужно оплатить обучение перед началом работы"],
    ["upfrontPayment", "Необходимо купить стартовый набор косметики"],
    ["upfrontPayment", "Кіру жарнасы – 10 000 теңге"],
    ["upfrontPayment", "Оқу ақысын алдын ала төлеу қажет"],
  ])("finds %s in “%s”", (flag, text) => {
    expect(detectProhibitedSchemes(text)).toEqual([flag]);
  });

  it("reads Kazakh typed without Kazakh letters", () => {
    expect(detectProhibitedSchemes("Каржы пирамидасы емес, желi маркетингi")).toEqual(["pyramid"]);
    expect(detectProhibitedSchemes("Тек пайыз")).toEqual(["commissionOnly"]);
  });

  it("returns unique flags in a fixed order", () => {
    const text =
      "Кіру жарнасы 5000 тг. Вступи в клуб! Оплата только с продаж. MLM, сетевой маркетинг, финансовая пирамида. " +
      "Вступительный взнос.";
    expect(detectProhibitedSchemes(text)).toEqual(["pyramid", "commissionOnly", "joinTheClub", "upfrontPayment"]);
  });

  it.each([
    "Продавец-консультант, оклад 250 000 тг + процент с продаж",
    "Оклад 300 000 тг, не только процент, но и премии",
    "Сатушы: жалақы 250 000 теңге + сатудан пайыз",
    "Оплачиваемое обучение до начала работы, наставник",
    "Приглашаем молодых людей и девушек, получивших образование",
    "Крупная сетевая компания приглашает кассиров. Фитнес-клуб для сотрудников бесплатно.",
    "Тренер в фитнес-клуб, оклад без задержек, пенсионные взносы",
    "Жалақысыз демалыс беріледі. Тек пайыз емес, тұрақты жалақы бар.",
    "Сетевое оборудование, администрирование Linux, MLOps",
  ])("flags nothing in an ordinary vacancy: “%s”", (text) => {
    expect(detectProhibitedSchemes(text)).toEqual([]);
  });
});

describe("sameDuties", () => {
  const base: DutiesFields = {
    title: "Продавец-консультант",
    descriptionText: "Консультировать покупателей. Выкладка товара. График 5/2.",
    specializationIds: [3, 7, 12],
    experience: "NONE",
    employmentType: "FULL",
    schedule: "FULL_DAY",
    licenceCategories: ["B", "C"],
  };

  it("is true for the same fields (salary, address or contacts are not part of them)", () => {
    expect(sameDuties(base, { ...base })).toBe(true);
  });

  it("ignores whitespace and case in the title and description", () => {
    expect(
      sameDuties(base, {
        ...base,
        title: "  продавец-КОНСУЛЬТАНТ ",
        descriptionText: "Консультировать  покупателей.\nВыкладка товара.\t\tграфик 5/2. ",
      }),
    ).toBe(true);
  });

  it("compares specializations and licence categories as sets", () => {
    expect(sameDuties(base, { ...base, specializationIds: [12, 3, 7, 3], licenceCategories: ["C", "B"] })).toBe(true);
  });

  it.each<[string, Partial<DutiesFields>]>([
    ["a changed title", { title: "Старший продавец-консультант" }],
    ["a changed description", { descriptionText: "Консультировать покупателей. Работа с кассой. График 5/2." }],
    ["a new licence category", { licenceCategories: ["B", "C", "E"] }],
    ["another specialization", { specializationIds: [3, 7] }],
    ["another experience", { experience: "ONE_TO_THREE" }],
    ["another employment type", { employmentType: "PART" }],
    ["another schedule", { schedule: "SHIFT" }],
  ])("is false for %s", (_name, change) => {
    expect(sameDuties(base, { ...base, ...change })).toBe(false);
  });
});
