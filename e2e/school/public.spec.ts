import { expect, test, type Page } from "@playwright/test";

import { makeBin } from "../../src/lib/kz-identifiers";
import { signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
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
