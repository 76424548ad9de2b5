import { expect, test } from "@playwright/test";

import { signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { uniqueEmail } from "../fixtures/outbox";

test("a seeker writes a resume with licence categories, prints it, downloads the PDF and applies with it", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("resume");
  await signUpAndSignIn(page, { name: "Ерлан Сейітов", email, password: "resume-password-2026", type: "seeker" });

  await page.goto("/ru/seeker/resumes");
  await expect(page.getByRole("heading", { name: "Мои резюме" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Создать резюме" }).click();
  await expect(page.getByRole("heading", { name: "Новое резюме" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing on the form is wider than the screen (a phone would zoom the whole page out).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Saving an empty form names what is missing, and focus lands on the first problem.
  await page.getByRole("button", { name: "Сохранить резюме" }).click();
  await expect(page.getByText("Исправьте ошибки в форме.")).toBeVisible();
  await expect(page.getByLabel("Должность", { exact: true }).first()).toBeFocused();
  await expect(page.getByText("Выберите хотя бы одну специализацию.")).toBeVisible();

  await page.getByLabel("Должность", { exact: true }).first().fill("Водитель категории CE");
  await page.getByLabel("Желаемая зарплата, ₸ в месяц").fill("480000");
  await page.getByLabel("Город").selectOption({ label: "Алматы" });
  await page.getByLabel("Специализации").selectOption({ index: 0 });
  await page.getByLabel("Вахта").check();
  await page.getByLabel("Категория C", { exact: true }).check();
  await page.locator("#licence-C-year").fill("2016");
  await page.getByLabel("Категория CE", { exact: true }).check();
  await page.locator("#licence-CE-year").fill("2019");

  await page.getByRole("button", { name: "Добавить место работы" }).click();
  const job = page.getByRole("group", { name: "Место работы 1" });
  await job.getByLabel("Должность").fill("Водитель-экспедитор");
  await job.getByLabel("Компания").fill("ТОО «Жол Транс»");
  await job.getByLabel("Начало").fill("2019-04");
  await job.getByLabel("Работаю сейчас").check();
  await job.getByLabel("Обязанности и достижения").fill("Междугородние рейсы, 200 000 км без аварий.");
  await page.getByLabel("Навыки", { exact: true }).fill("Тахограф, погрузка");
  // Markup in a text field is refused with a clear message, nothing is saved.
  await page.getByLabel("О себе", { exact: true }).fill("<b>Ответственный</b>");
  await page.getByRole("button", { name: "Сохранить резюме" }).click();
  await expect(page.getByText("Уберите HTML-теги: здесь нужен обычный текст.")).toBeVisible();
  await page.getByLabel("О себе", { exact: true }).fill("Ответственный, без вредных привычек в работе.");
  await page.getByRole("button", { name: "Сохранить резюме" }).click();

  await expect(page.getByText("Резюме сохранено.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Водитель категории CE", level: 1 })).toBeVisible();
  await expect(page.getByText("с 2016 г.")).toBeVisible();
  await expect(page.getByText("ТОО «Жол Транс»")).toBeVisible();
  await expect(page).toHaveTitle(/Резюме/);
  await expectNoAxeViolations(page);

  // Paper: only the resume, without the site's header and the buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "Распечатать" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Водитель категории CE", level: 1 })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("Водитель категории CE.pdf");
  const path = await file.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(path).subarray(0, 5).toString()).toBe("%PDF-");

  // The same page in Kazakh.
  const url = new URL(page.url());
  await page.goto(url.pathname.replace(/^\/ru\//, "/kk/"));
  await expect(page.getByText("2016 жылдан")).toBeVisible();
  await expectNoAxeViolations(page);

  // Apply to a demo vacancy with this resume and find it in "my applications".
  await page.goto("/ru/vacancies?q=водитель");
  await page.getByRole("article").first().getByRole("link").first().click();
  await page.getByRole("link", { name: "Откликнуться" }).first().click();
  await page.getByLabel("Водитель категории CE").check();
  const phone = page.getByLabel("Мобильный телефон");
  if (await phone.isVisible()) await phone.fill("+7 701 555 12 34");
  await page.getByRole("button", { name: "Отправить отклик" }).click();
  await expect(page).toHaveURL(/\/ru\/seeker\/applications$/);
  await expect(page.getByText("Резюме: Водитель категории CE")).toBeVisible();
});
