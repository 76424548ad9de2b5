import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount } from "../fixtures/billing";
import { sql } from "../fixtures/db";

// Browsers have no Kazakh calendar data: a date formatted with the browser's Intl came out as
// "2026 M12 5" and did not match the server's HTML (a hydration error). These pages render dates
// in client components, in Kazakh.
const KK_MONTH =
  "(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан|қаң\\.|ақп\\.|нау\\.|сәу\\.|мам\\.|мау\\.|шіл\\.|там\\.|қыр\\.|қаз\\.|қар\\.|жел\\.)";
const KK_DATE = new RegExp(`\\d{4} ж\\. \\d{1,2} ${KK_MONTH}`);

function watchHydration(page: Page): string[] {
  const errors: string[] = [];
  const record = (text: string) => {
    if (/hydrat|did not match|Minified React error #(418|423|425)/i.test(text)) errors.push(text);
  };
  page.on("console", (message) => {
    if (message.type() === "error") record(message.text());
  });
  page.on("pageerror", (error) => record(String(error)));
  return errors;
}

async function expectKazakhDates(page: Page, path: string, errors: string[]) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const text = await page.locator("main").innerText();
  expect(text, path).toMatch(KK_DATE);
  expect(text, path).not.toMatch(/\bM\d{1,2}\b/);
  expect(errors, path).toEqual([]);
}

test("a seeker's profile and subscriptions show Kazakh dates without a hydration error", async ({ page }) => {
  const [seeker] = await sql<{ id: number }>("SELECT id FROM users WHERE email = 'seeker@demo.jumys.kz'");
  const [subscription] = await sql<{ id: number }>(
    `INSERT INTO subscriptions (user_id, name, criteria, frequency, last_digest_at, updated_at)
     VALUES ($1, 'Жүргізуші', '{"query":"q=жүргізуші"}', 'DAILY', now() - interval '1 day', now()) RETURNING id`,
    [seeker?.id],
  );
  // The profile's preferences (a client component) show when the marketing choice was made.
  const [consent] = await sql<{ id: number }>(
    "INSERT INTO consents (user_id, purpose, granted) VALUES ($1, 'MARKETING', false) RETURNING id",
    [seeker?.id],
  );
  try {
    const errors = watchHydration(page);
    await signIn(page, "seeker@demo.jumys.kz", DEMO_PASSWORD);
    await expectKazakhDates(page, "/kk/account/profile", errors);
    await expectKazakhDates(page, "/kk/seeker/subscriptions", errors);
  } finally {
    await sql("DELETE FROM subscriptions WHERE id = $1", [subscription?.id]);
    await sql("DELETE FROM consents WHERE id = $1", [consent?.id]);
  }
});

test("an employer's applications and the moderation queue show Kazakh dates without a hydration error", async ({ browser }) => {
  const [vacancy] = await sql<{ id: number; organization_id: number }>(
    `SELECT v.id, v.organization_id FROM vacancies v JOIN memberships m ON m.organization_id = v.organization_id
     JOIN users u ON u.id = m.user_id
     WHERE u.email = 'employer@demo.jumys.kz' AND v.status = 'PUBLISHED' ORDER BY v.id LIMIT 1`,
  );
  const inserted = await sql<{ id: number }>(
    `INSERT INTO applications (vacancy_id, seeker_id, message, updated_at)
     SELECT $1, id, 'Сәлеметсіз бе!', now() FROM users WHERE email = 'seeker@demo.jumys.kz'
     ON CONFLICT (vacancy_id, seeker_id) DO NOTHING RETURNING id`,
    [vacancy?.id],
  );
  try {
    const employer = await browser.newPage();
    const employerErrors = watchHydration(employer);
    await signIn(employer, "employer@demo.jumys.kz", DEMO_PASSWORD);
    await expectKazakhDates(employer, `/kk/employer/${vacancy?.organization_id}/applications`, employerErrors);
    await employer.close();

    const admin = await browser.newPage();
    const adminErrors = watchHydration(admin);
    await signInAsStaff(admin, await staffAccount("SUPERADMIN"));
    await expectKazakhDates(admin, "/kk/admin/moderation", adminErrors);
    await admin.close();
  } finally {
    for (const row of inserted) await sql("DELETE FROM applications WHERE id = $1", [row.id]);
  }
});
