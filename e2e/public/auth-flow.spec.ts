import { expect, test } from "@playwright/test";

import { visitFromOwnAddress } from "../fixtures/accounts";
import { linkIn, readLatestEmail, uniqueEmail } from "../fixtures/outbox";

test.beforeEach(async ({ page }) => {
  await visitFromOwnAddress(page);
});

test("sign up → verify the email from the outbox → sign in → switch language → sign out", async ({ page }) => {
  const email = uniqueEmail("flow");
  const password = "very-secret-password";

  await page.goto("/ru/auth/sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByLabel("Имя и фамилия").fill("Ерлан Жумабаев");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByLabel("Мобильный телефон (необязательно)").fill("+7 705 111 22 33");
  await page.getByLabel("Мне исполнилось 18 лет").check();
  await page.getByLabel(/Я принимаю/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { name: "Проверьте почту" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // Signing in before the address is confirmed is refused with a way out.
  await page.goto("/ru/auth/sign-in");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Почта ещё не подтверждена");

  const text = await readLatestEmail(page, email, /Подтвердите почту/);
  await page.goto(linkIn(text, "/auth/verify-email"));
  await expect(page.getByText("Почта подтверждена. Теперь можно войти.")).toBeVisible();

  await page.getByRole("link", { name: "Войти" }).last().click();
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/ru\/account$/);
  await expect(page.getByRole("heading", { name: "Мой аккаунт" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText("Ерлан Жумабаев");
  await expect(page.getByText("+77051112233")).toBeVisible();

  await page.getByRole("link", { name: "Қазақша" }).click();
  await expect(page).toHaveURL(/\/kk\/account$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { name: "Менің аккаунтым" })).toBeVisible();

  await page.getByRole("button", { name: "Шығу" }).click();
  await expect(page).toHaveURL(/\/kk$/);
  await expect(page.getByRole("link", { name: "Кіру" })).toBeVisible();
  await page.goto("/kk/account");
  await expect(page).toHaveURL(/\/kk\/auth\/sign-in/);
});

test("sign in with a one-time code from the email", async ({ page, context }, testInfo) => {
  // A new code retires the previous one: each project signs in a different demo account.
  const account = testInfo.project.name === "phone" ? "school@demo.jumys.kz" : "employer@demo.jumys.kz";
  await page.goto("/kk/auth/code");
  await page.getByLabel("Электрондық пошта").fill(account);
  await page.getByRole("button", { name: "Код алу" }).click();
  await expect(page.getByText(/код жібердік/)).toBeVisible();

  // The email is read in another tab, as a person would; the form keeps its step.
  const mail = await context.newPage();
  const text = await readLatestEmail(mail, account, /Код для входа|кіру коды/);
  const code = /\b(\d{6})\b/.exec(text)?.[1] ?? "";
  expect(code).toMatch(/^\d{6}$/);
  await mail.close();

  await page.getByLabel("Хаттағы код").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Кіру" }).last().click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Код қате.");

  await page.getByLabel("Хаттағы код").fill(code);
  await page.getByRole("button", { name: "Кіру" }).last().click();
  await expect(page).toHaveURL(/\/kk\/account$/);
  await expect(page.getByRole("heading", { name: "Менің аккаунтым" })).toBeVisible();
});

test("a wrong password and bad sign-up input get specific translated errors", async ({ page }) => {
  await page.goto("/kk/auth/sign-up");
  await page.getByLabel("Электрондық пошта").fill("not-an-email");
  await page.getByLabel("Құпиясөз").fill("short");
  await page.getByLabel("Ұялы телефон (міндетті емес)").fill("+7 912 345 67 89");
  await page.getByRole("button", { name: "Тіркелу" }).click();
  await expect(page.getByText("Дұрыс пошта мекенжайын енгізіңіз, мысалы name@mail.kz.")).toBeVisible();
  await expect(page.getByText("Құпиясөз кемінде 8 таңбадан тұруы керек.")).toBeVisible();
  await expect(page.getByText("Қазақстандық ұялы нөмірді көрсетіңіз: +7 7XX XXX XX XX.")).toBeVisible();
  await expect(page.getByText("Қызметті тек 18 жастан асқан адамдар пайдалана алады.")).toBeVisible();
  await expect(page.getByLabel("Электрондық пошта")).toHaveAttribute("aria-invalid", "true");

  await page.goto("/ru/auth/sign-in");
  await page.getByLabel("Электронная почта").fill("seeker@demo.jumys.kz");
  await page.getByLabel("Пароль").fill("wrong-password-123");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Неверная почта или пароль.");
});
