import { describe, expect, it } from "vitest";

import { localizedHref } from "./localized-href";

describe("localizedHref", () => {
  it("puts the locale in front of the site's paths", () => {
    expect(localizedHref("/vacancies", "kk")).toBe("/kk/vacancies");
    expect(localizedHref("/", "ru")).toBe("/ru");
    expect(localizedHref("/vacancies?q=водитель#results", "ru")).toBe(
      "/ru/vacancies?q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C#results",
    );
  });

  it("writes a query object, repeating array values and leaving out empty ones", () => {
    expect(localizedHref({ pathname: "/auth/sign-in", query: { callbackUrl: "/seeker/resumes?x=1" } }, "ru")).toBe(
      "/ru/auth/sign-in?callbackUrl=%2Fseeker%2Fresumes%3Fx%3D1",
    );
    expect(localizedHref({ pathname: "/vacancies", query: { spec: [1, 2], city: undefined, page: 2 } }, "kk")).toBe(
      "/kk/vacancies?spec=1&spec=2&page=2",
    );
  });

  it("leaves other URLs alone", () => {
    expect(localizedHref("https://example.kz/x", "ru")).toBe("https://example.kz/x");
    expect(localizedHref("//evil.example", "ru")).toBe("//evil.example");
    expect(localizedHref("mailto:a@b.kz", "ru")).toBe("mailto:a@b.kz");
  });
});
