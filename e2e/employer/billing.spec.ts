import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { expectNoAxeViolations } from "../fixtures/axe";
import { creditBalance, staffAccount, verifiedOrganization } from "../fixtures/billing";
import { draftVacancy, sql } from "../fixtures/db";

const TEXT = {
  ru: { add: "В корзину", card: "Оплатить картой", pay: "Оплатить", activated: "оплачен и активирован", left: "осталось 3 из 3" },
  kk: { add: "Себетке", card: "Картамен төлеу", pay: "Төлеу", activated: "төленді және іске қосылды", left: "3 ішінен 3 қалды" },
} as const;

test("an employer buys 3 premium publications by card through the provider's page; the credits appear", async ({
  page,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const orgId = await verifiedOrganization();
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);

  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await expect(page.getByTestId("balance")).toHaveText("0\u00a0₸");
  await expectNoAxeViolations(page);

  const premium = page.locator("li").filter({ has: page.getByTestId("add-vacancy.premium") });
  await premium.getByRole("spinbutton").fill("3");
  await page.getByTestId("add-vacancy.premium").click();
  const cart = page.getByTestId("cart");
  await expect(cart.getByText(/× 3/)).toBeVisible();
  // 3 × 24 900 ₸, VAT included.
  await expect(page.getByTestId("cart-total")).toContainText("74\u202f700\u00a0₸");
  await expectNoAxeViolations(page);
  await cart.getByRole("button", { name: text.card }).click();

  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/billing/pay/\\d+$`));
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text.pay, exact: true }).click();

  // The provider's page (the dev checkout), which calls our webhook with a signed notification.
  await expect(page).toHaveURL(/\/dev\/checkout\/\d+\?provider=cloudpayments$/);
  await expect(page.getByTestId("dev-checkout-amount")).toHaveText("74\u202f700\u00a0₸");
  await page.getByRole("button", { name: text.pay, exact: true }).click();

  await expect(page).toHaveURL(/\?result=success$/);
  await expect(page.getByTestId("order-status")).toContainText(text.activated);

  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await expect(page.getByTestId("entitlements")).toContainText(text.left);
  await expect(page.getByTestId("ledger").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("balance")).toHaveText("0\u00a0₸");
  const [stored] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM payment_notifications n JOIN payments p ON p.id = n.payment_id
     WHERE p.organization_id = $1 AND n.verified`,
    [orgId],
  );
  expect(Number(stored!.n)).toBe(1);
});

test("an observer sees the balance and credits but cannot buy", async ({ page }) => {
  const orgId = await verifiedOrganization();
  await sql(`UPDATE memberships SET role = 'OBSERVER' WHERE organization_id = $1`, [orgId]);
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/ru/employer/${orgId}/billing`);
  await expect(page.getByText("Покупать могут владелец и менеджеры организации.")).toBeVisible();
  await expect(page.getByRole("button", { name: "В корзину" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

const BALANCE_TEXT = {
  ru: {
    payBalance: "Оплатить с баланса",
    left: "осталось 3 из 3",
    purchase: "Оплата заказа",
    orders: "Все заказы",
    ledger: "Все движения средств",
    activated: "оплачен и активирован",
  },
  kk: {
    payBalance: "Баланстан төлеу",
    left: "3 ішінен 3 қалды",
    purchase: "Тапсырысты төлеу",
    orders: "Барлық тапсырыстар",
    ledger: "Қаражаттың барлық қозғалысы",
    activated: "төленді және іске қосылды",
  },
} as const;

test("an owner with money on the balance buys 3 premium publications from it; credits, ledger and act show", async ({
  page,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = BALANCE_TEXT[locale];
  const orgId = await verifiedOrganization();
  await creditBalance(orgId, 10_000_000);
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);

  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await expect(page.getByTestId("balance")).toHaveText("100\u202f000\u00a0₸");
  const premium = page.locator("li").filter({ has: page.getByTestId("add-vacancy.premium") });
  await premium.getByRole("spinbutton").fill("3");
  await page.getByTestId("add-vacancy.premium").click();
  await expect(page.getByTestId("cart-total")).toContainText("74\u202f700\u00a0₸");
  await page.getByTestId("cart").getByRole("button", { name: text.payBalance }).click();

  await expect(page.getByTestId("balance")).toHaveText("25\u202f300\u00a0₸");
  const credits = page.getByTestId("entitlements");
  await expect(credits).toContainText(text.left);
  // Fewer than 10 of a kind: 30 days from now, written as a date.
  await expect(credits).toContainText(/\d{4}/);

  await page.getByRole("link", { name: text.ledger }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/billing/ledger$`));
  await expect(page.getByTestId("ledger")).toContainText(text.purchase);
  await expect(page.getByTestId("ledger")).toContainText("−74\u202f700\u00a0₸");
  await expectNoAxeViolations(page);
  await page.goto(`/${locale}/employer/${orgId}/billing/ledger?kind=PURCHASE`);
  await expect(page.getByTestId("ledger").locator("li")).toHaveCount(1);
  await expect(page.getByRole("link", { name: /CSV/ })).toHaveAttribute("href", `/api/billing/ledger/${orgId}/csv?kind=PURCHASE`);

  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await page.getByRole("link", { name: text.orders }).click();
  await expectNoAxeViolations(page);
  await page.getByTestId("orders").getByRole("link").first().click();
  await expect(page.getByTestId("order-status")).toHaveText(text.activated);
  await expect(page.getByTestId("act-link")).toHaveAttribute("href", new RegExp(`^/api/billing/acts/\\d+/pdf\\?lang=${locale}$`));
  await expectNoAxeViolations(page);
  // Nothing is wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the price list renders in Kazakh and is indexable", async ({ page }) => {
  await page.goto("/kk/prices");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Жұмыс берушілер мен автомектептерге арналған қызметтер бағасы",
  );
  await expect(page.getByTestId("prices-VACANCY_PUBLICATION")).toContainText("24\u202f900\u00a0₸");
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/kk\/prices$/);
  await expect(page.locator('meta[name="robots"][content*="noindex"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

const PREMIUM_TEXT = {
  ru: {
    card: "Оплатить картой",
    pay: "Оплатить",
    submit: "Отправить на модерацию",
    submitted: "Статус: На модерации",
    bought: "осталось 2 из 2",
    held: "осталось 0 из 2",
    returned: "осталось 1 из 2",
    priority: "Премиум-вакансии",
  },
  kk: {
    card: "Картамен төлеу",
    pay: "Төлеу",
    submit: "Модерацияға жіберу",
    submitted: "Мәртебесі: Модерацияда",
    bought: "2 ішінен 2 қалды",
    held: "2 ішінен 0 қалды",
    returned: "2 ішінен 1 қалды",
    priority: "Премиум бос орындар",
  },
} as const;

test("premium publications: the approved vacancy tops the search, the one the moderator removes returns its credit", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = PREMIUM_TEXT[locale];
  const orgId = await verifiedOrganization("Премиум");
  const suffix = Math.random().toString(36).slice(2, 6);
  const approvedTitle = `Дегустатор кумыса ${locale} ${suffix}`;
  const removedTitle = `Сомелье шубата ${locale} ${suffix}`;
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);

  // Two premium publications by card, through the provider's page (the dev checkout).
  await page.goto(`/${locale}/employer/${orgId}/billing`);
  const premium = page.locator("li").filter({ has: page.getByTestId("add-vacancy.premium") });
  await premium.getByRole("spinbutton").fill("2");
  await page.getByTestId("add-vacancy.premium").click();
  await page.getByTestId("cart").getByRole("button", { name: text.card }).click();
  await page.getByRole("button", { name: text.pay, exact: true }).click();
  await expect(page).toHaveURL(/\/dev\/checkout\/\d+/);
  await page.getByRole("button", { name: text.pay, exact: true }).click();
  await expect(page).toHaveURL(/\?result=success$/);
  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await expect(page.getByTestId("entitlements")).toContainText(text.bought);

  // Both drafts go to moderation, each holding a credit.
  const approvedId = await draftVacancy(orgId, approvedTitle, "PREMIUM");
  const removedId = await draftVacancy(orgId, removedTitle, "PREMIUM");
  for (const id of [approvedId, removedId]) {
    await page.goto(`/${locale}/employer/${orgId}/vacancies/${id}`);
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page.getByText(text.submitted)).toBeVisible();
  }
  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await expect(page.getByTestId("entitlements")).toContainText(text.held);

  // The moderator publishes one and removes the other.
  const use = testInfo.project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, viewport: use.viewport, isMobile: use.isMobile });
  const moderator = await context.newPage();
  await signInAsStaff(moderator, await staffAccount("MODERATOR"));
  // The queue is paged: each vacancy is found by its title, as a moderator would.
  const find = (title: string) => moderator.goto(`/ru/admin/moderation?q=${encodeURIComponent(title)}`);
  const item = (title: string) =>
    moderator.getByRole("listitem").filter({ has: moderator.getByRole("heading", { name: title }) });
  await find(approvedTitle);
  await item(approvedTitle).getByRole("button", { name: "Опубликовать" }).click();
  await expect(moderator.getByText(`Решение по «${approvedTitle}» принято.`)).toBeVisible();
  await find(removedTitle);
  await item(removedTitle).getByLabel("Причина (увидит работодатель)").fill("Вакансия не соответствует правилам.");
  await item(removedTitle).getByRole("button", { name: "Снять" }).click();
  await expect(moderator.getByText(`Решение по «${removedTitle}» принято.`)).toBeVisible();
  await context.close();

  // The removed vacancy's credit is back; the published one spent its own.
  await page.reload();
  await expect(page.getByTestId("entitlements")).toContainText(text.returned);

  // A guest searching for it finds it in the premium block above the ordinary results.
  const guest = await (await browser.newContext({ baseURL: use.baseURL })).newPage();
  await guest.goto(`/${locale}/vacancies?q=${encodeURIComponent("дегустатор кумыса")}`);
  const block = guest.getByRole("region", { name: text.priority });
  await expect(block).toContainText(approvedTitle);
  await expect(block.getByRole("heading", { level: 3 }).first()).toBeVisible();
  // The block comes before the ordinary results (if the query has any besides it).
  const order = await guest.evaluate(() => {
    const block = document.querySelector('[aria-labelledby="priority-heading"]');
    const results = document.querySelector('[data-testid="results"]');
    return results && block ? block.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING : 1;
  });
  expect(order).toBeTruthy();
  await expect(guest.getByText(removedTitle)).toHaveCount(0);
  await expectNoAxeViolations(guest);
  await guest.context().close();
});

const ACCESS_TEXT = {
  ru: {
    period: "Срок и просмотры",
    region: "Регион",
    specialization: "Специализация",
    payBalance: "Оплатить с баланса",
    all: "все специализации",
    paid: /оплачен с баланса/,
    noAccess: "только при действующем доступе к базе резюме",
  },
  kk: {
    period: "Мерзімі мен қараулар",
    region: "Өңір",
    specialization: "Мамандық",
    payBalance: "Баланстан төлеу",
    all: "барлық мамандықтар",
    paid: /баланстан төленді/,
    noAccess: "қолжетімділік әрекет етіп тұрғанда ғана сатылады",
  },
} as const;

test("an employer buys a week of the resume database for a region with extra views, from the balance", async ({
  page,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = ACCESS_TEXT[locale];
  const orgId = await verifiedOrganization("Доступ");
  await creditBalance(orgId, 30_000_000);
  const [region] = await sql<{ id: number }>(`SELECT id FROM regions ORDER BY sort_order, id LIMIT 1`);
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/${locale}/employer/${orgId}/billing`);

  // Without a running access extra views cannot be bought alone: the server says why.
  await page.getByTestId("add-views-resumes.views.500").click();
  await expect(page.getByRole("alert").filter({ hasText: text.noAccess })).toBeVisible();
  await expect(page.getByTestId("cart")).not.toContainText("500");

  // A week (580 views) of one region, all specializations; with it, 500 extra views.
  const access = page.getByTestId("access-form");
  await access.getByLabel(text.period).selectOption("resumes.access.7d");
  await access.getByLabel(text.region).selectOption(String(region!.id));
  await expect(access.getByLabel(text.specialization)).toHaveValue("");
  await expectNoAxeViolations(page);
  await page.getByTestId("add-access").click();
  const cart = page.getByTestId("cart");
  await expect(cart.getByText(text.all)).toBeVisible();
  await page.getByTestId("add-views-resumes.views.500").click();
  await expect(cart.locator("li")).toHaveCount(2);
  await cart.getByRole("button", { name: text.payBalance }).click();
  await expect(page.getByText(text.paid)).toBeVisible();

  const credits = page.getByTestId("entitlements");
  await expect(credits.locator("li")).toHaveCount(2);
  const [rows] = await sql<{ access: string; views: string }>(
    `SELECT (SELECT units_total FROM entitlements WHERE organization_id = $1 AND kind = 'RESUME_ACCESS' AND region_id = $2)::text AS access,
            (SELECT units_total FROM entitlements WHERE organization_id = $1 AND kind = 'CONTACT_VIEWS' AND region_id = $2)::text AS views`,
    [orgId, region!.id],
  );
  expect(rows).toEqual({ access: "580", views: "500" });
  // Both end together: the pack lives as long as the access.
  const [ends] = await sql<{ same: boolean }>(
    `SELECT count(DISTINCT valid_until) = 1 AS same FROM entitlements WHERE organization_id = $1`,
    [orgId],
  );
  expect(ends!.same).toBe(true);
  await expectNoAxeViolations(page);
});
