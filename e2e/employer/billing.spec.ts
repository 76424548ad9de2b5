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
