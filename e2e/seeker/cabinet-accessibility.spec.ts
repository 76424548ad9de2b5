import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";

// The seeker's own pages, in both languages, on a desktop and a phone (see the projects).
const PAGES = [
  "/seeker/resumes",
  "/seeker/resumes/new",
  "/seeker/applications",
  "/seeker/subscriptions",
  "/saved",
  "/account",
  "/account/profile",
  "/account/security",
  "/account/data",
];

test("the seeker's cabinet pages pass axe checks in ru and kk and fit the screen", async ({ page }) => {
  // Eighteen pages, each checked by axe: minutes on a busy machine.
  test.setTimeout(360_000);
  await signIn(page, "seeker@demo.jumys.kz", DEMO_PASSWORD);
  for (const locale of ["ru", "kk"] as const) {
    for (const path of PAGES) {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${locale}${path}`).toBe(true);
    }
  }
  // The demo seeker's resume, as its owner sees it.
  await page.goto("/kk/seeker/resumes");
  await page.getByRole("main").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the resume form works from the keyboard @keyboard", async ({ page }) => {
  await signIn(page, "seeker@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto("/ru/seeker/resumes/new");
  await page.getByLabel("Должность", { exact: true }).first().focus();
  await page.keyboard.type("Кладовщик");
  // Submitting with Enter from a text field: the errors are announced and focus moves to the first one.
  await page.keyboard.press("Enter");
  await expect(page.getByText("Исправьте ошибки в форме.")).toBeVisible();
  await expect(page.getByLabel("Специализации")).toBeFocused();
  // Adding a job moves nothing out of reach: the new fields are next in the tab order.
  await page.getByRole("button", { name: "Добавить место работы" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("group", { name: "Место работы 1" }).getByLabel("Должность").focus();
  await page.keyboard.type("Кладовщик");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("group", { name: "Место работы 1" }).getByLabel("Компания")).toBeFocused();
});
