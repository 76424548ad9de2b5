import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { translatorFor } from "@/i18n/translator";
import { db } from "@/server/db";
import { createUnsubscribeToken } from "@/server/services/digest/unsubscribe-token";

import { createUser } from "../../../../test/support/factories";

// The page outside Next: translations straight from the catalogues, links as plain anchors.
vi.mock("next-intl/server", () => ({
  setRequestLocale: () => undefined,
  getTranslations: ({ locale }: { locale: "ru" | "kk" }) => Promise.resolve(translatorFor(locale)),
}));
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, children, className }: { href: string; children: ReactNode; className?: string }) =>
    createElement("a", { href, className }, children),
}));

const { default: UnsubscribePage } = await import("./page");

const DAY = 86_400_000;

async function render(locale: "ru" | "kk", search: Record<string, string>) {
  const element = await UnsubscribePage({ params: Promise.resolve({ locale }), searchParams: Promise.resolve(search) });
  return renderToStaticMarkup(element);
}

beforeEach(async () => {
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
});

describe("/[locale]/unsubscribe", () => {
  it("shows a form that posts to the one-click endpoint, and changes nothing by being opened", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken(user.id);

    const html = await render("ru", { token });

    expect(html).toContain("<h1");
    expect(html).toContain("Письма с вакансиями по подпискам");
    expect(html).toContain(`action="/api/unsubscribe?token=${encodeURIComponent(token)}"`);
    expect(html).toContain('method="post"');
    expect(html).toContain('name="action" value="unsubscribe"');
    expect(html).toContain('name="locale" value="ru"');
    expect(html).toContain('type="submit" aria-describedby="unsubscribe-confirm">Отписаться от писем</button>');
    expect(html).toContain('<p id="unsubscribe-confirm">');
    expect(html).toContain('href="/seeker/subscriptions"');
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { notifyDigests: true } });
    expect(after.notifyDigests).toBe(true);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("confirms the change after the form, and offers to switch the digests back on, in Kazakh", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { notifyDigests: false } });
    const token = createUnsubscribeToken(user.id);

    const html = await render("kk", { token, done: "off" });

    expect(html).toContain('role="status"');
    expect(html).toContain("Дайын: вакансиялар хаттарынан бас тарттыңыз.");
    expect(html).toContain('name="action" value="resubscribe"');
    expect(html).toContain("Хаттарды қайта алу");
  });

  it("says what is wrong with a forged, expired or missing token, or a deleted account", async () => {
    const user = await createUser();
    const token = createUnsubscribeToken(user.id);
    const expired = createUnsubscribeToken(user.id, new Date(Date.now() - 100 * DAY));
    const goneUser = await createUser();
    const gone = createUnsubscribeToken(goneUser.id);
    await db.user.delete({ where: { id: goneUser.id } });

    const cases: [Record<string, string>, "ru" | "kk", string][] = [
      [{ token: token.replace(/.$/, (c) => (c === "A" ? "B" : "A")) }, "ru", "Ссылка для отписки недействительна."],
      [{}, "ru", "Ссылка для отписки недействительна."],
      [{ token: expired }, "ru", "Срок действия ссылки истёк."],
      [{ token: expired }, "kk", "Сілтеменің мерзімі өтті."],
      [{ token: gone }, "ru", "Аккаунт удалён"],
    ];
    for (const [search, locale, message] of cases) {
      const html = await render(locale, search);
      expect(html).toContain('role="alert"');
      expect(html).toContain(message);
      expect(html).not.toContain("<form");
    }
    expect(await db.auditLog.count()).toBe(0);
  });
});
