import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { translatorFor } from "@/i18n/translator";
import { db } from "@/server/db";
import { createUnsubscribeToken } from "@/server/services/digest/unsubscribe-token";
import { saveResumeSearch } from "@/server/services/saved-resume-searches/saved-resume-searches";

import { createUser, createVerifiedOrganization } from "../../../../../test/support/factories";

// The page outside Next: translations straight from the catalogues, links as plain anchors.
vi.mock("next-intl/server", () => ({
  setRequestLocale: () => undefined,
  getTranslations: ({ locale }: { locale: "ru" | "kk" }) => Promise.resolve(translatorFor(locale)),
}));
vi.mock("@/i18n/navigation", () => ({
  Link: ({ href, children, className }: { href: string; children: ReactNode; className?: string }) =>
    createElement("a", { href, className }, children),
}));

const { default: Page } = await import("./page");

async function render(locale: "ru" | "kk", search: Record<string, string>) {
  const element = await Page({ params: Promise.resolve({ locale }), searchParams: Promise.resolve(search) });
  return renderToStaticMarkup(element);
}

async function savedSearch() {
  const member = await createUser({ isSeeker: false });
  const organizationId = (await createVerifiedOrganization("EMPLOYER", [{ userId: member.id, role: "MANAGER" }])).id;
  const row = await saveResumeSearch({ userId: member.id, organizationId }, { query: "q=бульдозерист", name: "Бульдозеристы" });
  return { ...row, organizationId };
}

describe("/[locale]/unsubscribe/resume-search", () => {
  it("names the saved search and shows a form that posts to its one-click endpoint, changing nothing by being opened", async () => {
    const search = await savedSearch();
    const token = createUnsubscribeToken(search.id, new Date(), "rsearch");

    const html = await render("ru", { token });

    expect(html).toContain("Письма по сохранённому поиску резюме");
    expect(html).toContain("«Бульдозеристы»");
    expect(html).toContain(`action="/api/unsubscribe/resume-search?token=${encodeURIComponent(token)}"`);
    expect(html).toContain('name="action" value="unsubscribe"');
    expect(html).toContain('aria-describedby="unsubscribe-confirm">Отписаться от писем</button>');
    expect(html).toContain(`href="/employer/${search.organizationId}/resumes/saved"`);
    expect((await db.savedResumeSearch.findUniqueOrThrow({ where: { id: search.id } })).emailOn).toBe(true);
  });

  it("confirms in Kazakh once the emails are off and offers to switch them back on", async () => {
    const search = await savedSearch();
    await db.savedResumeSearch.update({ where: { id: search.id }, data: { emailOn: false } });
    const html = await render("kk", { token: createUnsubscribeToken(search.id, new Date(), "rsearch"), done: "off" });
    expect(html).toContain("Дайын: «Бульдозеристы» іздеуі бойынша хаттар өшірілді.");
    expect(html).toContain('name="action" value="resubscribe"');
  });

  it("refuses a digest token and a forged one", async () => {
    const search = await savedSearch();
    for (const token of [createUnsubscribeToken(search.id), "rsearch.1.2.forged"]) {
      const html = await render("ru", { token });
      expect(html).toContain("Ссылка для отписки недействительна");
      expect(html).not.toContain("<form");
    }
  });
});
