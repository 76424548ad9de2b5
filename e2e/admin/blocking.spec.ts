import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { signInAsStaff } from "../fixtures/staff";
import { findVacancy, LIVE, sql } from "../fixtures/db";

const TEXT = {
  ru: {
    search: "Название или БИН/ИИН",
    find: "Найти",
    reason: "Причина блокировки (её увидят заблокированные)",
    block: "Заблокировать",
    lifted: "Блокировка снята",
    gone: "больше не принимает отклики",
    appealLabel: "Почему блокировку нужно снять",
    appealSend: "Отправить апелляцию",
    ownBlock: "Эту блокировку сделали вы: решение примет другой сотрудник.",
    note: "Комментарий к решению",
    lift: "Снять блокировку",
  },
  kk: {
    search: "Атауы немесе БСН/ЖСН",
    find: "Табу",
    reason: "Бұғаттау себебі (оны бұғатталғандар көреді)",
    block: "Бұғаттау",
    lifted: "Бұғаттау алынды",
    gone: "бос орнына өтінім қабылданбайды",
    appealLabel: "Бұғаттауды неге алу керек",
    appealSend: "Апелляция жіберу",
    ownBlock: "Бұл бұғаттауды сіз қойдыңыз: шешімді басқа қызметкер қабылдайды.",
    note: "Шешімге түсініктеме",
    lift: "Бұғаттауды алу",
  },
} as const;

/** An account of its own that is no staff (a staff account whose role is taken away). */
async function plainAccount(): Promise<string> {
  const email = await staffAccount("MODERATOR");
  await sql(`UPDATE users SET staff_role = NULL WHERE email = $1`, [email]);
  return email;
}

/** An organisation owned by `ownerEmail` with one public vacancy whose title has a word of its own. */
async function organizationWithVacancy(ownerEmail: string, word: string) {
  const source = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  const name = `Блок Тест ${word}`;
  const [org] = await sql<{ id: number }>(
    `INSERT INTO organizations (type, legal_name, display_name, slug, verification, verified_at, updated_at)
     VALUES ('EMPLOYER', $1, $2, $3, 'VERIFIED', now(), now()) RETURNING id`,
    [`ТОО «${name}»`, name, `blok-${word}`],
  );
  if (!org) throw new Error("no organisation");
  await sql(`INSERT INTO memberships (user_id, organization_id, role) SELECT id, $1, 'OWNER' FROM users WHERE email = $2`, [
    org.id,
    ownerEmail,
  ]);
  const [vacancy] = await sql<{ id: number; slug: string }>(
    `INSERT INTO vacancies (organization_id, title, slug, description, city_id, status, publication_type, published_at, expires_at, updated_at)
     SELECT $1, $3, slug, description, city_id, 'PUBLISHED', 'STANDARD', now(), now() + interval '30 days', now()
     FROM vacancies WHERE id = $2 RETURNING id, slug`,
    [org.id, source.id, `Бульдозерист ${word}`],
  );
  if (!vacancy) throw new Error("no vacancy");
  await sql(
    `INSERT INTO vacancy_specializations (vacancy_id, specialization_id)
     SELECT $1, specialization_id FROM vacancy_specializations WHERE vacancy_id = $2`,
    [vacancy.id, source.id],
  );
  await sql("SELECT refresh_vacancy_search($1::int[])", [[vacancy.id]]);
  return { orgId: org.id, name, vacancy };
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return page;
}

/** A staff member's page, past the second factor. */
async function staffPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAsStaff(page, email);
  return page;
}

test("a moderator blocks an organisation, its owner appeals, another moderator lifts it", async ({ browser }, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const word = `q${Math.random().toString(36).slice(2, 8)}`;
  const ownerEmail = await plainAccount();
  const { orgId, name, vacancy } = await organizationWithVacancy(ownerEmail, word);
  const vacancyUrl = `/${locale}/vacancy/${vacancy.id}-${vacancy.slug}`;
  const inResults = (page: Page) => page.getByTestId("results").locator(`a[href*="/vacancy/${vacancy.id}-"]`);

  const guest = await (await browser.newContext()).newPage();
  await guest.goto(`/${locale}/vacancies?q=${word}`);
  await expect(inResults(guest).first()).toBeVisible();

  // The moderator finds the organisation by name and blocks it with a reason.
  const moderator = await staffPage(browser, await staffAccount("MODERATOR"));
  await moderator.goto(`/${locale}/admin/blocks`);
  await moderator.getByLabel(text.search, { exact: true }).fill(name);
  await moderator.getByRole("button", { name: text.find }).first().click();
  const card = moderator.locator(`[data-org="${orgId}"]`);
  await card.getByLabel(text.reason, { exact: true }).fill("Требуют предоплату за трудоустройство");
  await card.getByRole("button", { name: text.block }).click();
  // The card now shows the block in force with its reason (and the form to lift it).
  await expect(card.getByText(/Требуют предоплату за трудоустройство/)).toBeVisible();
  await expectNoAxeViolations(moderator);

  // Gone from search, and its page says so (410).
  await guest.goto(`/${locale}/vacancies?q=${word}`);
  await expect(inResults(guest)).toHaveCount(0);
  const response = await guest.goto(vacancyUrl);
  expect(response?.status()).toBe(410);
  await expect(guest.getByRole("heading", { level: 1 })).toContainText(text.gone);

  // The owner signs in, reads the reason, and appeals once.
  const owner = await signedInPage(browser, ownerEmail);
  await owner.goto(`/${locale}/employer/${orgId}`);
  await expect(owner.getByText("Требуют предоплату за трудоустройство")).toBeVisible();
  await owner
    .getByLabel(text.appealLabel, { exact: true })
    .fill("Мы не берём денег с соискателей: это ошибка, просим проверить.");
  await owner.getByRole("button", { name: text.appealSend }).click();
  // The dashboard now says the appeal waits, and offers no second one.
  await expect(owner.getByTestId("appeal-state")).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.reload();
  await expect(owner.getByTestId("appeal-state")).toBeVisible();
  await expect(owner.getByLabel(text.appealLabel, { exact: true })).toHaveCount(0);

  // The moderator who blocked cannot decide; another one lifts the block.
  await moderator.goto(`/${locale}/admin/appeals`);
  const ownAppeal = moderator.locator("li[data-appeal]").filter({ hasText: name });
  await expect(ownAppeal.getByText(text.ownBlock)).toBeVisible();
  await expect(ownAppeal.getByRole("button", { name: text.lift })).toHaveCount(0);

  const other = await staffPage(browser, await staffAccount("MODERATOR"));
  await other.goto(`/${locale}/admin/appeals`);
  const appeal = other.locator("li[data-appeal]").filter({ hasText: name });
  await appeal.getByLabel(text.note, { exact: true }).fill("Предоплаты не нашли, блокировку снимаем.");
  await expectNoAxeViolations(other);
  await appeal.getByRole("button", { name: text.lift }).click();
  // Decided: it moves to the recent decisions, with who lifted it.
  await expect(other.locator("li").filter({ hasText: name }).filter({ hasText: text.lifted })).toBeVisible();
  await expect(other.locator("li[data-appeal]").filter({ hasText: name })).toHaveCount(0);

  // The vacancy is back.
  await guest.goto(`/${locale}/vacancies?q=${word}`);
  await expect(inResults(guest).first()).toBeVisible();
  expect((await guest.goto(vacancyUrl))?.status()).toBe(200);

  for (const p of [guest, moderator, owner, other]) await p.context().close();
});
