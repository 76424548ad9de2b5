import { expect, test, type Page } from "@playwright/test";

import { makeBin } from "../../src/lib/kz-identifiers";
import { DEMO_PASSWORD, signIn, signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { draftVacancy, sql } from "../fixtures/db";
import { grantPublicationCredits, schoolWithPlan } from "../fixtures/schools";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount } from "../fixtures/billing";
import { uniqueEmail } from "../fixtures/outbox";

/** The page's structured data of this type. */
async function jsonLdOf(page: Page, type: string): Promise<Record<string, unknown> | undefined> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>).find((data) => data["@type"] === type);
}

test("a driving school registers, is verified, lists its courses and appears in the directory and on its page, in ru and kk", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const suffix = Math.random().toString(36).slice(2, 6);
  const schoolName = `Автошкола Жол Шебері ${suffix}`;
  const bin = makeBin({ year: 2017, month: 5 }, Math.floor(Math.random() * 90_000));

  // Registration: a school must name its city and address; the licence number is optional.
  const owner = await (await browser.newContext()).newPage();
  await signUpAndSignIn(owner, {
    name: "Ерлан Жумабаев",
    email: uniqueEmail("school"),
    password: "school-secret-2026",
    type: "employer",
  });
  await owner.goto("/ru/employer/new");
  await owner.getByLabel("Автошкола", { exact: true }).check();
  await owner.getByLabel("Юридическое название").fill(`ТОО «${schoolName}»`);
  await owner.getByLabel("БИН", { exact: true }).fill(bin);
  await owner.getByLabel("Название на сайте").fill(schoolName);
  await owner.getByLabel("Телефон").fill("+7 701 555 44 33");
  await owner.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(owner.getByText("Укажите город автошколы.")).toBeVisible();
  await expect(owner.getByText("Укажите адрес автошколы.")).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByLabel("Город", { exact: true }).selectOption({ label: "Алматы" });
  await owner.getByLabel("Адрес", { exact: true }).fill("ул. Сатпаева, 22");
  await owner.getByLabel("Номер лицензии на образовательную деятельность").fill(`KZ${suffix.toUpperCase()}LAA00012345`);
  await owner.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(owner).toHaveURL(/\/ru\/employer\/\d+$/);
  const orgPath = new URL(owner.url()).pathname;
  await expect(owner.getByRole("heading", { name: schoolName, level: 1 })).toBeVisible();
  await expect(owner.getByText("Организация ждёт проверки оператором")).toBeVisible();

  // An operator verifies it in the same queue as employers.
  const staff = await (await browser.newContext()).newPage();
  await signInAsStaff(staff, await staffAccount("MODERATOR"));
  await staff.goto("/ru/admin/organizations");
  const card = staff.getByRole("listitem").filter({ has: staff.getByRole("heading", { name: new RegExp(schoolName) }) });
  await expect(card).toContainText(bin);
  await expect(card).toContainText("Автошкола");
  await expect(card).toContainText("ул. Сатпаева, 22");
  await card.getByRole("button", { name: "Подтвердить" }).click();
  await expect(staff.getByText(`Организация «${schoolName}» подтверждена.`)).toBeVisible();

  // The owner fills the courses on the profile screen: a bad price is refused with the reason.
  await owner.reload();
  await expect(owner.getByRole("heading", { name: "Курсы автошколы" })).toBeVisible();
  await owner.getByLabel("Обучаем категории B", { exact: true }).check();
  await owner.getByLabel("Цена курса B, ₸", { exact: true }).fill("сто тысяч");
  await owner.getByLabel("Длительность курса B, часов", { exact: true }).fill("130");
  await owner.getByLabel("Обучаем категории C", { exact: true }).check();
  await owner.getByLabel("Цена курса C, ₸", { exact: true }).fill("250 000");
  await owner.getByLabel("Длительность курса C, часов", { exact: true }).fill("190");
  await owner.getByRole("button", { name: "Сохранить курсы" }).click();
  await expect(owner.getByText("Укажите цену курса целым числом тенге.")).toBeVisible();
  await expectNoAxeViolations(owner);
  await owner.getByLabel("Цена курса B, ₸", { exact: true }).fill("180000");
  await owner.getByRole("button", { name: "Сохранить курсы" }).click();
  await expect(owner.getByText("Курсы сохранены.")).toBeVisible();

  // The directory: the city and the category C page list the school with its prices.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/ru/schools/almaty/c");
  await expect(visitor.getByRole("heading", { name: "Автошколы — Алматы, категория C", level: 1 })).toBeVisible();
  await expect(visitor).toHaveTitle(/Автошколы — Алматы, категория C/);
  const listed = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: schoolName }) });
  await expect(listed).toContainText(/C: 250\s000 ₸/);
  await expect(visitor.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ru\/schools\/almaty\/c$/);
  await expectNoAxeViolations(visitor);
  await visitor.goto("/ru/schools/almaty");
  await expect(visitor.getByRole("link", { name: schoolName })).toBeVisible();
  await expect(
    visitor.getByRole("region", { name: "Категории — Алматы" }).getByRole("link", { name: "Категория C", exact: true }),
  ).toBeVisible();
  await visitor.goto("/ru/schools");
  await expect(
    visitor.getByRole("region", { name: "Автошколы по городам" }).getByRole("link", { name: "Алматы", exact: true }),
  ).toBeVisible();

  // Its page: courses, contacts, graduates (none yet), JSON-LD DrivingSchool with address and offers.
  await visitor.goto("/ru/schools/almaty/c");
  await visitor.getByRole("link", { name: schoolName }).click();
  await expect(visitor).toHaveURL(/\/ru\/school\/\d+-/);
  await expect(visitor.getByRole("heading", { name: schoolName, level: 1 })).toBeVisible();
  const courses = visitor.getByRole("table");
  await expect(courses.getByRole("row", { name: /^B/ })).toContainText(/180\s000 ₸/);
  await expect(courses.getByRole("row", { name: /^C/ })).toContainText("190 часов");
  await expect(visitor.getByText("+77015554433")).toBeVisible();
  await expect(visitor.getByText("Выпускников на Jumys пока нет.")).toBeVisible();
  const ld = await jsonLdOf(visitor, "DrivingSchool");
  expect(ld).toMatchObject({
    name: schoolName,
    address: { "@type": "PostalAddress", streetAddress: "ул. Сатпаева, 22", addressLocality: "Алматы", addressCountry: "KZ" },
    makesOffer: [
      { "@type": "Offer", price: 180000, priceCurrency: "KZT" },
      { "@type": "Offer", price: 250000, priceCurrency: "KZT" },
    ],
  });
  await expectNoAxeViolations(visitor);

  // The same pages in Kazakh.
  const schoolPage = new URL(visitor.url()).pathname;
  await visitor.goto("/kk/schools/almaty/c");
  await expect(visitor.locator("html")).toHaveAttribute("lang", "kk");
  await expect(visitor.getByRole("heading", { name: "Алматы: автомектептер, C санаты", level: 1 })).toBeVisible();
  await expect(visitor.getByRole("link", { name: schoolName })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.goto(schoolPage.replace("/ru/", "/kk/"));
  await expect(visitor.getByRole("heading", { name: "Курстар мен бағалар" })).toBeVisible();
  await expect(visitor.getByRole("table").getByRole("row", { name: /^C/ })).toContainText("190 сағат");
  await expectNoAxeViolations(visitor);

  // The Kazakh dashboard shows the courses form too.
  await owner.goto(orgPath.replace("/ru/", "/kk/"));
  await expect(owner.getByRole("heading", { name: "Автомектеп курстары" })).toBeVisible();
  await expect(owner.getByLabel("C курсының бағасы, ₸", { exact: true })).toHaveValue("250000");
  await expectNoAxeViolations(owner);
});

test("a directory page of a city without schools says so, and an unknown category is the 404 page", async ({ page }) => {
  await page.goto("/kk/schools/zhanaozen/tm");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Жаңаөзен: автомектептер, Tm санаты");
  await expect(page.getByText("Мұнда әзірге автомектеп жоқ.")).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoAxeViolations(page);
  const missing = await page.goto("/ru/schools/almaty/q");
  expect(missing?.status()).toBe(404);
});

const HIRING_TEXT = {
  ru: {
    submit: "Отправить на модерацию",
    submitted: "Статус: На модерации",
    appealLabel: "Почему блокировку нужно снять",
    appealSend: "Отправить апелляцию",
  },
  kk: {
    submit: "Модерацияға жіберу",
    submitted: "Мәртебесі: Модерацияда",
    appealLabel: "Бұғаттауды неге алу керек",
    appealSend: "Апелляция жіберу",
  },
} as const;

test("a school publishes an instructor vacancy that an operator approves and its page lists; blocked, its dashboard takes the appeal", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = HIRING_TEXT[locale];
  const use = testInfo.project.use;
  const newPage = async () =>
    (await browser.newContext({ baseURL: use.baseURL, viewport: use.viewport, isMobile: use.isMobile })).newPage();
  const orgId = await schoolWithPlan("Автошкола Найм");
  await grantPublicationCredits(orgId, 1);
  const [school] = await sql<{ slug: string; display_name: string }>(
    `SELECT slug, display_name FROM organizations WHERE id = $1`,
    [orgId],
  );
  const title = `Инструктор по вождению ${Math.random().toString(36).slice(2, 8)}`;
  const vacancyId = await draftVacancy(orgId, title, "STANDARD");

  // The school's dashboard has the hiring tabs; its draft goes to moderation with its credit.
  const owner = await newPage();
  await signIn(owner, "school@demo.jumys.kz", DEMO_PASSWORD);
  await owner.goto(`/${locale}/employer/${orgId}/vacancies`);
  await expect(owner.locator(`nav a[href$="/employer/${orgId}/applications"]`)).toBeVisible();
  await expect(owner.locator(`nav a[href$="/employer/${orgId}/trainees"]`)).toBeVisible();
  await owner.getByRole("link", { name: title }).click();
  await owner.getByRole("button", { name: text.submit }).click();
  await expect(owner.getByText(text.submitted)).toBeVisible();
  await expectNoAxeViolations(owner);

  // The operator approves it in the employers' queue.
  const moderator = await newPage();
  await signInAsStaff(moderator, await staffAccount("MODERATOR"));
  await moderator.goto(`/ru/admin/moderation?q=${encodeURIComponent(title)}`);
  const item = moderator.getByRole("listitem").filter({ has: moderator.getByRole("heading", { name: title }) });
  await item.getByRole("button", { name: "Опубликовать" }).click();
  await expect(moderator.getByText(`Решение по «${title}» принято.`)).toBeVisible();

  // The school's public page lists it with a link; the vacancy names the school with a link back.
  const visitor = await newPage();
  await visitor.goto(`/${locale}/school/${orgId}-${school!.slug}`);
  await expect(visitor.getByRole("heading", { name: school!.display_name, level: 1 })).toBeVisible();
  expect(await jsonLdOf(visitor, "DrivingSchool")).toMatchObject({ name: school!.display_name });
  await visitor.getByRole("link", { name: title }).click();
  await expect(visitor).toHaveURL(new RegExp(`/${locale}/vacancy/${vacancyId}-`));
  await expect(visitor.locator(`a[href="/${locale}/school/${orgId}-${school!.slug}"]`).first()).toBeVisible();

  // Blocked, the school's dashboard shows the reason and takes the owner's one appeal.
  await moderator.goto(`/ru/admin/blocks`);
  await moderator.getByLabel("Название или БИН/ИИН", { exact: true }).fill(school!.display_name);
  await moderator.getByRole("button", { name: "Найти" }).first().click();
  const card = moderator.locator(`[data-org="${orgId}"]`);
  await card.getByLabel("Причина блокировки (её увидят заблокированные)", { exact: true }).fill("Обещают права без экзамена");
  await card.getByRole("button", { name: "Заблокировать" }).click();
  await expect(card.getByText(/Обещают права без экзамена/)).toBeVisible();
  await owner.goto(`/${locale}/employer/${orgId}`);
  await expect(owner.getByText("Обещают права без экзамена")).toBeVisible();
  await owner.getByLabel(text.appealLabel, { exact: true }).fill("Мы учим по программе и сдаём экзамены в спецЦОНе.");
  await owner.getByRole("button", { name: text.appealSend }).click();
  await expect(owner.getByTestId("appeal-state")).toBeVisible();
  await expectNoAxeViolations(owner);
});
