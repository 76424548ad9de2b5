import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { demoPasswordAccount, verifiedOrganization } from "../fixtures/billing";
import { sql } from "../fixtures/db";

const TEXT = {
  ru: {
    open: "Открыть контакты",
    noAccess: "Чтобы открыть контакты, нужен доступ к базе резюме.",
    period: "Срок и просмотры",
    region: "Регион",
    card: "Оплатить картой",
    pay: "Оплатить",
    activated: "оплачен и активирован",
    left: (n: string) => `Осталось просмотров контактов: ${n}`,
    opened: "Контакты открыты по действующему доступу",
    log: "Журнал открытых контактов",
    paid: "списан 1 просмотр",
    views: "Кто открыл мои контакты",
    hide: "Скрыть мои резюме от этой компании",
    hidden: "Ваши резюме скрыты от этой компании.",
    notFound: "Страница не найдена",
  },
  kk: {
    open: "Байланыстарды ашу",
    noAccess: "Байланыстарды ашу үшін түйіндеме базасына қолжетімділік керек.",
    period: "Мерзімі мен қараулар",
    region: "Өңір",
    card: "Картамен төлеу",
    pay: "Төлеу",
    activated: "төленді және іске қосылды",
    left: (n: string) => `Байланыс қарауларының қалғаны: ${n}`,
    opened: "Байланыстар түйіндеме базасына қолданыстағы қолжетімділік бойынша ашылды",
    log: "Ашылған байланыстар журналы",
    paid: "1 қарау есептен шығарылды",
    views: "Байланыстарымды кім ашты",
    hide: "Түйіндемелерімді бұл компаниядан жасыру",
    hidden: "Түйіндемелеріңіз бұл компаниядан жасырылған.",
    notFound: "Бет табылмады",
  },
} as const;

const run = () => Math.random().toString(36).slice(2, 8);

/** A seeker of their own (the demo password) with two resumes visible to all, in the region's first city. */
async function seekerWithResumes(regionId: number) {
  const email = `seeker-ropen-${run()}@demo.jumys.kz`;
  const userId = await demoPasswordAccount({ email, name: "Айгерим Нурланова", seeker: true, phone: "+77011234567" });
  const resumes = await sql<{ public_id: string }>(
    `INSERT INTO resumes (user_id, title, city_id, visibility, employment_types, schedules)
     SELECT $1, t, (SELECT id FROM cities WHERE region_id = $2 ORDER BY id LIMIT 1), 'ALL', '{}', '{}'
     FROM unnest(ARRAY['Водитель категории C', 'Экспедитор']) AS t RETURNING public_id::text`,
    [userId, regionId],
  );
  return { email, resumes: resumes.map((r) => r.public_id) };
}

test("an employer buys an access, opens a resume's contacts and the counter drops; the seeker sees it and hides from them", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const orgId = await verifiedOrganization("База резюме");
  const [org] = await sql<{ display_name: string }>(`SELECT display_name FROM organizations WHERE id = $1`, [orgId]);
  const [region] = await sql<{ id: number }>(
    `SELECT r.id FROM regions r WHERE EXISTS (SELECT 1 FROM cities c WHERE c.region_id = r.id) ORDER BY r.sort_order, r.id LIMIT 1`,
  );
  const seeker = await seekerWithResumes(region!.id);
  const [first, second] = seeker.resumes as [string, string];

  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  // No access yet: the button is disabled and the page says why, with the way to billing.
  await page.goto(`/${locale}/employer/${orgId}/resumes/${first}`);
  await expect(page.getByText(text.noAccess)).toBeVisible();
  await expect(page.getByRole("button", { name: text.open })).toBeDisabled();
  await expectNoAxeViolations(page);

  // A week of the region (580 views), paid by card through the dev checkout.
  await page.goto(`/${locale}/employer/${orgId}/billing`);
  const access = page.getByTestId("access-form");
  await access.getByLabel(text.period).selectOption("resumes.access.7d");
  await access.getByLabel(text.region).selectOption(String(region!.id));
  await page.getByTestId("add-access").click();
  const cart = page.getByTestId("cart");
  await expect(cart.locator("li")).toHaveCount(1);
  await cart.getByRole("button", { name: text.card }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/employer/${orgId}/billing/pay/\\d+$`));
  await page.getByRole("button", { name: text.pay, exact: true }).click();
  await expect(page).toHaveURL(/\/dev\/checkout\/\d+\?provider=cloudpayments$/);
  await page.getByRole("button", { name: text.pay, exact: true }).click();
  await expect(page).toHaveURL(/\?result=success$/);
  await expect(page.getByTestId("order-status")).toContainText(text.activated);

  // Open the first resume's contacts: 580 views before, the contacts after.
  await page.goto(`/${locale}/employer/${orgId}/resumes/${first}`);
  await expect(page.getByTestId("opening-counters")).toContainText(text.left("580"));
  await expectNoAxeViolations(page);
  // By keyboard: the button takes focus and Enter opens.
  await expect(page.getByRole("button", { name: text.open })).toBeEnabled();
  await page.getByRole("button", { name: text.open }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(text.opened)).toBeVisible();
  await expect(page.getByText(seeker.email)).toBeVisible();
  await expect(page.getByRole("button", { name: text.open })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The second resume: one view fewer.
  await page.goto(`/${locale}/employer/${orgId}/resumes/${second}`);
  await expect(page.getByTestId("opening-counters")).toContainText(text.left("579"));

  // The owner's log names the opening.
  await page.getByRole("link", { name: text.log }).click();
  const log = page.getByTestId("openings-log");
  await expect(log.locator("li")).toHaveCount(1);
  await expect(log).toContainText("Водитель категории C");
  await expect(log).toContainText(text.paid);
  await expectNoAxeViolations(page);

  // The seeker sees who opened their contacts and hides their resumes from that company.
  const seekerContext = await browser.newContext({ ...testInfo.project.use });
  const seekerPage = await seekerContext.newPage();
  await signIn(seekerPage, seeker.email, DEMO_PASSWORD);
  await seekerPage.goto(`/${locale}/seeker/resumes`);
  await seekerPage.getByRole("link", { name: text.views }).click();
  const views = seekerPage.getByTestId("resume-views");
  await expect(views.locator("li")).toHaveCount(1);
  await expect(views).toContainText(org!.display_name);
  await expectNoAxeViolations(seekerPage);
  await expect(seekerPage.getByRole("button", { name: text.hide })).toBeEnabled();
  await seekerPage.getByRole("button", { name: text.hide }).focus();
  await seekerPage.keyboard.press("Enter");
  await expect(views).toContainText(text.hidden);
  await expectNoAxeViolations(seekerPage);
  await seekerContext.close();

  // The company no longer finds the resume.
  await page.goto(`/${locale}/employer/${orgId}/resumes/${first}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.notFound);
});
