import { devices, expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount, verifiedOrganization } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: {
    request: "Отправить запрос на удаление",
    requested: /Запрос на удаление отправлен/,
    title: "Запросы на удаление организаций",
    confirm: (name: string) => `Введите название организации «${name}», чтобы подтвердить`,
    carryOut: "Удалить организацию",
    mismatch: "Название не совпадает",
    deleted: (name: string) => `Организация «${name}» удалена.`,
    notFound: "Страница не найдена",
  },
  kk: {
    request: "Жоюға сұрау жіберу",
    requested: /Жою туралы сұрау/,
    title: "Ұйымдарды жою сұраулары",
    confirm: (name: string) => `Растау үшін «${name}» ұйымының атауын енгізіңіз`,
    carryOut: "Ұйымды жою",
    mismatch: "Атауы сәйкес келмейді",
    deleted: (name: string) => `«${name}» ұйымы жойылды.`,
    notFound: "Бет табылмады",
  },
} as const;

test("an owner asks to delete the organisation; a superadmin carries it out and its page is gone", async ({
  page,
  browser,
}, testInfo) => {
  // Two accounts sign in (the staff one through its second factor) and an organisation is erased.
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const orgId = await verifiedOrganization("Удаление");
  const [org] = await sql<{ display_name: string; slug: string }>(`SELECT display_name, slug FROM organizations WHERE id = $1`, [
    orgId,
  ]);
  const name = org!.display_name;
  const companyPage = `/${locale}/company/${orgId}-${org!.slug}`;
  await page.goto(companyPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // The owner (the demo employer) asks from the dashboard.
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/${locale}/employer/${orgId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: text.request }).click();
  await expect(page.getByText(text.requested)).toBeVisible();

  // A superadmin finds it in the queue.
  const staff = await (await browser.newContext(testInfo.project.name === "phone" ? devices["Pixel 7"] : {})).newPage();
  await signInAsStaff(staff, await staffAccount("SUPERADMIN"), `/${locale}/admin`);
  await staff.goto(`/${locale}/admin`);
  await staff.locator('[data-queue="deletions"]').getByRole("link").click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(text.title);
  const request = staff.getByRole("article", { name });
  await expect(request).toBeVisible();
  await expectNoAxeViolations(staff);

  // A wrong name is refused with the reason; the right one deletes.
  const confirmation = request.getByLabel(text.confirm(name), { exact: true });
  await confirmation.fill("Другая компания");
  await request.getByRole("button", { name: text.carryOut }).click();
  await expect(request.getByText(text.mismatch).first()).toBeVisible();
  await confirmation.fill(name);
  await request.getByRole("button", { name: text.carryOut }).click();
  await expect(staff.getByText(text.deleted(name))).toBeVisible();
  await expect(staff.getByRole("article", { name })).toHaveCount(0);
  await staff.context().close();

  expect(await sql(`SELECT id FROM organizations WHERE id = $1`, [orgId])).toHaveLength(0);
  await page.goto(companyPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.notFound);
});
