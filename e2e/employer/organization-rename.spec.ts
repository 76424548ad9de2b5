import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { findVacancy, LIVE, sql } from "../fixtures/db";

/**
 * An organisation of the demo employer's own with one public vacancy (a copy of a seeded one), so
 * that renaming it disturbs no other test.
 */
async function organizationWithVacancy(name: string) {
  const source = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  const [org] = await sql<{ id: number }>(
    `INSERT INTO organizations (type, legal_name, display_name, slug, verification, verified_at, updated_at)
     VALUES ('EMPLOYER', $1, $2, 'renamed-org', 'VERIFIED', now(), now()) RETURNING id`,
    [`ТОО «${name}»`, name],
  );
  if (!org) throw new Error("no organisation");
  await sql(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT id, $1, 'OWNER' FROM users WHERE email = 'employer@demo.jumys.kz'`,
    [org.id],
  );
  const [vacancy] = await sql<{ id: number; slug: string }>(
    `INSERT INTO vacancies (organization_id, title, slug, description, city_id, status, publication_type, published_at, expires_at, updated_at)
     SELECT $1, title, slug, description, city_id, 'PUBLISHED', 'STANDARD', now(), now() + interval '30 days', now()
     FROM vacancies WHERE id = $2 RETURNING id, slug`,
    [org.id, source.id],
  );
  if (!vacancy) throw new Error("no vacancy");
  await sql(
    `INSERT INTO vacancy_specializations (vacancy_id, specialization_id)
     SELECT $1, specialization_id FROM vacancy_specializations WHERE vacancy_id = $2`,
    [vacancy.id, source.id],
  );
  await sql("SELECT refresh_vacancy_search($1::int[])", [[vacancy.id]]);
  return { orgId: org.id, vacancy };
}

test("renaming an organisation refreshes its cached company and vacancy pages", async ({ browser, page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "one rename is enough; the pages are the same");
  test.slow();
  const suffix = Math.random().toString(36).slice(2, 6);
  const oldName = `Арна Транс ${suffix}`;
  const newName = `Жаңа Жол ${suffix}`;
  const { orgId, vacancy } = await organizationWithVacancy(oldName);
  const vacancyUrl = `/ru/vacancy/${vacancy.id}-${vacancy.slug}`;

  // A guest's visits put both pages into the cache.
  const guest = await (await browser.newContext()).newPage();
  await guest.goto(vacancyUrl);
  await expect(guest.getByRole("link", { name: oldName }).first()).toBeVisible();
  await guest.goto(`/ru/company/${orgId}-renamed-org`);
  await expect(guest.getByRole("heading", { name: oldName, level: 1 })).toBeVisible();

  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/ru/employer/${orgId}`);
  await page.getByLabel("Название на сайте").fill(newName);
  await page.getByRole("button", { name: "Сохранить" }).first().click();
  await expect(page.getByText("Сохранено")).toBeVisible();

  await guest.goto(vacancyUrl);
  await expect(guest.getByRole("link", { name: newName }).first()).toBeVisible();
  await expect(guest.getByText(oldName)).toHaveCount(0);
  // The old company URL leads to the page under its new name.
  await guest.goto(`/ru/company/${orgId}-renamed-org`);
  await expect(guest.getByRole("heading", { name: newName, level: 1 })).toBeVisible();
});
