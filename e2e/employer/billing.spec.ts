import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { sql } from "../fixtures/db";

// A verified organisation of its own per test, owned by the demo employer: its cart and balance
// are not shared with the other tests running at the same time.
async function verifiedOrganization(): Promise<number> {
  const name = `Оплата ${Math.random().toString(36).slice(2, 8)}`;
  const [org] = await sql<{ id: number }>(
    `INSERT INTO organizations (type, legal_name, display_name, slug, verification, verified_at, updated_at)
     VALUES ('EMPLOYER', $1, $2, $3, 'VERIFIED', now(), now()) RETURNING id`,
    [`ТОО «${name}»`, name, name.toLowerCase().replace(/\s+/g, "-")],
  );
  await sql(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT id, $1, 'OWNER' FROM users WHERE email = 'employer@demo.jumys.kz'`,
    [org!.id],
  );
  return org!.id;
}

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
  // 100 000 ₸ credited by finance: an ADJUSTMENT entry, which the ledger trigger applies to the balance.
  await sql(`INSERT INTO billing_accounts (organization_id) VALUES ($1) ON CONFLICT DO NOTHING`, [orgId]);
  await sql(
    `INSERT INTO ledger_entries (organization_id, kind, amount_tiyn, balance_after_tiyn, reason, created_by_id)
     SELECT $1, 'ADJUSTMENT', 10000000, 10000000, 'Зачисление по платёжному поручению', id
     FROM users WHERE staff_role IS NOT NULL ORDER BY id LIMIT 1`,
    [orgId],
  );
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
  await expect(page.getByTestId("act-link")).toHaveAttribute("href", /^\/api\/billing\/acts\/\d+\/pdf$/);
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
