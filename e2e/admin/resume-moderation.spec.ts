import { expect, test, type Browser, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { sql } from "../fixtures/db";
import { signInAsStaff } from "../fixtures/staff";

const TEXT = {
  ru: {
    term: "Слово или выражение",
    add: "Добавить",
    added: "добавлено в список",
    about: "О себе",
    save: "Сохранить резюме",
    saved: "Резюме сохранено.",
    flagged: "нецензурное слово",
    reason: "Причина (увидит соискатель)",
    hide: "Скрыть",
    hidden: "скрыто.",
    hiddenTitle: "Резюме скрыто модератором",
    requestReview: "Попросить проверить снова",
    reviewRequested: "Резюме отправлено модератору на повторную проверку.",
    restore: "Открыть снова",
    restored: "снова видно работодателям",
  },
  kk: {
    term: "Сөз немесе тіркес",
    add: "Қосу",
    added: "тізімге қосылды",
    about: "Өзім туралы",
    save: "Түйіндемені сақтау",
    saved: "Түйіндеме сақталды.",
    flagged: "әдепсіз сөз",
    reason: "Себебі (ізденуші көреді)",
    hide: "Жасыру",
    hidden: "жасырылды.",
    hiddenTitle: "Түйіндемені модератор жасырды",
    requestReview: "Қайта тексеруді сұрау",
    reviewRequested: "Түйіндеме модераторға қайта тексеруге жіберілді.",
    restore: "Қайта ашу",
    restored: "қайта көрінеді",
  },
} as const;

const LETTERS = "бвгджзклмнпрстфхчшщ";
/** A made-up word of its own per run, so parallel runs never flag each other's resumes. */
const madeUpWord = () => `брань${Array.from({ length: 6 }, () => LETTERS[Math.floor(Math.random() * LETTERS.length)]).join("")}`;

/** A seeker of its own (signed in with the demo password) with one clean resume, in `locale`. */
async function seekerWithResume(locale: "ru" | "kk") {
  const email = await staffAccount("MODERATOR");
  await sql(`UPDATE users SET staff_role = NULL, is_seeker = true, locale = $2 WHERE email = $1`, [email, locale]);
  const [resume] = await sql<{ id: number }>(
    `INSERT INTO resumes (user_id, title, city_id, employment_types, schedules, skills, about, visibility, updated_at)
     SELECT u.id, 'Водитель погрузчика', (SELECT id FROM cities ORDER BY id LIMIT 1), '{FULL_TIME}', '{FULL_DAY}', '{Погрузчик}',
            'Работаю аккуратно.', 'ALL', now()
     FROM users u WHERE u.email = $1 RETURNING id`,
    [email],
  );
  if (!resume) throw new Error("no resume");
  await sql(
    `INSERT INTO resume_specializations (resume_id, specialization_id)
     SELECT $1, id FROM specializations WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1`,
    [resume.id],
  );
  return { email, resumeId: resume.id };
}

const moderationOf = async (resumeId: number) =>
  (await sql<{ moderation: string }>(`SELECT moderation::text FROM resumes WHERE id = $1`, [resumeId]))[0]?.moderation;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a moderator adds a term, hides a seeker's resume with it, the seeker fixes it and asks for a review, the moderator restores it", async ({
  browser,
}, testInfo) => {
  test.slow();
  const locale = testInfo.project.name === "phone" ? "kk" : "ru";
  const text = TEXT[locale];
  const word = madeUpWord();

  // The moderator adds the term to the list.
  const moderator = await newPage(browser);
  await signInAsStaff(moderator, await staffAccount("MODERATOR"), `/${locale}/admin/words`);
  await moderator.getByLabel(text.term, { exact: true }).fill(word);
  await moderator.getByRole("button", { name: text.add, exact: true }).click();
  await expect(moderator.getByText(text.added)).toBeVisible();
  await expect(moderator.locator(`[data-term="${word}"]`)).toBeVisible();
  await expectNoAxeViolations(moderator);

  // The seeker saves the resume with the word in "about": it is flagged.
  const { email, resumeId } = await seekerWithResume(locale);
  const seeker = await newPage(browser);
  await signIn(seeker, email, DEMO_PASSWORD);
  await seeker.goto(`/${locale}/seeker/resumes/${resumeId}/edit`);
  await seeker.getByLabel(text.about, { exact: true }).fill(`Работаю аккуратно, ${word.toUpperCase()} не говорю.`);
  await seeker.getByRole("button", { name: text.save }).click();
  await expect(seeker.getByText(text.saved)).toBeVisible();
  expect(await moderationOf(resumeId)).toBe("FLAGGED");

  // The moderator sees the term on the resume and hides it with a reason.
  await moderator.goto(`/${locale}/admin/resumes?resume=${resumeId}`);
  const card = moderator.locator(`[data-resume="${resumeId}"]`);
  await expect(card.getByTestId("resume-flags")).toContainText(`${text.flagged} «${word}»`);
  await expectNoAxeViolations(moderator);
  await card.getByLabel(text.reason, { exact: true }).fill("Грубые слова в разделе «О себе».");
  await card.getByRole("button", { name: text.hide, exact: true }).click();
  await expect(moderator.getByText(text.hidden)).toBeVisible();
  expect(await moderationOf(resumeId)).toBe("HIDDEN");

  // The seeker sees why, fixes the text and asks for a review.
  await seeker.goto(`/${locale}/seeker/resumes/${resumeId}`);
  const notice = seeker.getByTestId("resume-moderation");
  await expect(notice.getByRole("heading", { name: text.hiddenTitle })).toBeVisible();
  await expect(notice).toContainText("Грубые слова в разделе «О себе».");
  await expectNoAxeViolations(seeker);
  await seeker.goto(`/${locale}/seeker/resumes/${resumeId}/edit`);
  await seeker.getByLabel(text.about, { exact: true }).fill("Работаю аккуратно и вежливо.");
  await seeker.getByRole("button", { name: text.save }).click();
  await expect(seeker.getByText(text.saved)).toBeVisible();
  await seeker.getByTestId("resume-moderation").getByRole("button", { name: text.requestReview }).click();
  await expect(seeker.getByText(text.reviewRequested)).toBeVisible();
  expect(await moderationOf(resumeId)).toBe("REVIEW");

  // Back in the queue: the moderator restores it.
  await moderator.goto(`/${locale}/admin/resumes?resume=${resumeId}`);
  await card.getByRole("button", { name: text.restore, exact: true }).click();
  await expect(moderator.getByText(text.restored)).toBeVisible();
  expect(await moderationOf(resumeId)).toBe("CLEAR");

  // Both decisions were emailed to the seeker in their language.
  const emails = await sql<{ locale: string }>(
    `SELECT m.locale::text FROM email_messages m JOIN users u ON u.id = m.user_id
     WHERE u.email = $1 AND m.template = 'resume-moderation' ORDER BY m.id`,
    [email],
  );
  expect(emails.map((e) => e.locale)).toEqual([locale, locale]);
});
