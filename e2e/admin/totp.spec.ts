import { readFile } from "node:fs/promises";

import { expect, test, type Download } from "@playwright/test";

import { totpCodeAt, totpStep } from "../../src/server/services/auth/totp-secret";
import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { sql } from "../fixtures/db";
import { passSecondFactor, signInAsStaff } from "../fixtures/staff";

const TEXT = {
  ru: {
    enrolTitle: "Подключение второго фактора",
    start: "Показать QR-код",
    qr: "QR-код для приложения-аутентификатора",
    code: "Код из приложения",
    confirm: "Подключить",
    continue: "Я сохранил коды, перейти в консоль",
    verifyTitle: "Подтверждение входа",
    verify: "Подтвердить",
    wrong: "Код не подошёл",
    queues: "Очереди",
    signOut: "Выйти",
    auditTitle: "Журнал действий",
    action: "Действие",
    apply: "Показать",
    csv: "Скачать CSV",
  },
  kk: {
    enrolTitle: "Екінші факторды қосу",
    start: "QR-кодты көрсету",
    qr: "Аутентификатор қолданбасына арналған QR-код",
    code: "Қолданбадағы код",
    confirm: "Қосу",
    continue: "Кодтарды сақтадым, консольге өту",
    verifyTitle: "Кіруді растау",
    verify: "Растау",
    wrong: "Код сәйкес келмеді",
    queues: "Кезектер",
    signOut: "Шығу",
    auditTitle: "Әрекеттер журналы",
    action: "Әрекет",
    apply: "Көрсету",
    csv: "CSV жүктеу",
  },
} as const;

test("an admin enrols TOTP, signs out and in, and passes the code before the console renders", async ({ page }, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const email = await staffAccount("SUPERADMIN", { enrolled: false });

  await signIn(page, email, DEMO_PASSWORD);
  await page.goto(`/${locale}/admin`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/auth/second-factor/enrol\\?callbackUrl=%2Fadmin$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.enrolTitle);
  await expect(page.getByTestId("queues")).toHaveCount(0);
  await page.getByRole("button", { name: text.start }).click();
  await expect(page.getByRole("img", { name: text.qr })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page);

  const wrong = (await totpCodeAt(secret, totpStep(new Date()) + 5)).toString();
  await page.getByLabel(text.code).fill(wrong);
  await page.getByRole("button", { name: text.confirm }).click();
  await expect(page.locator("form [role=alert]")).toContainText(text.wrong);
  await page.getByLabel(text.code).fill(await totpCodeAt(secret, totpStep(new Date())));
  await page.getByRole("button", { name: text.confirm }).click();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text.continue }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.queues);

  const [row] = await sql<{ secret_enc: string; confirmed: boolean }>(
    `SELECT t.secret_enc, t.confirmed_at IS NOT NULL AS confirmed FROM staff_totp t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
    [email],
  );
  expect(row?.confirmed).toBe(true);
  expect(row?.secret_enc).not.toContain(secret);

  // Signing out ends the session; the next one asks for the code before anything of the console.
  await page.getByRole("button", { name: text.signOut }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}$`));
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto(`/${locale}/admin`);
  await expect(page).toHaveURL(new RegExp(`/${locale}/auth/second-factor\\?callbackUrl=%2Fadmin$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.verifyTitle);
  await expect(page.getByTestId("queues")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The console's procedures refuse the session too, not only its pages.
  const refused = await page.request.get("/api/trpc/admin.queues");
  expect(refused.status()).toBe(403);
  await passSecondFactor(page, email);
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.queues);
});

test("the audit log viewer filters one action and downloads it as CSV", async ({ page }, testInfo) => {
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const admin = await staffAccount("SUPERADMIN");
  // A role change of its own to find: the reason starts like a formula.
  const [target] = await sql<{ id: number }>(`SELECT id FROM users WHERE email = 'seeker@demo.jumys.kz'`);
  await sql(
    `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, reason, ip)
     SELECT id, 'staff.totp.reset', 'user', $2, '=1+1', '203.0.113.77' FROM users WHERE email = $1`,
    [admin, String(target!.id)],
  );

  await signInAsStaff(page, admin, `/${locale}/admin`);
  await page.getByRole("navigation").getByRole("link", { name: text.auditTitle }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/audit$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.auditTitle);
  await page.getByLabel(text.action, { exact: true }).selectOption("staff.totp.reset");
  await page.getByRole("button", { name: text.apply }).click();
  await expect(page).toHaveURL(/action=staff\.totp\.reset/);
  const rows = page.getByTestId("audit").locator("tbody tr");
  await expect(rows.first()).toContainText("staff.totp.reset");
  for (const action of await rows.locator("td:nth-child(3)").allTextContents()) expect(action).toBe("staff.totp.reset");
  await expectNoAxeViolations(page);

  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: text.csv }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toContain(locale === "kk" ? "Әрекет" : "Действие");
  expect(lines.slice(1).every((line) => line.includes(";staff.totp.reset;"))).toBe(true);
  expect(lines.some((line) => line.includes(`;${admin};staff.totp.reset;user;${target!.id};'=1+1;;203.0.113.77`))).toBe(true);
});
