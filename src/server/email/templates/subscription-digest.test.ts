import { createElement } from "react";
import { describe, expect, it } from "vitest";

import { escapeHtml } from "@/lib/escape";

import { renderEmail } from "../render";

import {
  createDigestComposer,
  digestSalary,
  renderDigestReference,
  SubscriptionDigestEmail,
  type DigestEmailProps,
} from "./subscription-digest";

const tricky = `Водитель "C" & <b>E</b> 'кат.'`;

function props(locale: "ru" | "kk"): DigestEmailProps {
  return {
    locale,
    name: "Әлия <script>alert(1)</script>",
    manageUrl: `https://jumys.kz/${locale}/seeker/subscriptions`,
    unsubscribeUrl: `https://jumys.kz/${locale}/unsubscribe?token=digests.7.1700000000.abc&x="y"`,
    groups: [
      {
        name: tricky,
        total: 12,
        seeAllUrl: `https://jumys.kz/${locale}/vacancies?q=%D0%B2&city=almaty&period=3&sort=date`,
        vacancies: [
          {
            id: 1,
            title: "Водитель категории CE",
            url: `https://jumys.kz/${locale}/vacancy/1-voditel`,
            meta: "ТОО «Тест» · Алматы",
            salary: digestSalary(locale, 300_000, 450_000, false),
            premium: true,
          },
          {
            id: 2,
            title: tricky,
            url: `https://jumys.kz/${locale}/vacancy/2-x?a=1&b=2`,
            meta: "Астана",
            salary: digestSalary(locale, null, null, false),
            premium: false,
          },
        ],
      },
      {
        name: "Бухгалтер",
        total: 1,
        seeAllUrl: `https://jumys.kz/${locale}/vacancies?q=bux`,
        vacancies: [
          {
            id: 3,
            title: "Бухгалтер",
            url: `https://jumys.kz/${locale}/vacancy/3-buh`,
            meta: "Org · Шымкент",
            salary: digestSalary(locale, 250_000, null, true),
            premium: false,
          },
        ],
      },
    ],
  };
}

describe("subscription digest email", () => {
  for (const locale of ["ru", "kk"] as const) {
    it(`composes exactly what React renders from the template (${locale})`, async () => {
      const composer = await createDigestComposer(locale);
      const { locale: _locale, ...rest } = props(locale);
      const composed = composer.compose(rest);
      expect(composed.html).toBe(await renderDigestReference(props(locale)));
      // The renderer the other emails go through streams, which adds only comments (React's
      // boundary markers) to the same markup.
      const streamed = (await renderEmail(createElement(SubscriptionDigestEmail, props(locale)))).html;
      expect(streamed.replace(/<!--[^>]*-->/g, "")).toBe(composed.html);
      // Built from cached vacancy blocks the second time: still the same.
      expect(composer.compose(rest).html).toBe(composed.html);
    });
  }

  it("escapes the seeker's and the subscription's words and keeps links intact", async () => {
    const { locale: _locale, ...rest } = props("ru");
    const { html, text } = (await createDigestComposer("ru")).compose(rest);
    expect(html).not.toContain("<script>");
    expect(html).toContain(escapeHtml(tricky));
    expect(html).toContain('href="https://jumys.kz/ru/vacancy/2-x?a=1&amp;b=2"');
    expect(html).toContain('lang="ru"');
    expect(text).toContain("Здравствуйте, Әлия <script>alert(1)</script>!");
    expect(text).toContain("https://jumys.kz/ru/vacancy/2-x?a=1&b=2");
  });

  it("speaks Russian or Kazakh, with the total in the subject and salaries in KZT", async () => {
    const ru = (await createDigestComposer("ru")).compose(props("ru"));
    expect(ru.subject).toBe("13 новых вакансий по вашим подпискам");
    expect(ru.html).toContain("300\u202f000 – 450\u202f000 ₸ на руки");
    expect(ru.text).toContain("300\u202f000 – 450\u202f000 ₸ на руки");
    expect(ru.text).toContain("Зарплата по договорённости");
    expect(ru.text).toContain("от 250\u202f000 ₸ до вычета налогов");
    expect(ru.text).toContain("Смотреть на сайте: все 12 вакансий: https://jumys.kz/ru/vacancies?q=");
    expect(ru.text).toContain("Смотреть на сайте: 1 вакансия: https://jumys.kz/ru/vacancies?q=bux");
    expect(ru.text).toContain("[Премиум] Водитель категории CE");
    expect(ru.text).toContain("Настроить подписки: https://jumys.kz/ru/seeker/subscriptions");
    expect(ru.text).toContain("Отписаться от писем с вакансиями: https://jumys.kz/ru/unsubscribe?token=");

    const kk = (await createDigestComposer("kk")).compose(props("kk"));
    expect(kk.subject).toBe("Жазылымдарыңыз бойынша 13 жаңа вакансия");
    expect(kk.html).toContain('lang="kk"');
    expect(kk.text).toContain("Сәлеметсіз бе, Әлия");
    expect(kk.text).toContain("300\u202f000 – 450\u202f000 ₸ қолға");
    expect(kk.text).toContain("Жазылымдарды баптау: https://jumys.kz/kk/seeker/subscriptions");
    expect(kk.text).toContain("Вакансиялар туралы хаттардан бас тарту: https://jumys.kz/kk/unsubscribe?token=");
  });

  it("lists the groups and their vacancies in order, premium marked", async () => {
    const { html } = (await createDigestComposer("ru")).compose(props("ru"));
    const order = ["Водитель категории CE", escapeHtml(tricky), "Бухгалтер"].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(html.indexOf("Премиум")).toBeLessThan(html.indexOf("Водитель категории CE"));
    expect(html.match(/Премиум/g)).toHaveLength(1);
  });
});
