import { describe, expect, it } from "vitest";

import { safeCallbackPath, safeSameOriginUrl } from "./safe-callback";

describe("safeCallbackPath", () => {
  it("keeps same-site paths without the locale", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/kk/account?x=1")).toBe("/account?x=1");
    expect(safeCallbackPath("/ru")).toBe("/");
    expect(safeCallbackPath("/ru/vacancies?q=водитель#top")).toBe(
      "/vacancies?q=%D0%B2%D0%BE%D0%B4%D0%B8%D1%82%D0%B5%D0%BB%D1%8C#top",
    );
  });

  it("resolves dot segments as a browser does", () => {
    expect(safeCallbackPath("/ru/seeker/../account")).toBe("/account");
    expect(safeCallbackPath("/..")).toBe("/");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/..//evil.example",
    "/ru/..//evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "https://localhost:3601.evil.example/",
    "javascript:alert(1)",
    "data:text/html,x",
    "/\t/evil.example",
    "",
    "   ",
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/account");
  });

  it("accepts a full URL only on the site's own origin", () => {
    expect(safeCallbackPath("http://localhost:3000/ru/account", "/", "http://localhost:3000")).toBe("/account");
    expect(safeCallbackPath("https://localhost:3601.evil.example/", "/", "https://localhost:3601")).toBe("/");
    expect(safeCallbackPath("http://localhost:3000.evil.example/ru", "/", "http://localhost:3000")).toBe("/");
    expect(safeCallbackPath("not a url at all", "/", "http://localhost:3000")).toBe("/not%20a%20url%20at%20all");
  });
});

describe("safeSameOriginUrl", () => {
  const APP = "https://localhost:3601";
  it("keeps the site's own URLs and paths, normalised", () => {
    expect(safeSameOriginUrl("/ru/account", APP, "/ru")).toBe("https://localhost:3601/ru/account");
    expect(safeSameOriginUrl("https://localhost:3601/kk/vacancies?q=1", APP, "/ru")).toBe(
      "https://localhost:3601/kk/vacancies?q=1",
    );
  });

  it.each([
    "https://localhost:3601.evil.example/",
    "//evil.example",
    "/..//evil.example",
    "https://evil.example/ru",
    "http://[::1",
  ])("sends %j home instead of throwing", (value) => {
    expect(safeSameOriginUrl(value, APP, "/ru")).toBe("https://localhost:3601/ru");
  });
});
