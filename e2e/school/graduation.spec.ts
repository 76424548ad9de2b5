import { expect, test } from "@playwright/test";

import { makeIin } from "../../src/lib/kz-identifiers";
import { DEMO_PASSWORD, signIn, signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { sql } from "../fixtures/db";
import { linkIn, readLatestEmail, uniqueEmail } from "../fixtures/outbox";

const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-e2e-cron-secret-0123456789";

const TEXT = {
  ru: {
    title: "Подтверждённая категория от автошколы",
    signIn: "Войти",
    consent: "Да, показывать",
    consented: /категория C показана в ваших резюме/,
    badge: (school: string, year: number) => `категория C — обучение в ${school}, ${year}`,
    used: "Эта ссылка уже использована",
    invalid: "Ссылка недействительна или отозвана автошколой.",
    verifiedFilter: "Подтверждённая категория",
    show: "Показать",
  },
  kk: {
    title: "Автомектеп растаған санат",
    signIn: "Кіру",
    consent: "Иә, көрсету",
    consented: /C санаты түйіндемелеріңізде расталған/,
    badge: (school: string, year: number) => `C санаты — ${school} автомектебінде оқыды, ${year}`,
    used: "Бұл сілтеме бұрын пайдаланылған",
    invalid: "Сілтеме жарамсыз немесе автомектеп оны кері қайтарды.",
    verifiedFilter: "Расталған санат",
    show: "Көрсету",
  },
} as const;

/**
 * A graduate of the demo school, written into its registry as the school's dashboard writes it
 * (graduated, with the certificate); the daily job then sends the invitation, as it does for
 * every graduate without one.
 */
async function graduateOfDemoSchool(email: string) {
  const [school] = await sql<{ id: number; display_name: string }>(
    `SELECT o.id, o.display_name FROM organizations o JOIN memberships m ON m.organization_id = o.id
     JOIN users u ON u.id = m.user_id WHERE u.email = 'school@demo.jumys.kz' AND m.role = 'OWNER' AND o.type = 'DRIVING_SCHOOL'`,
  );
  const serial = Math.floor(Math.random() * 8_000) + 1_000;
  const iin = makeIin({ year: 1994, month: 3, day: 14 }, "male", serial);
  const today = new Date().toISOString().slice(0, 10);
  await sql(
    `INSERT INTO trainees (organization_id, full_name, iin, birth_date, sex, email, category, status, certificate_number, certificate_date)
     VALUES ($1, 'Выпускник Проверочный', $2, '1994-03-14', 'MALE', $3, 'C', 'GRADUATED', $4, $5)`,
    [school!.id, iin, email, `E2E-${serial}`, today],
  );
  return { school: school!.display_name, year: Number(today.slice(0, 4)) };
}

for (const locale of ["ru", "kk"] as const) {
  test(`a graduate claims the verified category from the outbox email (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const t = TEXT[locale];
    const email = uniqueEmail(`graduate-${locale}`);
    const { school, year } = await graduateOfDemoSchool(email);

    expect((await page.request.post("/api/cron/graduate-invitations")).status()).toBe(401);
    const run = await page.request.post("/api/cron/graduate-invitations", {
      headers: { Authorization: `Bearer ${CRON_SECRET}` },
    });
    expect(run.status()).toBe(200);

    const mail = await readLatestEmail(page, email, /Категория C|C санаты/);
    // The email speaks the school's language; the page is opened in the graduate's.
    const link = linkIn(mail, "/graduate/").replace(/^\/(ru|kk)\//, `/${locale}/`);

    await page.goto(link);
    await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
    await expect(page.getByText(school).first()).toBeVisible();
    await expect(page.getByRole("link", { name: t.signIn, exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    // A name of this run's own, to find the graduate among the demo employer's applicants.
    const name = `Выпускник ${locale.toUpperCase()} ${Math.random().toString().slice(2, 9)}`;
    await signUpAndSignIn(page, { name, email, password: "graduate-password-2026", type: "seeker" });
    await page.goto(link);
    await page.getByRole("button", { name: t.consent }).click();
    await expect(page.getByText(t.consented)).toBeVisible();
    await expectNoAxeViolations(page);

    const [user] = await sql<{ id: number }>("SELECT id FROM users WHERE email = $1", [email]);
    const [resume] = await sql<{ id: number }>(
      `INSERT INTO resumes (user_id, title, employment_types, schedules) VALUES ($1, 'Водитель категории C', '{FULL_TIME}', '{}')
       RETURNING id`,
      [user!.id],
    );
    await page.goto(`/${locale}/seeker/resumes/${resume!.id}`);
    await expect(page.getByText(t.badge(school, year))).toBeVisible();
    await expectNoAxeViolations(page);

    // The link is used up, for this account and any other.
    await page.goto(link);
    await expect(page.getByText(t.used)).toBeVisible();
    await expect(page.getByRole("button", { name: t.consent })).toHaveCount(0);
    await page.goto(`/${locale}/graduate/${"x".repeat(43)}`);
    await expect(page.getByText(t.invalid)).toBeVisible();

    // The graduate applies to the demo employer, which finds them by the verified category.
    const [vacancy] = await sql<{ id: number; organization_id: number }>(
      `SELECT v.id, v.organization_id FROM vacancies v JOIN memberships m ON m.organization_id = v.organization_id
       JOIN users u ON u.id = m.user_id WHERE u.email = 'employer@demo.jumys.kz' AND m.role = 'OWNER' AND v.status = 'PUBLISHED'
       ORDER BY v.id LIMIT 1`,
    );
    await sql(`INSERT INTO applications (vacancy_id, seeker_id, resume_id) VALUES ($1, $2, $3)`, [
      vacancy!.id,
      user!.id,
      resume!.id,
    ]);
    await page.context().clearCookies();
    await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
    await page.goto(`/${locale}/employer/${vacancy!.organization_id}/applications`);
    const filter = async (category: string) => {
      await page.getByLabel(t.verifiedFilter).selectOption(category);
      await page.getByRole("button", { name: t.show, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`verified=${category}`));
    };
    await filter("C");
    await expect(page.getByText(name)).toBeVisible();
    await expectNoAxeViolations(page);
    await filter("D");
    await expect(page.getByText(name)).toHaveCount(0);
  });
}
