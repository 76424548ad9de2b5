import { readFile } from "node:fs/promises";

import { expect, test, type Download, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount, verifiedOrganization } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: {
    payInvoice: "Выставить счёт на оплату",
    paidAt: "Дата оплаты",
    reference: "Номер платёжного документа банка",
    markPaid: "Записать оплату",
    amountSigned: "Сумма, ₸ (со знаком)",
    reason: "Причина",
    adjust: "Изменить баланс",
    adjustDone: "Баланс изменён.",
    amount: "Сумма, ₸",
    refund: "Оформить возврат",
    refundDone: "Возврат оформлен: сумма списана с баланса.",
    completed: "Возврат выполнен",
    notifications: /Уведомления платёжных систем/,
  },
  kk: {
    payInvoice: "Төлем шотын жазып беру",
    paidAt: "Төлем күні",
    reference: "Банктің төлем құжатының нөмірі",
    markPaid: "Төлемді жазу",
    amountSigned: "Сома, ₸ (таңбасымен)",
    reason: "Себебі",
    adjust: "Балансты өзгерту",
    adjustDone: "Баланс өзгертілді.",
    amount: "Сома, ₸",
    refund: "Қайтаруды рәсімдеу",
    refundDone: "Қайтару рәсімделді: сома баланстан алынды.",
    completed: "Қайтару орындалды",
    notifications: /Төлем жүйелерінің хабарламалары/,
  },
} as const;

const today = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);

async function balanceOf(orgId: number): Promise<bigint> {
  const [row] = await sql<{ b: string | null }>(
    `SELECT balance_tiyn::text AS b FROM billing_accounts WHERE organization_id = $1`,
    [orgId],
  );
  return BigInt(row?.b ?? "0");
}

/** Clicks a document link and returns the PDF the browser saved. */
async function downloadPdf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

async function openFinancePage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
}

test("finance marks an invoice paid, adjusts a balance and refunds part of it by bank transfer", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const orgId = await verifiedOrganization("Счёт");

  // The employer checks out by invoice through the billing page (cart + checkout, the real services).
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/${locale}/employer/${orgId}/billing`);
  await page.getByTestId("add-vacancy.standard").click();
  await page.getByTestId("cart").getByRole("button", { name: text.payInvoice }).click();
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM orders WHERE organization_id = $1 AND status = 'PENDING'`, [orgId])).length)
    .toBe(1);
  const [order] = await sql<{ id: number; number: string }>(
    `SELECT id, number FROM orders WHERE organization_id = $1 AND status = 'PENDING' AND payment_method = 'INVOICE'`,
    [orgId],
  );

  // The invoice downloads from the order's page as a PDF named by its number.
  await page.goto(`/${locale}/employer/${orgId}/billing/orders/${order!.id}`);
  await expectNoAxeViolations(page);
  const invoice = await downloadPdf(page, "invoice-link");
  expect(invoice.name).toMatch(/^СЧ-\d{4}-\d+\.pdf$|^invoice-\d{4}-\d+\.pdf$/);
  expect(invoice.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const use = testInfo.project.use;
  const context = await browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
  });
  const finance = await context.newPage();
  await signInAsStaff(finance, await staffAccount("FINANCE"));

  // Finds the order by its number and marks it paid.
  await openFinancePage(finance, `/${locale}/admin/finance?number=${encodeURIComponent(order!.number)}&method=INVOICE`);
  await finance.getByRole("link", { name: order!.number, exact: true }).click();
  await expect(finance).toHaveURL(new RegExp(`/admin/finance/orders/${order!.id}$`));
  await expectNoAxeViolations(finance);
  await finance.getByLabel(text.paidAt).fill(today());
  await finance.getByLabel(text.reference).fill(`PP-${order!.id}`);
  await finance.getByRole("button", { name: text.markPaid }).click();
  // The form goes away with the order's new state (its notice with it, the page refreshes).
  await expect
    .poll(async () => (await sql<{ status: string }>(`SELECT status::text FROM orders WHERE id = $1`, [order!.id]))[0]?.status)
    .toBe("ACTIVATED");
  await expect(finance.getByRole("button", { name: text.markPaid })).toHaveCount(0);
  const [paid] = await sql<{ status: string; credits: string }>(
    `SELECT o.status, (SELECT count(*) FROM entitlements e WHERE e.organization_id = o.organization_id)::text AS credits
       FROM orders o WHERE o.id = $1`,
    [order!.id],
  );
  expect(paid).toEqual({ status: "ACTIVATED", credits: "1" });
  await finance.reload();
  // Finance downloads the act of the activation.
  const act = await downloadPdf(finance, "act-link");
  expect(act.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await finance.getByText(text.notifications).click();
  await expectNoAxeViolations(finance);

  // Adjusts the balance up by 5 000 ₸ and refunds 2 000 ₸ of it by bank transfer.
  await openFinancePage(finance, `/${locale}/admin/finance/organizations/${orgId}`);
  await finance.getByLabel(text.amountSigned).fill("5000");
  await finance.locator("#adjust-reason").fill("Переплата по счёту");
  await finance.getByRole("button", { name: text.adjust }).click();
  await expect(finance.getByText(text.adjustDone)).toBeVisible();
  expect(await balanceOf(orgId)).toBe(500_000n);

  await finance.locator("#refund-amount").fill("2000");
  await finance.locator("#refund-reason").fill("Возврат остатка");
  await finance.getByRole("button", { name: text.refund }).click();
  await expect(finance.getByText(text.refundDone)).toBeVisible();
  expect(await balanceOf(orgId)).toBe(300_000n);
  const [refund] = await sql<{ id: number }>(`SELECT id FROM refunds WHERE organization_id = $1`, [orgId]);
  await finance.locator(`#refund-reference-${refund!.id}`).fill("PP-REF-1");
  await finance.getByRole("button", { name: text.completed }).click();
  await expect
    .poll(async () => (await sql<{ status: string }>(`SELECT status FROM refunds WHERE id = $1`, [refund!.id]))[0]?.status)
    .toBe("COMPLETED");
  await expectNoAxeViolations(finance);

  for (const path of ["payments", "tariffs", "revenue"]) await openFinancePage(finance, `/${locale}/admin/finance/${path}`);
  await context.close();
});

test("a moderator gets the 404 page on the finance console", async ({ page }, testInfo) => {
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const notFound = locale === "kk" ? "Бет табылмады" : "Страница не найдена";
  await signInAsStaff(page, await staffAccount("MODERATOR"));
  for (const path of ["", "/payments", "/tariffs", "/revenue"]) {
    await page.goto(`/${locale}/admin/finance${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(notFound);
  }
  await expectNoAxeViolations(page);
});
