import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "../fixtures/axe";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount } from "../fixtures/billing";
import { findVacancy, LIVE } from "../fixtures/db";
import { readLatestEmail, uniqueEmail } from "../fixtures/outbox";

const TEXT = {
  ru: {
    complain: "Пожаловаться на вакансию",
    fraud: /^Мошенничество/,
    message: "Опишите проблему",
    email: "Электронная почта",
    send: "Отправить жалобу",
    sent: /Жалоба № (\d+) принята/,
    queue: "Жалобы",
    list: "Жалобы и обращения",
    from: "Создано с",
    apply: "Показать",
    assignToMe: "Взять себе",
    assigned: "Исполнитель назначен.",
    start: "Взять в работу",
    started: "Обращение в работе.",
    decision: "Решение по жалобе",
    answerLabel: "Ответ автору",
    answerSubmit: "Отправить ответ",
    statusAnswered: "Отвечено",
    noViolation: "Нарушений нет",
    handler: "Поддержка Тест",
    subject: (id: number) => new RegExp(`Ответ на вашу жалобу № ${id}`),
    answer: "Проверили вакансию: работодатель подтвердил контакты, нарушений не нашли.",
  },
  kk: {
    complain: "Бос орынға шағым беру",
    fraud: /^Алаяқтық/,
    message: "Мәселені сипаттаңыз",
    email: "Электрондық пошта",
    send: "Шағым жіберу",
    sent: /№ (\d+) шағым қабылданды/,
    queue: "Шағымдар",
    list: "Шағымдар мен өтініштер",
    from: "Құрылған күннен",
    apply: "Көрсету",
    assignToMe: "Өзіме алу",
    assigned: "Орындаушы тағайындалды.",
    start: "Жұмысқа алу",
    started: "Өтініш жұмыста.",
    decision: "Шағым бойынша шешім",
    answerLabel: "Авторға жауап",
    answerSubmit: "Жауапты жіберу",
    statusAnswered: "Жауап берілді",
    noViolation: "Бұзушылық жоқ",
    handler: "Поддержка Тест",
    subject: (id: number) => new RegExp(`№ ${id} шағымыңызға жауап`),
    answer: "Вакансияны тексердік: жұмыс беруші байланыс деректерін растады, бұзушылық табылмады.",
  },
} as const;

/** Today's date in Almaty, as a date input takes it. */
const almatyToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Almaty" }).format(new Date());

test("a guest's complaint is taken, answered by support and the answer reaches the guest's mailbox", async ({
  page,
  browser,
}, testInfo) => {
  // Two people, three pages with axe checks and an email: longer than the default minute.
  test.setTimeout(150_000);
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const vacancy = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  const guestEmail = uniqueEmail("complaint-guest");

  // A guest (from an address of its own, so other specs' complaints do not spend its limit).
  const guestContext = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7` },
  });
  const guest = await guestContext.newPage();
  await guest.goto(`/${locale}/vacancy/${vacancy.id}-${vacancy.slug}`);
  await guest.getByRole("link", { name: text.complain }).click();
  await guest.getByRole("radio", { name: text.fraud }).check();
  await guest.getByLabel(text.message, { exact: true }).fill("Просят перевести деньги за форму до собеседования.");
  await guest.getByLabel(text.email, { exact: true }).fill(guestEmail);
  await guest.getByRole("button", { name: text.send }).click();
  const sent = guest.getByRole("main").getByText(text.sent);
  await expect(sent).toBeVisible();
  const ticketId = Number((await sent.textContent())?.match(text.sent)?.[1]);
  expect(ticketId).toBeGreaterThan(0);
  await guestContext.close();

  // Support opens it from the console's home.
  await signInAsStaff(page, await staffAccount("SUPPORT"));
  await page.goto(`/${locale}/admin`);
  await page.getByRole("link", { name: text.queue, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/tickets\\?kind=COMPLAINT$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.list);
  await expectNoAxeViolations(page);
  // Older open complaints come first: today's are few.
  await page.getByLabel(text.from, { exact: true }).fill(almatyToday());
  await page.getByRole("button", { name: text.apply }).click();
  await page.getByRole("link", { name: `№ ${ticketId}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/admin/tickets/${ticketId}$`));
  await expect(page.getByTestId("ticket-details")).toContainText(guestEmail);
  await expect(page.getByTestId("ticket-details")).toContainText(vacancy.title);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: text.assignToMe }).click();
  await expect(page.getByText(text.assigned)).toBeVisible();
  await expect(page.getByTestId("ticket-handler")).toHaveText(text.handler);
  await page.getByRole("button", { name: text.start }).click();
  await expect(page.getByText(text.started)).toBeVisible();
  await page.getByLabel(text.decision, { exact: true }).selectOption({ label: text.noViolation });
  await page.getByLabel(text.answerLabel, { exact: true }).fill(text.answer);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: text.answerSubmit }).click();
  // Answered, nothing more to do: the page shows the answer instead of the forms.
  await expect(page.getByTestId("ticket-status")).toHaveText(text.statusAnswered);
  await expect(page.getByTestId("ticket-answer")).toHaveText(text.answer);
  await expect(page.getByRole("button", { name: text.answerSubmit })).toHaveCount(0);
  await expect(page.getByTestId("ticket-decision")).toHaveText(text.noViolation);

  // The guest's answer, in the language the complaint was written in.
  const email = await readLatestEmail(page, guestEmail, text.subject(ticketId));
  expect(email).toContain(text.answer);
});
