import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { verifiedOrganization } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: {
    save: "Сохранить поиск",
    name: "Название",
    weekly: "Раз в неделю, по понедельникам",
    create: "Сохранить",
    created: (name: string) => `Поиск «${name}» сохранён.`,
    manage: "Сохранённые поиски",
    title: "Сохранённые поиски резюме",
    weeklyShown: "Письма: раз в неделю",
    edit: "Изменить",
    emailsOff: "Отключить письма",
    emailsOffShown: "Письма отключены",
    delete: "Удалить",
    deleteYes: "Да, удалить",
    deleted: (name: string) => `Поиск «${name}» удалён.`,
    open: "Открыть поиск",
    duplicate: "Такой поиск уже сохранён",
  },
  kk: {
    save: "Іздеуді сақтау",
    name: "Атауы",
    weekly: "Аптасына бір рет, дүйсенбі сайын",
    create: "Сақтау",
    created: (name: string) => `«${name}» іздеуі сақталды.`,
    manage: "Сақталған іздеулер",
    title: "Сақталған түйіндеме іздеулері",
    weeklyShown: "Хаттар: аптасына бір рет",
    edit: "Өзгерту",
    emailsOff: "Хаттарды өшіру",
    emailsOffShown: "Хаттар өшірілген",
    delete: "Жою",
    deleteYes: "Иә, жою",
    deleted: (name: string) => `«${name}» іздеуі жойылды.`,
    open: "Іздеуді ашу",
    duplicate: "Мұндай іздеу сақталып қойған",
  },
} as const;

const run = () => Math.random().toString(36).slice(2, 8);

test("a member saves a resume search, finds it in their saved searches, renames it, turns its emails off and deletes it", async ({
  page,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const marker = run();
  const orgId = await verifiedOrganization("Сохранённые поиски");
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);

  await page.goto(`/${locale}/employer/${orgId}/resumes?q=${encodeURIComponent(`крановщик ${marker}`)}&licence=c`);
  await page.getByRole("button", { name: text.save, exact: true }).click();
  const name = `Крановщики ${marker}`;
  await page.getByLabel(text.name).fill(name);
  await page.getByLabel(text.weekly).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text.create, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: text.created(name) })).toBeFocused();
  const [row] = await sql<{ query: string; frequency: string }>(
    `SELECT query, frequency::text AS frequency FROM saved_resume_searches WHERE organization_id = $1 AND name = $2`,
    [orgId, name],
  );
  expect(row).toEqual({
    query: `q=${encodeURIComponent(`крановщик ${marker}`).replace(/%20/g, "+")}&licence=c`,
    frequency: "WEEKLY",
  });

  // The same search again is refused with a translated message, nothing is written.
  await page.reload();
  await page.getByRole("button", { name: text.save, exact: true }).click();
  await page.getByRole("button", { name: text.create, exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: text.duplicate })).toBeVisible();

  await page.getByRole("link", { name: text.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/resumes/saved$`));
  await expect(page.getByRole("heading", { name: text.title })).toBeVisible();
  const item = page.getByRole("article", { name });
  await expect(item).toContainText(text.weeklyShown);
  await expectNoAxeViolations(page);

  await item.getByRole("button", { name: text.edit, exact: true }).click();
  const renamed = `${name} B`;
  await item.getByLabel(text.name).fill(renamed);
  await item.getByRole("button", { name: text.create, exact: true }).click();
  const renamedItem = page.getByRole("article", { name: renamed });
  await expect(renamedItem).toBeVisible();

  await renamedItem.getByRole("button", { name: text.emailsOff, exact: true }).click();
  await expect(renamedItem).toContainText(text.emailsOffShown);

  await expect(renamedItem.getByRole("link", { name: text.open, exact: true })).toHaveAttribute(
    "href",
    new RegExp(`/employer/${orgId}/resumes\\?q=`),
  );
  await renamedItem.getByRole("button", { name: text.delete, exact: true }).click();
  await expect(renamedItem.getByRole("button", { name: text.deleteYes, exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: text.deleted(renamed) })).toBeVisible();
  await expect(page.getByRole("article", { name: renamed })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
