import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { demoPasswordAccount } from "../fixtures/billing";
import { findVacancy, LIVE, sql } from "../fixtures/db";
import { linkIn, readLatestEmail } from "../fixtures/outbox";

const TEXT = {
  ru: {
    title: "Пригласить на вакансию",
    open: "Открыть контакты",
    vacancy: "Вакансия",
    message: "Сообщение соискателю",
    submit: "Отправить приглашение",
    tooShort: "Напишите сообщение соискателю: от 10 до 4000 символов.",
    sent: (title: string) => `Приглашение на вакансию «${title}» отправлено.`,
    badge: "Приглашение от работодателя",
    decline: "Отклонить приглашение",
    declined: "Вы отклонили приглашение",
    subject: /Приглашение на вакансию/,
  },
  kk: {
    title: "Вакансияға шақыру",
    open: "Байланыстарды ашу",
    vacancy: "Вакансия",
    message: "Ізденушіге хабарлама",
    submit: "Шақыру жіберу",
    tooShort: "Ізденушіге хабарлама жазыңыз: 10-нан 4000 таңбаға дейін.",
    sent: (title: string) => `«${title}» вакансиясына шақыру жіберілді.`,
    badge: "Жұмыс берушінің шақыруы",
    decline: "Шақырудан бас тарту",
    declined: "Сіз шақырудан бас тарттыңыз",
    subject: /вакансиясына шақырады/,
  },
} as const;

const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * A verified organisation of the demo employer's own with one public vacancy (a copy of a seeded
 * one), and a seeker of their own (the demo password) with a resume every organisation may see.
 */
async function setUp(locale: "ru" | "kk") {
  const id = run();
  const source = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD' AND v.city_id IS NOT NULL`);
  const [org] = await sql<{ id: number }>(
    `INSERT INTO organizations (type, legal_name, display_name, slug, verification, verified_at, updated_at)
     VALUES ('EMPLOYER', $1, $2, $3, 'VERIFIED', now(), now()) RETURNING id`,
    [`ТОО «Шақыру ${id}»`, `Шақыру ${id}`, `invite-${id}`],
  );
  await sql(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT id, $1, 'OWNER' FROM users WHERE email = 'employer@demo.jumys.kz'`,
    [org!.id],
  );
  const title = `Водитель-экспедитор ${id}`;
  const [vacancy] = await sql<{ id: number }>(
    `INSERT INTO vacancies (organization_id, title, slug, description, city_id, status, publication_type, published_at, expires_at, updated_at)
     SELECT $1, $2, slug, description, city_id, 'PUBLISHED', 'STANDARD', now(), now() + interval '30 days', now()
     FROM vacancies WHERE id = $3 RETURNING id`,
    [org!.id, title, source.id],
  );
  const email = `invited-${id}@demo.jumys.kz`;
  const seekerId = await demoPasswordAccount({
    email,
    name: "Асель Жумабаева",
    seeker: true,
    locale,
    phone: "+77015550101",
  });
  const [resume] = await sql<{ public_id: string }>(
    `INSERT INTO resumes (user_id, title, city_id, employment_types, schedules, skills, about, visibility, updated_at)
     SELECT $1, 'Водитель категории C', city_id, '{FULL_TIME}', '{FULL_DAY}', '{Грузоперевозки}', 'Стаж 8 лет без аварий.', 'ALL', now()
     FROM vacancies WHERE id = $2
     RETURNING public_id::text`,
    [seekerId, source.id],
  );
  // A running 7-day access to the resumes of the vacancy's region (as a paid order activates it).
  const [order] = await sql<{ id: number }>(
    `INSERT INTO orders (organization_id, status, number, payment_method, amount_tiyn, vat_tiyn, checked_out_at, paid_at, activated_at, updated_at)
     VALUES ($1, 'ACTIVATED', $2, 'BALANCE', 100, 0, now(), now(), now(), now()) RETURNING id`,
    [org!.id, `E2E-${id}`],
  );
  await sql(
    `WITH product AS (SELECT id FROM products WHERE code = 'resumes.access.7d'),
          region AS (SELECT c.region_id FROM cities c JOIN vacancies v ON v.city_id = c.id WHERE v.id = $2),
          line AS (
            INSERT INTO order_lines (order_id, product_id, quantity, region_id)
            SELECT $1, product.id, 1, region.region_id FROM product, region RETURNING id, product_id, region_id)
     INSERT INTO entitlements (organization_id, order_id, order_line_id, product_id, kind, region_id, units_total, valid_from, valid_until)
     SELECT $3, $1, line.id, line.product_id, 'RESUME_ACCESS', line.region_id, 100, now() - interval '1 hour', now() + interval '7 days' FROM line`,
    [order!.id, source.id, org!.id],
  );
  return { orgId: org!.id, vacancyId: vacancy!.id, title, email, publicId: resume!.public_id };
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

for (const locale of ["ru", "kk"] as const) {
  test(`an employer invites a seeker from a resume; the seeker gets the email and declines in the cabinet (${locale})`, async ({
    browser,
  }) => {
    test.slow();
    const text = TEXT[locale];
    const { orgId, vacancyId, title, email, publicId } = await setUp(locale);

    const employer = await newPage(browser);
    await signIn(employer, "employer@demo.jumys.kz", DEMO_PASSWORD);
    await employer.goto(`/${locale}/employer/${orgId}/resumes/${publicId}`);
    // Found in the resume database: the contacts are opened first (one view of the access), then
    // the seeker can be invited.
    await expect(employer.getByRole("heading", { name: text.title })).toHaveCount(0);
    await employer.getByRole("button", { name: text.open }).click();
    await expect(employer.getByRole("heading", { name: text.title })).toBeVisible();
    await expectNoAxeViolations(employer);

    // The message starts from the platform's wording for the chosen vacancy; an empty one is refused.
    await employer.getByLabel(text.vacancy, { exact: true }).selectOption(String(vacancyId));
    const message = employer.getByLabel(text.message, { exact: true });
    await expect(message).toHaveValue(new RegExp(title));
    await message.fill("");
    await employer.getByRole("button", { name: text.submit }).click();
    await expect(employer.getByText(text.tooShort)).toBeVisible();
    await expectNoAxeViolations(employer);

    const words = `${title}: ждём вас на собеседование во вторник в 10:00.`;
    await message.fill(words);
    await employer.getByRole("button", { name: text.submit }).click();
    await expect(employer.getByText(text.sent(title))).toBeVisible();
    // The vacancy cannot be chosen again for this seeker.
    await expect(employer.locator(`option[value="${vacancyId}"]`)).toBeDisabled();

    // The email, in the seeker's language, leads to the cabinet.
    const mail = await readLatestEmail(employer, email, text.subject);
    expect(mail).toContain(words);
    expect(mail).toContain(title);
    const cabinet = linkIn(mail, `/${locale}/seeker/applications`);

    const seeker = await newPage(browser);
    await signIn(seeker, email, DEMO_PASSWORD);
    await seeker.goto(cabinet);
    const invitation = seeker.getByTestId("invitation").filter({ hasText: title });
    await expect(invitation.getByText(text.badge)).toBeVisible();
    await expect(invitation.getByText(words)).toBeVisible();
    await expectNoAxeViolations(seeker);

    seeker.once("dialog", (dialog) => void dialog.accept());
    await invitation.getByRole("button", { name: text.decline }).click();
    await expect(invitation.getByText(text.declined)).toBeVisible();
    await expect(invitation.getByRole("button", { name: text.decline })).toHaveCount(0);
  });
}

test("the invitation form works from the keyboard @keyboard", async ({ page }) => {
  test.slow();
  const text = TEXT.kk;
  const { orgId, title, publicId } = await setUp("kk");
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto(`/kk/employer/${orgId}/resumes/${publicId}`);
  // Enabled once the page has hydrated (a script-only button is disabled until then).
  const open = page.getByRole("button", { name: text.open });
  await expect(open).toBeEnabled();
  await open.focus();
  await page.keyboard.press("Enter");
  const vacancy = page.getByLabel(text.vacancy, { exact: true });
  await vacancy.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel(text.message, { exact: true })).toHaveValue(new RegExp(title));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(text.message, { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: text.submit })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(text.sent(title))).toBeVisible();
});
