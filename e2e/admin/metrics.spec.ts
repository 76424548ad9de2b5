import { expect, test, type Locator, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { sql } from "../fixtures/db";
import { signInAsStaff } from "../fixtures/staff";

// Days long past, that no other spec writes to: the numbers shown are compared with the
// database's own count, so runs against the same database may add to them.
const RANGE = { from: "2020-03-01", to: "2020-03-03" };

const TEXT = {
  ru: {
    title: "Метрики",
    from: "Первый день",
    to: "Последний день",
    apply: "Показать",
    period: "01.03.2020 — 03.03.2020",
    signups: "Новые соискатели и организации",
    revenue: "Выручка по продуктам",
    table: "Числа в таблице",
    backwards: "Начало периода позже его конца.",
    tooLong: "Период не может быть длиннее года.",
    badDay: "Укажите дни периода в виде ГГГГ-ММ-ДД (например, 2026-12-01).",
  },
  kk: {
    title: "Көрсеткіштер",
    from: "Бірінші күн",
    to: "Соңғы күн",
    apply: "Көрсету",
    period: "01.03.2020 — 03.03.2020",
    signups: "Жаңа жұмыс іздеушілер мен ұйымдар",
    revenue: "Өнімдер бойынша түсім",
    table: "Сандар кестеде",
    backwards: "Кезеңнің басы оның соңынан кейін тұр.",
    tooLong: "Кезең бір жылдан ұзақ болмауы керек.",
    badDay: "Кезең күндерін ЖЖЖЖ-АА-КК түрінде көрсетіңіз (мысалы, 2026-12-01).",
  },
} as const;

// Staff sign-in passes two factors before each test: on a busy machine that alone takes a while.
test.beforeEach(() => test.slow());

/** Seekers signed up on either side of midnight in Almaty (UTC+5) on the range's first night. */
async function seedSignups() {
  const tag = `metrics-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await sql(
    `INSERT INTO users (email, name, is_seeker, created_at, updated_at)
     VALUES ($1, 'Метрика', true, '2020-03-01T23:30:00+05:00', now()), ($2, 'Метрика', true, '2020-03-02T00:30:00+05:00', now())`,
    [`${tag}-a@example.kz`, `${tag}-b@example.kz`],
  );
}

async function seekersOn(day: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE is_seeker
       AND created_at >= (($1::date)::timestamp - interval '5 hours') AT TIME ZONE 'UTC'
       AND created_at < (($1::date + 1)::timestamp - interval '5 hours') AT TIME ZONE 'UTC'`,
    [day],
  );
  return row?.n ?? 0;
}

/** Tabs forward until `target` has the focus: a date field takes a Tab per part (day, month, year). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 4 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

async function expectFitsScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a superadmin reads the day-by-day numbers as charts and tables", async ({ page }, testInfo) => {
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  await seedSignups();
  await signInAsStaff(page, await staffAccount("SUPERADMIN"));
  await page.goto(`/${locale}/admin/metrics?from=${RANGE.from}&to=${RANGE.to}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.title);
  await expect(page.getByTestId("metrics-period")).toHaveText(text.period);

  const signups = page.getByRole("region", { name: text.signups });
  await expect(signups.getByRole("img")).toHaveAttribute(
    "aria-label",
    new RegExp(`^${text.signups}, 01\\.03\\.2020 — 03\\.03\\.2020`),
  );
  await signups.getByText(text.table).click();
  const table = signups.getByRole("table", { name: text.signups });
  await expect(table.getByRole("row")).toHaveCount(1 + 3 + 1);
  for (const [i, day] of ["2020-03-01", "2020-03-02", "2020-03-03"].entries()) {
    const row = table.getByRole("row").nth(1 + i);
    await expect(row.getByRole("rowheader")).toHaveText(`${day.slice(8)}.03.2020`);
    await expect(row.getByRole("cell").first()).toHaveText(String(await seekersOn(day)));
  }
  // Both sign-ups count, each on its own Almaty day.
  expect(await seekersOn("2020-03-01")).toBeGreaterThanOrEqual(1);
  expect(await seekersOn("2020-03-02")).toBeGreaterThanOrEqual(1);

  // The superadmin sees the revenue too, with every chart a picture with a summary.
  await expect(page.getByRole("region", { name: text.revenue })).toBeVisible();
  await expect(page.locator("svg[role=img]")).toHaveCount(6);
  await expectFitsScreen(page);
  await expectNoAxeViolations(page);
});

test("a range that cannot be shown is refused in words, and the form stays to fix it", async ({ page }, testInfo) => {
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  await signInAsStaff(page, await staffAccount("SUPERADMIN"));
  for (const [query, message] of [
    ["from=2020-03-05&to=2020-03-01", text.backwards],
    ["from=2019-01-01&to=2020-03-01", text.tooLong],
    ["from=2020-02-30&to=2020-03-01", text.badDay],
    [`from=${"9".repeat(40)}`, text.badDay],
  ] as const) {
    await page.goto(`/${locale}/admin/metrics?${query}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(message);
    await expect(page.getByLabel(text.from, { exact: true })).toBeVisible();
    await expect(page.locator("svg[role=img]")).toHaveCount(0);
  }
  await expectFitsScreen(page);
  await expectNoAxeViolations(page);
});

test("the range form works from the keyboard @keyboard", async ({ page }) => {
  const text = TEXT.kk;
  await signInAsStaff(page, await staffAccount("SUPERADMIN"));
  await page.goto("/kk/admin/metrics");
  // The default: the last 30 days.
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  const from = page.getByLabel(text.from, { exact: true });
  await from.focus();
  await from.fill(RANGE.from);
  const to = page.getByLabel(text.to, { exact: true });
  await tabTo(page, to);
  await to.fill(RANGE.to);
  await tabTo(page, page.getByRole("button", { name: text.apply }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/kk\/admin\/metrics\?from=2020-03-01&to=2020-03-03$/);
  await expect(page.getByTestId("metrics-period")).toHaveText(text.period);
});

test("finance sees only the revenue", async ({ page }) => {
  await signInAsStaff(page, await staffAccount("FINANCE"));
  await page.goto(`/ru/admin/metrics?from=${RANGE.from}&to=${RANGE.to}`);
  await expect(page.getByRole("region", { name: TEXT.ru.revenue })).toBeVisible();
  await expect(page.getByRole("region", { name: TEXT.ru.signups })).toHaveCount(0);
  await expect(page.locator("svg[role=img]")).toHaveCount(1);
  await expect(page.getByRole("navigation").getByRole("link", { name: TEXT.ru.title })).toHaveAttribute("aria-current", "page");
  await expectNoAxeViolations(page);
});

test("a moderator gets the 404 page", async ({ page }) => {
  await signInAsStaff(page, await staffAccount("MODERATOR"));
  await page.goto("/ru/admin/metrics");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page.locator("svg[role=img]")).toHaveCount(0);
});
