import { expect, test, type Page } from "@playwright/test";

import { signIn, signUpAndSignIn } from "../fixtures/accounts";
import { findVacancy, LIVE, sql } from "../fixtures/db";
import { uniqueEmail } from "../fixtures/outbox";

const PASSWORD = "seeker-password-2026";

/** A new seeker account, signed out again: the tests start as a guest who has an account. */
async function seekerAccount(page: Page, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await signUpAndSignIn(page, { name: "Айгерим Сапарова", email, password: PASSWORD, type: "seeker" });
  await page.context().clearCookies();
  return email;
}

test("a guest's saved vacancy moves into the seeker's account on sign-in and follows to another device", async ({
  page,
  browser,
}) => {
  const email = await seekerAccount(page, "saved");
  const vacancy = await findVacancy(LIVE);

  await page.goto(`/ru/vacancy/${vacancy.id}-${vacancy.slug}`);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("button", { name: "Сохранено" })).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => localStorage.getItem("jumys.savedVacancies"))).toContain(String(vacancy.id));

  await signIn(page, email, PASSWORD, "/saved");
  await expect(page.getByText(/перенесена в ваш аккаунт/)).toBeVisible();
  await expect(page.getByText("Список хранится в вашем аккаунте")).toBeVisible();
  await expect(page.getByRole("link", { name: vacancy.title }).first()).toBeVisible();
  // In the account now, and no longer in this browser.
  const saved = await sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM saved_vacancies s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.vacancy_id = $2",
    [email, vacancy.id],
  );
  expect(saved[0]?.n).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem("jumys.savedVacancies"))).toBeNull();

  // Another device sees the same list, and forgetting it there forgets it everywhere.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signIn(phone, email, PASSWORD, "/saved");
  await expect(phone.getByRole("link", { name: vacancy.title }).first()).toBeVisible();
  await phone.getByRole("button", { name: "Сохранено" }).first().click();
  await expect(phone.getByRole("button", { name: "Сохранить" }).first()).toHaveAttribute("aria-pressed", "false");
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM saved_vacancies s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
            [email],
          )
        )[0]?.n,
    )
    .toBe(0);
  await other.close();

  await page.goto(`/ru/vacancy/${vacancy.id}-${vacancy.slug}`);
  await expect(page.getByRole("button", { name: "Сохранить" })).toHaveAttribute("aria-pressed", "false");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("button", { name: "Сохранено" })).toHaveAttribute("aria-pressed", "true");
  // A signed-in seeker saves into the account, not into this browser.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("jumys.savedVacancies"))).toBeNull();
  await expect
    .poll(
      async () =>
        (
          await sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM saved_vacancies s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
            [email],
          )
        )[0]?.n,
    )
    .toBe(1);
});

test("a guest is sent to sign in and back; the seeker subscribes, then pauses, edits and deletes in the cabinet", async ({
  page,
}) => {
  const email = await seekerAccount(page, "subs");

  await page.goto("/ru/vacancies?q=водитель&lic=c");
  await page.getByRole("link", { name: "Войдите, чтобы подписаться на этот поиск" }).click();
  await expect(page).toHaveURL(/\/ru\/auth\/sign-in\?callbackUrl=/);
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(PASSWORD);
  await page.getByRole("button", { name: "Войти" }).last().click();
  await expect(page).toHaveURL(/\/ru\/vacancies\?q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C&lic=c$/);

  await page.getByRole("button", { name: "Подписаться на поиск" }).click();
  await expect(page.getByLabel("Название", { exact: true })).toHaveValue("водитель · C");
  await page.getByLabel("Раз в неделю, по понедельникам").check();
  await page.getByRole("button", { name: "Подписаться", exact: true }).click();
  await expect(page.getByText("Подписка «водитель · C» сохранена.")).toBeVisible();

  // The same search (here with its filters in another order) is refused.
  await page.goto("/ru/vacancies?lic=c&q=водитель&sort=date");
  await page.getByRole("button", { name: "Подписаться на поиск" }).click();
  await page.getByRole("button", { name: "Подписаться", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Вы уже подписаны на такой поиск" })).toBeVisible();

  await page.getByRole("link", { name: "Подписки", exact: true }).click();
  await expect(page).toHaveURL(/\/ru\/seeker\/subscriptions$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Подписки на поиск");
  const item = page.getByRole("article", { name: "водитель · C" });
  await expect(item).toContainText("Поиск: водитель · C");
  await expect(item).toContainText("Письма: раз в неделю");
  await expect(item).toContainText("Писем ещё не было");
  await expect(item.getByRole("link", { name: "Открыть поиск" })).toHaveAttribute("href", /\/ru\/vacancies\?q=.+&lic=c$/);

  await item.getByRole("button", { name: "Приостановить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Подписка «водитель · C» приостановлена." })).toBeVisible();
  await expect(item).toContainText("Приостановлена");
  await expect(item.getByRole("button", { name: "Возобновить" })).toBeVisible();

  await item.getByRole("button", { name: "Изменить" }).click();
  await item.getByLabel("Название", { exact: true }).fill("");
  await item.getByRole("button", { name: "Сохранить" }).click();
  await expect(item.getByText("Введите название подписки.")).toBeVisible();
  await item.getByLabel("Название", { exact: true }).fill("<b>Водитель C</b> в Алматы");
  await item.getByLabel("Каждый день").check();
  await item.getByRole("button", { name: "Сохранить" }).click();
  const renamed = page.getByRole("article", { name: "<b>Водитель C</b> в Алматы" });
  await expect(renamed).toContainText("Письма: каждый день");
  await expect(renamed.getByRole("heading")).toHaveText("<b>Водитель C</b> в Алматы");

  await renamed.getByRole("button", { name: "Удалить" }).click();
  await expect(renamed.getByText("Удалить подписку «<b>Водитель C</b> в Алматы»?", { exact: false })).toBeVisible();
  await renamed.getByRole("button", { name: "Отмена" }).click();
  await expect(renamed.getByRole("button", { name: "Удалить" })).toBeFocused();
  await renamed.getByRole("button", { name: "Удалить" }).click();
  await renamed.getByRole("button", { name: "Да, удалить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "удалена" })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("У вас пока нет подписок.")).toBeVisible();
  const left = await sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM subscriptions s JOIN users u ON u.id = s.user_id WHERE u.email = $1",
    [email],
  );
  expect(left[0]?.n).toBe(0);
});

test("subscribing works from the keyboard, in Kazakh @keyboard", async ({ page }) => {
  const email = await seekerAccount(page, "subs-kk");
  await signIn(page, email, PASSWORD, "/vacancies?remote=1");
  await page.goto("/kk/vacancies?remote=1");
  const open = page.getByRole("button", { name: "Іздеуге жазылу" });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(open).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Атауы", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Атауы", { exact: true })).toHaveValue("қашықтан");
  // The radio group is one stop: Tab lands on the checked option, arrows move the choice.
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Күн сайын")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Аптасына бір рет, дүйсенбі сайын")).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "«қашықтан» жазылымы сақталды." })).toBeFocused();
});
