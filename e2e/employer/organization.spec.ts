import { expect, test } from "@playwright/test";

import { makeBin } from "../../src/lib/kz-identifiers";
import { DEMO_PASSWORD, signIn, signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { linkIn, readLatestEmail, uniqueEmail } from "../fixtures/outbox";

test("an employer registers an organisation, an admin verifies it, the owner invites a manager who joins", async ({
  browser,
}) => {
  test.slow();
  const password = "employer-secret-2026";
  const ownerEmail = uniqueEmail("owner");
  const managerEmail = uniqueEmail("manager");
  const orgName = `Степь Логистик ${Math.random().toString(36).slice(2, 6)}`;
  const bin = makeBin({ year: 2018, month: 9 }, Math.floor(Math.random() * 90_000));

  const owner = await (await browser.newContext()).newPage();
  await signUpAndSignIn(owner, { name: "Айгерим Сапарова", email: ownerEmail, password, type: "employer" });
  await owner.getByRole("link", { name: "Работодателям" }).click();
  await expect(owner.getByRole("heading", { name: "Кабинет работодателя" })).toBeVisible();
  await owner.getByRole("link", { name: "Зарегистрировать организацию" }).click();

  // A wrong check digit is refused on the spot, with the reason.
  await owner.getByLabel("Кадровое агентство").check();
  await owner.getByLabel("Юридическое название").fill(`ТОО «${orgName}»`);
  await owner.getByLabel("БИН", { exact: true }).fill(bin.slice(0, 11) + String((Number(bin[11]) + 1) % 10));
  await owner.getByLabel("Название на сайте").fill(orgName);
  await owner.getByLabel("Телефон").fill("+7 701 555 44 33");
  await owner.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(owner.getByText("Такого БИН/ИИН не существует")).toBeVisible();

  await owner.getByLabel("БИН", { exact: true }).fill(bin);
  await owner.getByRole("button", { name: "Зарегистрировать" }).click();
  await expect(owner).toHaveURL(/\/ru\/employer\/\d+$/);
  const orgPath = new URL(owner.url()).pathname;
  await expect(owner.getByRole("heading", { name: orgName, level: 1 })).toBeVisible();
  await expect(owner.getByText("Организация ждёт проверки оператором")).toBeVisible();
  await expect(owner.getByText("Данные соискателей можно использовать только для подбора персонала")).toBeVisible();
  await expectNoAxeViolations(owner);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.jumys.kz", DEMO_PASSWORD);
  await admin.goto("/ru/admin/organizations");
  const card = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: new RegExp(orgName) }) });
  await expect(card).toContainText(bin);
  await card.getByRole("button", { name: "Подтвердить" }).click();
  await expect(admin.getByText(`Организация «${orgName}» подтверждена.`)).toBeVisible();
  await expect(card).toHaveCount(0);

  await owner.reload();
  await expect(owner.getByText("Организация ждёт проверки оператором")).toHaveCount(0);
  await expect(owner.getByText("Организация проверена: чтобы изменить юридические данные")).toBeVisible();

  await owner.getByRole("link", { name: "Сотрудники" }).click();
  await owner.getByLabel("Почта", { exact: true }).fill(managerEmail);
  await owner.getByLabel("Роль", { exact: true }).selectOption("MANAGER");
  await owner.getByRole("button", { name: "Отправить приглашение" }).click();
  await expect(owner.getByText(`Приглашение отправлено на ${managerEmail}.`)).toBeVisible();
  await expect(owner.getByRole("listitem").filter({ hasText: managerEmail })).toBeVisible();
  await expectNoAxeViolations(owner);
  // The same dashboard in Kazakh.
  await owner.goto(`${orgPath.replace("/ru/", "/kk/")}/members`);
  await expect(owner.locator("html")).toHaveAttribute("lang", "kk");
  await expect(owner.getByRole("heading", { name: "Қызметкерлер", level: 2 })).toBeVisible();
  await expect(owner.getByText("Ізденушілердің деректерін тек қызметкер іріктеу үшін")).toBeVisible();
  await expectNoAxeViolations(owner);

  const manager = await (await browser.newContext()).newPage();
  await signUpAndSignIn(manager, { name: "Данияр Ахметов", email: managerEmail, password, type: "employer" });
  const invitation = await readLatestEmail(manager, managerEmail, /Приглашение в/);
  await manager.goto(linkIn(invitation, "/invitations/accept"));
  await expect(manager.getByText(`Вас приглашают в «${orgName}» с ролью «менеджер».`)).toBeVisible();
  await manager.getByRole("button", { name: "Принять приглашение" }).click();
  await expect(manager).toHaveURL(new RegExp(`${orgPath}$`));
  await expect(manager.getByText("Ваша роль: менеджер")).toBeVisible();
  // A manager reads the profile but does not edit it.
  await expect(manager.getByRole("button", { name: "Сохранить" })).toHaveCount(0);

  await owner.goto(`${orgPath}/members`);
  await expect(owner.getByLabel("Роль сотрудника Данияр Ахметов")).toHaveValue("MANAGER");
});
