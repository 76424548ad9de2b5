import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import ru from "@/i18n/messages/ru.json";

import GlobalError from "./global-error";

describe("the failure page outside the locale layout", () => {
  it("is a whole document with the retry and the way home, never the error itself", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error("boom"), retry: () => undefined }));
    expect(html).toMatch(/^<html lang="ru">/);
    expect(html).toContain(`>${ru.errorPage.title}</h1>`);
    expect(html).toMatch(new RegExp(`<button type="button"[^>]*>${ru.errorPage.retry}</button>`));
    expect(html).toContain('<a href="/ru"');
    expect(html).not.toContain("boom");
  });
});
