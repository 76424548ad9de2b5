import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { ErrorTextsProvider } from "@/components/error-texts";
import kk from "@/i18n/messages/kk.json";
import ru from "@/i18n/messages/ru.json";

import PageError from "./error";

const noop = () => undefined;

describe("the error page", () => {
  it.each([
    ["ru", ru],
    ["kk", kk],
  ] as const)("speaks %s, with a retry and the way home", (locale, messages) => {
    const texts = { ...messages.errorPage, homeHref: `/${locale}` };
    const html = renderToStaticMarkup(
      createElement(ErrorTextsProvider, { texts }, createElement(PageError, { error: new Error("boom"), retry: noop })),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain(`>${texts.title}</h1>`);
    expect(html).toContain(texts.text);
    expect(html).toMatch(new RegExp(`<button type="button"[^>]*>${texts.retry}</button>`));
    expect(html).toContain(`<a href="/${locale}"`);
    // The error itself is never shown to the visitor.
    expect(html).not.toContain("boom");
  });

  it("refuses to render outside the locale layout's texts", () => {
    expect(() => renderToStaticMarkup(createElement(PageError, { error: new Error("x"), retry: noop }))).toThrow(
      /ErrorTextsProvider/,
    );
  });
});
