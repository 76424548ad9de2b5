import { expect, test, type Page } from "@playwright/test";

import { makeIin } from "../../src/lib/kz-identifiers";
import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { lapseSchoolPlan, schoolWithPlan } from "../fixtures/schools";

const TEXT = {
  ru: {
    groups: "Группы",
    trainees: "Обучающиеся",
    check: "Проверить файл",
    import: "Загрузить из файла",
    badIin: "Такого ИИН не существует: не сходится контрольная цифра.",
    iinColumn: "ИИН",
    commit: "Загрузить 2 строки в реестр",
    imported: "Загружено обучающихся: 2.",
    studying: "Обучается",
    graduated: "Выпущен",
    newStatus: "Новый статус",
    certificateNumber: "Номер свидетельства",
    certificateDate: "Дата свидетельства",
    submit: "Сменить статус",
    saved: "Статус изменён.",
    readOnly: "Реестр доступен только для чтения.",
    buyPlan: "Оплатить тариф",
    add: "Добавить обучающегося",
    exportCsv: "Выгрузить в CSV",
    notFound: "Страница не найдена",
    planOffer: "Тариф автошколы на месяц",
  },
  kk: {
    groups: "Топтар",
    trainees: "Оқушылар",
    check: "Файлды тексеру",
    import: "Файлдан жүктеу",
    badIin: null,
    iinColumn: "ЖСН",
    commit: "Тізілімге 2 жол жүктеу",
    imported: "Жүктелген оқушылар: 2.",
    studying: "Оқып жүр",
    graduated: "Бітірді",
    newStatus: "Жаңа мәртебе",
    certificateNumber: "Куәлік нөмірі",
    certificateDate: "Куәлік күні",
    submit: "Мәртебені өзгерту",
    saved: "Мәртебе өзгертілді.",
    readOnly: "Тізілімді тек оқуға болады.",
    buyPlan: "Тарифті төлеу",
    add: "Оқушы қосу",
    exportCsv: "CSV-ге жүктеп алу",
    notFound: "Бет табылмады",
    planOffer: "Автомектеп тарифі, бір айға",
  },
} as const;

const HEADER = "ФИО;ИИН;Дата рождения;Пол;Телефон;Категория";
const serial = () => Math.floor(Math.random() * 9000);

function csvFile(lines: string[]) {
  return { name: "trainees.csv", mimeType: "text/csv", buffer: Buffer.from([HEADER, ...lines].join("\n") + "\n", "utf8") };
}

async function checkFile(page: Page, lines: string[], label: string) {
  await page.locator("#traineeFile").setInputFiles(csvFile(lines));
  await page.getByRole("button", { name: label }).click();
}

for (const locale of ["ru", "kk"] as const) {
  test(`a school imports its trainees, fixes the file, graduates one; without a plan the registry is read-only (${locale})`, async ({
    page,
  }) => {
    test.slow();
    const text = TEXT[locale];
    const orgId = await schoolWithPlan();
    const base = `/${locale}/employer/${orgId}`;
    const surname = `Тестов${Math.random().toString(36).slice(2, 7)}`;
    const good = makeIin({ year: 1990, month: 4, day: 12 }, "male", serial());
    const other = makeIin({ year: 1992, month: 7, day: 3 }, "female", serial());
    const broken = `${other.slice(0, 11)}${(Number(other[11]) + 1) % 10}`;
    await signIn(page, "school@demo.jumys.kz", DEMO_PASSWORD);

    await page.goto(base);
    const tabs = page.getByRole("navigation").filter({ has: page.getByRole("link", { name: text.groups, exact: true }) });
    await expect(tabs.getByRole("link", { name: text.trainees, exact: true })).toBeVisible();
    await page.goto(`${base}/groups`);
    await expectNoAxeViolations(page);

    await page.goto(`${base}/trainees`);
    await page.getByRole("link", { name: text.import }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/trainees/import$`));
    await expectNoAxeViolations(page);

    const lines = (iin: string) => [
      `${surname} Нурлан;${good};12.04.1990;М;+7 701 234 56 78;B`,
      `${surname}а Айгерим;${iin};03.07.1992;Ж;;B`,
    ];
    await checkFile(page, lines(broken), text.check);
    const issues = page.getByRole("table");
    await expect(issues.locator("tbody tr")).toHaveCount(1);
    const issue = issues.locator("tbody tr").first();
    await expect(issue.locator("td").nth(0)).toHaveText("3");
    await expect(issue.locator("td").nth(1)).toHaveText(text.iinColumn);
    if (text.badIin) await expect(issue.locator("td").nth(2)).toHaveText(text.badIin);
    await expect(page.getByRole("button", { name: text.commit })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await checkFile(page, lines(other), text.check);
    await page.getByRole("button", { name: text.commit }).click();
    await expect(page.getByText(text.imported)).toBeVisible();

    await page.goto(`${base}/trainees`);
    await page.locator("#q").fill(good);
    await page.locator("#q").press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=${good}`));
    const found = page.getByRole("link", { name: `${surname} Нурлан` });
    await expect(found).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${surname}а Айгерим` })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await found.click();

    await expect(page.getByRole("heading", { name: `${surname} Нурлан` })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel(text.newStatus).selectOption({ label: text.studying });
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page.getByText(text.saved)).toBeVisible();
    await expect(page.getByLabel(text.newStatus).locator("option", { hasText: text.graduated })).toHaveCount(1);
    await page.getByLabel(text.newStatus).selectOption({ label: text.graduated });
    await page.getByLabel(text.certificateNumber).fill("AB-123456");
    await page.getByLabel(text.certificateDate, { exact: true }).fill("2026-11-30");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page.getByText("AB-123456")).toBeVisible();
    await expect(page.locator("section[aria-labelledby='history-heading'] li").filter({ hasText: text.graduated })).toHaveCount(
      1,
    );
    // A graduate's course is over: no status to move to.
    await expect(page.getByLabel(text.newStatus)).toHaveCount(0);

    await lapseSchoolPlan(orgId);
    await page.goto(`${base}/trainees`);
    await expect(page.getByText(text.readOnly)).toBeVisible();
    await expect(page.getByRole("link", { name: text.add })).toHaveCount(0);
    await expect(page.getByRole("link", { name: text.import })).toHaveCount(0);
    const exported = page.getByRole("link", { name: text.exportCsv });
    await expect(exported).toBeVisible();
    const response = await page.request.get((await exported.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(good);
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: `${surname}а Айгерим` }).click();
    await expect(page.getByRole("heading", { name: `${surname}а Айгерим` })).toBeVisible();
    await expect(page.getByLabel(text.newStatus)).toHaveCount(0);

    await page.goto(`${base}/trainees/import`);
    if (text.notFound) await expect(page.getByRole("heading", { name: text.notFound })).toBeVisible();
    await expect(page.locator("#traineeFile")).toHaveCount(0);

    await page.goto(`${base}/trainees`);
    await page.getByRole("link", { name: text.buyPlan }).click();
    await expect(page).toHaveURL(new RegExp(`${base}/billing$`));
    await expect(page.getByText(text.planOffer).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test("an employer's dashboard has no registry: its groups and trainees pages are not found", async ({ page }) => {
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  await page.goto("/ru/employer");
  await page.locator("main a[href*='/employer/']").first().click();
  const base = new URL(page.url()).pathname;
  await page.goto(`${base}/trainees`);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  await page.goto(`${base}/groups`);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
});
