import { describe, expect, it } from "vitest";

import { detectProhibitedSchemes } from "./prohibited-schemes";

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
