import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { verifiedOrganization } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: {
    nav: "База резюме",
    query: "Должность, навыки или ключевые слова",
    submit: "Найти",
    filters: "Фильтры",
    apply: "Применить",
    found: (n: number) => `Найдено резюме: ${n}`,
    verified: "Подтверждено автошколой",
    closed: "Искать по базе резюме могут только проверенные организации",
  },
  kk: {
    nav: "Түйіндемелер базасы",
    query: "Лауазым, дағдылар немесе кілт сөздер",
    submit: "Іздеу",
    filters: "Сүзгілер",
    apply: "Қолдану",
    found: (n: number) => `Табылған түйіндемелер: ${n}`,
    verified: "Автомектеп растаған",
    closed: "Түйіндемелер базасынан тек тексерілген ұйымдар іздей алады",
  },
} as const;

const run = () => Math.random().toString(36).slice(2, 8);

/**
 * Two seekers of this test alone with a resume each (category C on both, confirmed by a driving
 * school on one), in the database as the app keeps it (refresh_resume_search, as a save does).
 */
async function seekersWithResumes(marker: string) {
  const ids: number[] = [];
  for (const verified of [true, false]) {
    const [user] = await sql<{ id: number }>(
      `INSERT INTO users (email, name, is_seeker, email_verified_at, adult_declared_at)
       VALUES ($1, $2, true, now(), now()) RETURNING id`,
      [`rdb-${marker}-${verified ? "v" : "n"}@example.kz`, `Скрытое Имя ${marker}`],
    );
    const [resume] = await sql<{ id: number }>(
      `INSERT INTO resumes (user_id, title, desired_salary, city_id, employment_types, schedules, skills, visibility, updated_at)
       SELECT $1, $2, 500000, c.id, '{FULL_TIME}', '{SHIFT}', $3::text[], 'ALL', now() FROM cities c WHERE c.slug = 'almaty'
       RETURNING id`,
      [user!.id, verified ? "Водитель-инкассатор" : "Водитель-инкассатор, стаж 3 года", [`Маршрут ${marker}`, "Тахограф"]],
    );
    await sql(`INSERT INTO resume_licences (resume_id, category, year_obtained) VALUES ($1, 'C', 2019)`, [resume!.id]);
    if (verified) {
      await sql(
        `INSERT INTO verified_licences (user_id, category, school_name, certificate_date) VALUES ($1, 'C', 'Автошкола «Жол»', '2024-05-01')`,
        [user!.id],
      );
    }
    ids.push(resume!.id);
  }
  await sql(`SELECT refresh_resume_search($1::integer[])`, [ids]);
}

async function openFilters(page: Page, isPhone: boolean, label: string) {
  if (isPhone) await page.getByRole("button", { name: new RegExp(`^${label}`) }).click();
}

test("a verified employer searches the resume database, narrows it to school-verified category C and opens a resume", async ({
  page,
}, testInfo) => {
  test.slow();
  const isPhone = testInfo.project.name === "phone";
  const locale = isPhone ? "kk" : "ru";
  const text = TEXT[locale];
  const marker = run();
  await seekersWithResumes(marker);
  const orgId = await verifiedOrganization("Кадры");
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);

  await page.goto(`/${locale}/employer/${orgId}`);
  await page.getByRole("link", { name: text.nav, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/resumes$`));
  await expectNoAxeViolations(page);

  await page.getByLabel(text.query).fill(`инкассатор ${marker}`);
  await page.getByRole("button", { name: text.submit, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: text.found(2) })).toBeVisible();
  const results = page.getByTestId("resume-results");
  await expect(results.getByRole("listitem")).toHaveCount(2);
  // The list never names the person.
  await expect(page.getByText(`Скрытое Имя ${marker}`)).toHaveCount(0);
  await expectNoAxeViolations(page);

  await openFilters(page, isPhone, text.filters);
  await page.locator("#resume-licence-c").check();
  await page.locator("#resume-verified").check();
  await page.getByRole("button", { name: text.apply, exact: true }).click();
  await expect(page).toHaveURL(/licence=c/);
  await expect(page).toHaveURL(/verified=1/);
  await expect(page.getByRole("status").filter({ hasText: text.found(1) })).toBeVisible();
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.getByTestId("verified-categories")).toContainText(text.verified);
  await expectNoAxeViolations(page);

  await results.getByRole("link", { name: "Водитель-инкассатор", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/resumes/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { name: "Водитель-инкассатор", exact: true })).toBeVisible();
});

test("the search form works from the keyboard, and an unverified organisation is told why it cannot search @keyboard", async ({
  page,
}) => {
  test.slow();
  const marker = run();
  await seekersWithResumes(marker);
  const orgId = await verifiedOrganization("Кадры");
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/ru/employer/${orgId}/resumes`);
  await page.getByLabel(TEXT.ru.query).focus();
  await page.keyboard.type(`инкассатор ${marker}`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: TEXT.ru.found(2) })).toBeVisible();
  // From the query field the next stop is the search button.
  await page.getByLabel(TEXT.ru.query).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: TEXT.ru.submit, exact: true })).toBeFocused();

  await sql(`UPDATE organizations SET verification = 'PENDING', verified_at = NULL WHERE id = $1`, [orgId]);
  await page.goto(`/ru/employer/${orgId}/resumes`);
  await expect(page.getByTestId("resume-database-closed")).toContainText(TEXT.ru.closed);
  await expect(page.getByLabel(TEXT.ru.query)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
