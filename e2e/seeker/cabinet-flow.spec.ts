import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn, signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { findVacancy, LIVE, sql } from "../fixtures/db";
import { linkIn, readLatestEmail, uniqueEmail } from "../fixtures/outbox";

const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-e2e-cron-secret-0123456789";

test("sign up, resume with licences, apply, subscribe, get the digest, unsubscribe signed out, delete the profile", async ({
  page,
  browser,
}) => {
  test.slow();
  const email = uniqueEmail("cabinet");
  const password = "cabinet-password-2026";
  const name = "Данияр Кабинетов";
  await signUpAndSignIn(page, { name, email, password, type: "seeker" });

  // A resume with licence categories.
  await page.goto("/ru/seeker/resumes/new");
  await page.getByLabel("Должность", { exact: true }).first().fill("Водитель категории C");
  await page.getByLabel("Специализации").selectOption({ index: 0 });
  await page.getByLabel("Категория C", { exact: true }).check();
  await page.locator("#licence-C-year").fill("2017");
  await page.getByRole("button", { name: "Сохранить резюме" }).click();
  await expect(page.getByText("Резюме сохранено.")).toBeVisible();
  await expect(page.getByText("с 2017 г.")).toBeVisible();

  // Apply to a vacancy of the demo employer with it.
  const vacancy = await findVacancy(
    `${LIVE} AND v.publication_type = 'STANDARD' AND o.id IN (SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'employer@demo.jumys.kz')`,
  );
  await page.goto(`/ru/vacancy/${vacancy.id}-${vacancy.slug}/apply`);
  await page.getByLabel("Водитель категории C").check();
  await page.getByLabel("Мобильный телефон").fill("+7 705 321 45 67");
  await page.getByRole("button", { name: "Отправить отклик" }).click();
  await expect(page).toHaveURL(/\/ru\/seeker\/applications$/);
  await expect(page.getByRole("link", { name: vacancy.title })).toBeVisible();
  await expect(page.getByText("Резюме: Водитель категории C")).toBeVisible();

  // A subscription from a search; its window is moved back a week, so the demo vacancies
  // published in that time are new to it.
  await page.goto("/ru/vacancies?q=водитель");
  await page.getByRole("button", { name: "Подписаться на поиск" }).click();
  await page.getByRole("button", { name: "Подписаться", exact: true }).click();
  await expect(page.getByText(/Подписка «.+» сохранена\./)).toBeVisible();
  await sql(
    `UPDATE subscriptions SET created_at = now() - interval '7 days'
     WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
    [email],
  );

  // The scheduler's call: without the secret it is refused, with it the digest goes out.
  expect((await page.request.post("/api/cron/digest")).status()).toBe(401);
  const run = await page.request.post("/api/cron/digest", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  const digest = await readLatestEmail(page, email, /по вашим подпискам/);
  expect(digest.toLowerCase()).toContain("водитель");
  expect(digest).toMatch(/\/ru\/vacancy\/\d+-/);
  const unsubscribe = linkIn(digest, "/unsubscribe");
  // "See all" opens the search with what is new since the subscription's window began.
  await page.goto(linkIn(digest, "since="));
  await expect(page.getByText(/Показаны вакансии, опубликованные после/)).toBeVisible();
  await expect(page.getByTestId("total")).not.toHaveText("Ничего не найдено");

  // Following the unsubscribe link signed out: a page with a button (mail scanners only GET).
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(unsubscribe);
  await expect(guestPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(guestPage);
  await guestPage.getByRole("button", { name: "Отписаться от писем" }).click();
  await expect(guestPage.getByText("Готово: вы отписались от писем с вакансиями.")).toBeVisible();
  await guest.close();
  const [prefs] = await sql<{ notify_digests: boolean }>("SELECT notify_digests FROM users WHERE email = $1", [email]);
  expect(prefs?.notify_digests).toBe(false);

  // The employer sees the application in the inbox.
  const employer = await browser.newContext();
  const employerPage = await employer.newPage();
  await signIn(employerPage, "employer@demo.jumys.kz", DEMO_PASSWORD, `/employer/${vacancy.org_id}/applications`);
  await expect(employerPage.getByText(name).first()).toBeVisible();

  // Delete the profile: password and the address typed out.
  await page.goto("/ru/account/data");
  await expectNoAxeViolations(page);
  await page.getByLabel("Текущий пароль").fill(password);
  await page.getByLabel(/Введите адрес почты/).fill(email);
  await page.getByRole("button", { name: "Удалить профиль навсегда" }).click();
  await expect.poll(async () => (await sql("SELECT id FROM users WHERE email = $1", [email])).length).toBe(0);
  await expect(page).not.toHaveURL(/\/account\/data/);

  // The employer no longer sees the application (it did before the deletion).
  await employerPage.reload();
  await expect(employerPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(employerPage.getByText(name)).toHaveCount(0);
  await employer.close();
});
