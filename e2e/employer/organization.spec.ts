import { expect, test } from "@playwright/test";

import { makeBin } from "../../src/lib/kz-identifiers";
import { DEMO_PASSWORD, signIn, signUpAndSignIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount } from "../fixtures/billing";
import { expectNoAxeViolations } from "../fixtures/axe";
import { linkIn, readLatestEmail, uniqueEmail } from "../fixtures/outbox";

test("an employer registers an organisation, an admin verifies it, the owner invites a manager who joins", async ({
  browser,
}) => {
  // A long story across five browsers, a purchase included: seven minutes on a loaded machine.
  test.setTimeout(420_000);
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
  await signInAsStaff(admin, await staffAccount("SUPERADMIN"));
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

  // The manager writes a vacancy; contacts in the text are removed, and the preview says so.
  const title = `Водитель-дальнобойщик ${orgName.slice(-4)}`;
  const duties =
    "Перевозка грузов по Казахстану на тягаче с полуприцепом. Обязанности: приём и сдача груза, контроль крепления, " +
    "ведение путевых листов, ежедневный осмотр автомобиля перед выездом. Требования: права категории CE, стаж от трёх лет.";
  await manager.getByRole("link", { name: "Вакансии", exact: true }).last().click();
  await manager.getByRole("link", { name: "Создать вакансию" }).click();
  await manager.getByLabel("Название вакансии").fill(title);
  await manager.getByLabel("Специализации (от 1 до 6)").selectOption({ label: "Водитель категории CE" });
  await manager.getByLabel("Город").selectOption({ label: "Караганда" });
  await manager.getByLabel("Зарплата от, ₸").fill("450000");
  await manager.getByLabel("Зарплата до, ₸").fill("650000");
  await manager.getByLabel("CE", { exact: true }).check();
  await manager.getByRole("textbox", { name: "Описание", exact: true }).click();
  await manager.keyboard.insertText(duties);
  await manager.keyboard.press("Enter");
  await manager.getByRole("button", { name: "Маркированный список" }).click();
  await manager.keyboard.insertText("Звоните: +7 701 123 45 67");
  await expect(manager.getByText("Из описания удалено: телефон +7 701 123 45 67")).toBeVisible();
  await manager.getByRole("button", { name: "Сохранить" }).click();
  await expect(manager).toHaveURL(/\/vacancies\/\d+$/);
  await expect(manager.getByText("Статус: Черновик")).toBeVisible();
  await expectNoAxeViolations(manager);
  // Publication is paid: without a credit the vacancy is not submitted, and the way to buy is shown.
  await manager.getByRole("button", { name: "Отправить на модерацию" }).click();
  await expect(manager.getByText("Нет оплаченных публикаций этого типа.")).toBeVisible();
  await expect(manager.getByRole("link", { name: "Купить публикации" })).toHaveAttribute("href", `${orgPath}/billing`);
  await expect(manager.getByText("Статус: Черновик")).toBeVisible();

  // The owner buys one standard publication by card (the provider's page is the dev checkout).
  await owner.goto(`${orgPath}/billing`);
  await owner.getByTestId("add-vacancy.standard").click();
  await owner.getByTestId("cart").getByRole("button", { name: "Оплатить картой" }).click();
  await expect(owner).toHaveURL(/\/billing\/pay\/\d+$/);
  await owner.getByRole("button", { name: "Оплатить", exact: true }).click();
  await expect(owner).toHaveURL(/\/dev\/checkout\/\d+/);
  await owner.getByRole("button", { name: "Оплатить", exact: true }).click();
  await expect(owner.getByTestId("order-status")).toContainText("оплачен и активирован");

  await manager.getByRole("button", { name: "Отправить на модерацию" }).click();
  await expect(manager.getByText("Статус: На модерации")).toBeVisible();

  await admin.goto(`/ru/admin/moderation?q=${encodeURIComponent(title)}`);
  const item = admin.getByRole("listitem").filter({ has: admin.getByRole("heading", { name: title }) });
  await item
    .getByLabel("Специализации (можно выбрать несколько)")
    .selectOption([{ label: "Водитель категории CE" }, { label: "Водитель категории C" }]);
  await item.getByRole("button", { name: "Сохранить специализации" }).click();
  await expect(admin.getByText("Исправление сохранено.")).toBeVisible();
  await item.getByLabel("Причина (увидит работодатель)").fill("Укажите график вахты.");
  await item.getByRole("button", { name: "Вернуть на доработку" }).click();
  await expect(admin.getByText(`Решение по «${title}» принято.`)).toBeVisible();

  await manager.reload();
  await expect(manager.getByText("Модератор вернул вакансию: Укажите график вахты.")).toBeVisible();
  await expect(manager.getByText("Модератор исправил: специализации")).toBeVisible();
  await manager.getByRole("textbox", { name: "Описание", exact: true }).click();
  await manager.keyboard.press("ControlOrMeta+End");
  await manager.keyboard.press("Enter");
  await manager.keyboard.insertText("График: вахта 15/15.");
  await manager.getByRole("button", { name: "Сохранить" }).click();
  await expect(manager.getByText("Сохранено.")).toBeVisible();
  await manager.getByRole("button", { name: "Отправить на модерацию" }).click();
  await expect(manager.getByText("Статус: На модерации")).toBeVisible();

  await admin.reload();
  await admin
    .getByRole("listitem")
    .filter({ has: admin.getByRole("heading", { name: title }) })
    .getByRole("button", { name: "Опубликовать" })
    .click();
  await expect(admin.getByText(`Решение по «${title}» принято.`)).toBeVisible();

  await manager.reload();
  await expect(manager.getByText("Статус: Опубликована")).toBeVisible();
  const publicHref = await manager.getByRole("link", { name: "Открыть на сайте" }).getAttribute("href");
  const guest = await (await browser.newContext()).newPage();
  const response = await guest.goto(publicHref ?? "/");
  expect(response?.status()).toBe(200);
  await expect(guest.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(guest.getByText("вахта 15/15")).toBeVisible();
  await expect(guest.locator('meta[name="robots"][content*="noindex"]')).toHaveCount(0);
  expect(await guest.content()).not.toContain("701 123 45 67");

  // A seeker applies from the vacancy page, seeing what the employer will receive.
  const seeker = await (await browser.newContext()).newPage();
  await signIn(seeker, "seeker@demo.jumys.kz", DEMO_PASSWORD);
  await seeker.goto(publicHref ?? "/");
  await seeker.getByRole("link", { name: "Откликнуться" }).click();
  await expect(seeker.getByRole("heading", { name: "Отклик на вакансию" })).toBeVisible();
  await expect(seeker.getByText("Работодатель получит:")).toBeVisible();
  await seeker.getByRole("textbox", { name: "Сопроводительное письмо" }).fill("Готов к вахте, опыт на тягачах восемь лет.");
  await expectNoAxeViolations(seeker);
  await seeker.getByRole("button", { name: "Отправить отклик" }).click();
  await expect(seeker).toHaveURL(/\/ru\/seeker\/applications$/);
  const myApplication = seeker.getByRole("listitem").filter({ hasText: title });
  await expect(myApplication).toContainText("Новый");
  await manager.getByRole("link", { name: "Статистика", exact: true }).click();
  await expect(manager.getByRole("heading", { name: `Статистика: ${title}` })).toBeVisible();
  await expectNoAxeViolations(manager);
  await manager.getByRole("link", { name: "Отклики" }).click();
  await manager
    .getByRole("link", { name: /Водитель/ })
    .first()
    .click();
  await expect(manager.getByText("Готов к вахте, опыт на тягачах восемь лет.")).toBeVisible();
  await expect(manager.getByText("Статус: Просмотрен")).toBeVisible();
  await expectNoAxeViolations(manager);
  await manager.getByRole("button", { name: "Пригласить" }).click();
  await expect(manager.getByLabel("Тема письма")).toHaveValue(`Приглашение на собеседование: ${title}`);
  await manager.getByRole("button", { name: "Отправить" }).click();
  await expect(manager.getByText("Статус: Приглашение")).toBeVisible();
  const invite = await readLatestEmail(manager, "seeker@demo.jumys.kz", new RegExp(`Приглашение на собеседование: ${title}`));
  expect(invite).toContain(orgName);
  await seeker.goto("/ru/seeker/applications");
  await expect(myApplication).toContainText("Приглашение");
  await expect(myApplication).toContainText("собеседование");
  await expectNoAxeViolations(seeker);
});
