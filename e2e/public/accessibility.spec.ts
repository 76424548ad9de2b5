import { expect, test } from "@playwright/test";

import { visitFromOwnAddress } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { findVacancy, LIVE, sql } from "../fixtures/db";
import { passSecondFactor } from "../fixtures/staff";

// Its sign-ins come from visitors of their own (see visitFromOwnAddress).
test.beforeEach(async ({ page }) => {
  await visitFromOwnAddress(page);
});

const PAGES = [
  "",
  "/auth/sign-in",
  "/auth/sign-up",
  "/auth/code",
  "/auth/verify-email",
  "/terms",
  "/privacy",
  "/feedback",
  "/no-such-page",
];

for (const locale of ["ru", "kk"] as const) {
  for (const path of PAGES) {
    test(`${locale}${path || "/"} passes axe checks`, async ({ page }) => {
      await page.goto(`/${locale}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }
}

// The search, vacancy, landing, saved and company pages: one test per page and language, so that
// each stays far from the test timeout on a loaded machine (axe takes seconds on a big page).
let seeded: Promise<{ vacancy: string; city: string; company: string }> | undefined;
function seededPaths() {
  seeded ??= (async () => {
    const vacancy = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
    const city = (
      await sql<{ slug: string }>("SELECT c.slug FROM vacancies v JOIN cities c ON c.id = v.city_id WHERE v.id = $1", [
        vacancy.id,
      ])
    )[0]?.slug;
    if (!city) throw new Error(`vacancy ${vacancy.id} has no city`);
    return {
      vacancy: `/vacancy/${vacancy.id}-${vacancy.slug}`,
      city: `/jobs/${city}`,
      company: `/company/${vacancy.org_id}-${vacancy.org_slug}`,
    };
  })();
  return seeded;
}

const SEEDED_PAGES: [string, () => Promise<string>][] = [
  ["search", async () => "/vacancies"],
  ["search results", async () => "/vacancies?q=водитель"],
  ["vacancy", async () => (await seededPaths()).vacancy],
  ["city landing", async () => (await seededPaths()).city],
  ["saved", async () => "/saved"],
  ["company", async () => (await seededPaths()).company],
];

for (const locale of ["ru", "kk"] as const) {
  for (const [name, path] of SEEDED_PAGES) {
    test(`${locale} ${name} page passes axe checks`, async ({ page }) => {
      await page.goto(`/${locale}${await path()}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }
}

test("the signed-in account page passes axe checks", async ({ page }) => {
  const admin = await staffAccount("SUPERADMIN");
  await page.goto("/ru/auth/sign-in");
  await page.getByLabel("Электронная почта").fill(admin);
  await page.getByLabel("Пароль").fill("demo-password-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("heading", { name: "Мой аккаунт" })).toBeVisible();
  await expect(page.getByText("Этот сеанс")).toBeVisible();
  await expectNoAxeViolations(page);
  // Staff pass the second factor before the console opens.
  await page.goto("/kk/admin/emails");
  await passSecondFactor(page, admin);
  await expect(page.getByRole("heading", { name: "Хаттар журналы" })).toBeVisible();
  await expectNoAxeViolations(page);
});

// Tagged: the phone project (touch, no keyboard) leaves it out in playwright.config.ts.
test("sign-in works with the keyboard alone @keyboard", async ({ page }) => {
  await page.goto("/ru/auth/sign-in");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Перейти к содержимому" })).toBeFocused();
  await page.getByLabel("Электронная почта").focus();
  await page.keyboard.type("seeker@demo.jumys.kz");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Пароль")).toBeFocused();
  await page.keyboard.type("demo-password-2026");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ru\/account$/);
});

test("the feedback form stores a ticket for a guest", async ({ page }) => {
  await page.goto("/kk/feedback");
  await page.getByLabel("Аты").fill("Қонақ");
  await page.getByLabel("Электрондық пошта").fill("guest@example.kz");
  await page.getByLabel("Хабарлама").fill("Сайт өте ыңғайлы, рақмет!");
  await page.getByRole("button", { name: "Жіберу" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("өтініш қабылданды");
});

test("public pages are cached for everyone and never carry the signed-in user", async ({ page }) => {
  await page.goto("/ru/auth/sign-in");
  await page.getByLabel("Электронная почта").fill("seeker@demo.jumys.kz");
  await page.getByLabel("Пароль").fill("demo-password-2026");
  await page.getByRole("button", { name: "Войти" }).click();
  const name = (await page.getByTestId("current-user").textContent()) ?? "";
  expect(name.length).toBeGreaterThan(1);

  // Requested with the session cookie: the cached HTML must still be the same for everyone.
  const home = await page.request.get("/ru");
  expect(home.headers()["cache-control"]).toMatch(/s-maxage=\d+/);
  expect(await home.text()).not.toContain(name);
  const account = await page.request.get("/ru/account");
  expect(account.headers()["cache-control"]).toContain("no-store");
  expect(await account.text()).toContain(name);
});
