import { devices, expect, test, type Browser, type Page } from "@playwright/test";

import { signUpAndSignIn } from "../fixtures/accounts";
import { expectNoAxeViolations } from "../fixtures/axe";
import { staffAccount } from "../fixtures/billing";
import { signInAsStaff } from "../fixtures/staff";

// Publishing a version asks EVERY signed-in person to accept it at their next request: this spec
// runs in a Playwright project of its own, after all the others (playwright.config.ts), and runs
// both viewports and both languages itself.

const TEXT = {
  ru: {
    newDraft: "Новая редакция соглашения",
    titleRu: "Заголовок (на русском)",
    titleKk: "Заголовок (на казахском)",
    save: "Сохранить и просмотреть",
    publish: "Опубликовать",
    published: /редакция \d+ опубликована/,
    acceptTitle: "Условия изменились",
    changes: /Что изменилось с редакции \d+/,
    diffTitle: /Что изменилось/,
    accept: "Принимаю",
    added: "добавлено:",
  },
  kk: {
    newDraft: "Келісімнің жаңа редакциясы",
    titleRu: "Тақырып (орыс тілінде)",
    titleKk: "Тақырып (қазақ тілінде)",
    save: "Сақтау және қарау",
    publish: "Жариялау",
    published: /\d+ редакциясы жарияланды/,
    acceptTitle: "Шарттар өзгерді",
    changes: /\d+ редакциясынан бері не өзгерді/,
    diffTitle: /Не өзгерді/,
    accept: "Қабылдаймын",
    added: "қосылды:",
  },
} as const;

const VIEWPORTS = [
  { name: "desktop", locale: "ru", device: {} },
  { name: "phone", locale: "kk", device: (({ defaultBrowserType: _browser, ...rest }) => rest)(devices["Pixel 7"]) },
] as const;

async function newPage(browser: Browser, device: (typeof VIEWPORTS)[number]["device"]): Promise<Page> {
  return (await browser.newContext(device)).newPage();
}

for (const viewport of VIEWPORTS) {
  test(`${viewport.name}, ${viewport.locale}: a superadmin publishes new terms; a signed-in seeker accepts them at the next page`, async ({
    browser,
  }) => {
    // Two sign-ins (one with the second factor) and seven pages checked with axe.
    test.setTimeout(300_000);
    const { locale } = viewport;
    const text = TEXT[locale];
    // One word of its own in the new text (the comparison splits at punctuation).
    const mark = String(Date.now());
    const stamp = `${viewport.name}-${mark}`;

    // A seeker signed in before the new version exists works as usual.
    const seeker = await newPage(browser, viewport.device);
    await signUpAndSignIn(seeker, {
      name: "Соискатель Соглашения",
      email: `terms-${stamp}@example.kz`,
      password: "terms-password-2026",
      type: "seeker",
    });
    await seeker.goto(`/${locale}/seeker/applications`);
    await expect(seeker).toHaveURL(new RegExp(`/${locale}/seeker/applications$`));

    // The superadmin drafts the next version, edits it in both languages and previews it.
    const staff = await newPage(browser, viewport.device);
    await signInAsStaff(staff, await staffAccount("SUPERADMIN"), `/${locale}/admin/legal`);
    await expectNoAxeViolations(staff);
    await staff.getByRole("button", { name: text.newDraft }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/admin/legal/\\d+/edit$`));
    await staff.getByLabel(text.titleRu).fill(`Пользовательское соглашение ${stamp}`);
    await staff.getByLabel(text.titleKk).fill(`Пайдаланушы келісімі ${stamp}`);
    await staff.locator("#legal-body-ru").fill(`Новое условие ${stamp}: данные хранятся пять лет.`);
    await staff.locator("#legal-body-kk").fill(`Жаңа шарт ${stamp}: деректер бес жыл сақталады.`);
    await expectNoAxeViolations(staff);
    await staff.getByRole("button", { name: text.save }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/admin/legal/\\d+$`));
    const title = locale === "kk" ? `Пайдаланушы келісімі ${stamp}` : `Пользовательское соглашение ${stamp}`;
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(staff.getByText(locale === "kk" ? `Жаңа шарт ${stamp}` : `Новое условие ${stamp}`)).toBeVisible();
    await expectNoAxeViolations(staff);

    // Published, it binds the superadmin too: their next page is the acceptance page.
    staff.once("dialog", (dialog) => void dialog.accept());
    await staff.getByRole("button", { name: text.publish }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/legal/accept\\?next=`));
    await staff.getByRole("button", { name: text.accept }).click();
    await expect(staff).toHaveURL(new RegExp(`/${locale}/admin/legal\\?published=\\d+$`));
    await expect(staff.getByText(text.published)).toBeVisible();

    // The seeker's next page is the interstitial: what changed, then back where they were going.
    // On the phone they open a cached public page, which sends them from the browser.
    const going = viewport.name === "phone" ? `/${locale}/vacancies` : `/${locale}/seeker/applications`;
    await seeker.goto(going);
    await expect(seeker).toHaveURL(new RegExp(`/${locale}/legal/accept\\?next=`));
    await expect(seeker.getByRole("heading", { level: 1 })).toHaveText(text.acceptTitle);
    await expect(seeker.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expectNoAxeViolations(seeker);
    const accept = seeker.url();
    await seeker.getByRole("link", { name: text.changes }).click();
    await expect(seeker.getByRole("heading", { level: 1 })).toHaveText(text.diffTitle);
    const inserted = seeker.locator("ins", { hasText: mark }).first();
    await expect(inserted).toBeVisible();
    await expect(inserted).toContainText(text.added);
    await expectNoAxeViolations(seeker);
    await seeker.goto(accept);
    await seeker.getByRole("button", { name: text.accept }).click();
    await expect(seeker).toHaveURL((url) => url.pathname === going && !url.search.includes("next"));
    await seeker.goto(`/${locale}/seeker/resumes`);
    await expect(seeker).toHaveURL(new RegExp(`/${locale}/seeker/resumes$`));
  });
}
