import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: { title: "Очереди", moderation: "Вакансии на модерации", invoices: "Счета, ожидающие оплаты", nav: "Модерация" },
  kk: { title: "Кезектер", moderation: "Модерациядағы бос орындар", invoices: "Төлем күтіп тұрған шоттар", nav: "Модерация" },
} as const;

test("the console's home lists a superadmin's queues with counts and leads to them", async ({ page }, testInfo) => {
  // Staff sign in through their second factor.
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const [{ n }] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies WHERE status = 'SUBMITTED'`)) as [
    { n: number },
  ];
  await signInAsStaff(page, await staffAccount("SUPERADMIN"));
  await page.goto(`/${locale}/admin`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
  // Every queue of src/lib/admin-queues.ts.
  await expect(page.getByTestId("queues").locator("li")).toHaveCount(11);
  // Submissions from tests running at the same time may add to it, never take away.
  const count = Number(await page.getByTestId("queue-count-moderation").textContent());
  expect(count).toBeGreaterThanOrEqual(n);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: text.moderation }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/moderation$`));
  await page.getByRole("navigation").getByRole("link", { name: text.title }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
});

test("a moderator sees only the moderator's queues; a seeker gets the 404 page", async ({ page, browser }) => {
  test.slow();
  await signInAsStaff(page, await staffAccount("MODERATOR"));
  await page.goto("/ru/admin");
  // Vacancies, resumes, organisation texts, verification, complaints, appeals.
  await expect(page.getByTestId("queues").locator("li")).toHaveCount(6);
  await expect(page.getByText(TEXT.ru.invoices)).toHaveCount(0);
  await expectNoAxeViolations(page);

  const seeker = await (await browser.newContext()).newPage();
  await signIn(seeker, "seeker@demo.jumys.kz", DEMO_PASSWORD);
  // The section streams its loading state first, so the status is already sent: the page says it.
  await seeker.goto("/ru/admin");
  await expect(seeker.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(seeker.getByTestId("queues")).toHaveCount(0);
  await seeker.context().close();
});

test("a superadmin makes an account a moderator, who then works the moderator's queues", async ({ page, browser }, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text =
    locale === "kk"
      ? {
          form: "Рөл беру немесе өзгерту",
          email: "Электрондық пошта",
          role: "Рөлі",
          save: "Сақтау",
          saved: "Рөл өзгертілді.",
          moderator: "Модератор",
        }
      : {
          form: "Выдать или изменить роль",
          email: "Электронная почта",
          role: "Роль",
          save: "Сохранить",
          saved: "Роль изменена.",
          moderator: "Модератор",
        };
  // An account that is no staff yet: a staff account whose role is taken away first.
  const email = await staffAccount("MODERATOR");
  await sql(`UPDATE users SET staff_role = NULL WHERE email = $1`, [email]);

  await signInAsStaff(page, await staffAccount("SUPERADMIN"));
  await page.goto(`/${locale}/admin/staff`);
  await expectNoAxeViolations(page);
  const form = page.getByRole("region", { name: text.form });
  await form.getByLabel(text.email, { exact: true }).fill(email);
  await form.getByLabel(text.role, { exact: true }).selectOption("MODERATOR");
  await page.getByRole("button", { name: text.save }).click();
  await expect(page.getByText(text.saved)).toBeVisible();
  await expect(page.getByTestId("staff").getByRole("row").filter({ hasText: email })).toContainText(text.moderator);

  const moderator = await (await browser.newContext()).newPage();
  await signInAsStaff(moderator, email, `/${locale}/admin`);
  await expect(moderator.getByTestId("queues").locator("li")).toHaveCount(6);
  await moderator.context().close();
});
