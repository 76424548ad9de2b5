import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD } from "../fixtures/accounts";
import { readLatestEmail } from "../fixtures/outbox";

// What an attacker would try first: redirects off the site after signing in, malformed
// callback URLs and addresses, and the session id in page scripts.

// Requests, not layouts: one browser project is enough (and spares the sign-in rate limits).
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name === "phone", "the same requests as on desktop");
});

const EVIL_CALLBACKS = [
  "%2F..%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "https%3A%2F%2Fevil.example",
  "%2F%252F%252Fevil.example",
];

for (const callback of EVIL_CALLBACKS) {
  test(`signing in with callbackUrl=${callback} stays on the site`, async ({ page, baseURL }) => {
    await page.goto(`/ru/auth/sign-in?callbackUrl=${callback}`);
    await page.getByLabel("Электронная почта").fill("seeker@demo.jumys.kz");
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).last().click();
    await expect(page).not.toHaveURL(/\/auth\/sign-in/);
    await page.waitForLoadState("load");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page.getByTestId("current-user")).toBeVisible();
  });
}

test("signing in with a one-time code and callbackUrl=%2F..%2F%2Fevil.example stays on the site", async ({
  page,
  context,
  baseURL,
}) => {
  const account = "admin@demo.jumys.kz";
  await page.goto("/ru/auth/code?callbackUrl=%2F..%2F%2Fevil.example");
  await page.getByLabel("Электронная почта").fill(account);
  await page.getByRole("button", { name: "Получить код" }).click();
  const mail = await context.newPage();
  const code = /\b(\d{6})\b/.exec(await readLatestEmail(mail, account, /Код для входа|кіру коды/))?.[1] ?? "";
  await mail.close();
  await page.getByLabel("Код из письма").fill(code);
  await page.getByRole("button", { name: "Войти" }).last().click();
  await expect(page).not.toHaveURL(/\/auth\/code/);
  await page.waitForLoadState("load");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("next-auth's endpoints answer a hostile callbackUrl with a redirect home, not a 500", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const path of ["/api/auth/callback/password", "/api/auth/signout"]) {
    const response = await request.post(path, {
      form: {
        csrfToken,
        email: "seeker@demo.jumys.kz",
        password: "wrong-password",
        callbackUrl: "https://localhost:3601.evil.example/",
        json: "true",
      },
      maxRedirects: 0,
    });
    expect(response.status(), path).toBeLessThan(500);
    const location = response.headers()["location"] ?? ((await response.json().catch(() => ({}))) as { url?: string }).url;
    if (location) expect(new URL(location, origin).origin, `${path} → ${location}`).toBe(origin);
  }
});

test("page scripts never see the server's session id", async ({ page }) => {
  await page.goto("/ru/auth/sign-in");
  await page.getByLabel("Электронная почта").fill("seeker@demo.jumys.kz");
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).last().click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
  expect(session).not.toHaveProperty("sid");
  expect(JSON.stringify(session)).not.toMatch(/sid|[0-9a-f]{8}-[0-9a-f]{4}-/);
  // The server still knows who is signed in.
  await page.goto("/ru/account");
  await expect(page.getByRole("heading", { name: "Мой аккаунт" })).toBeVisible();
});

test("addresses that are not valid percent-encoding answer 400, not 500", async ({ request }) => {
  for (const path of [
    "/%FF",
    "/ru/%FF",
    "/ru/vacancy/%C3%28",
    "/ru/company/%FF",
    "/sitemaps/%FF.xml",
    "/logos/%FF.svg",
    "/api/trpc/%FF",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
  }
});

test("a path that resolves to another host is never redirected off the site", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const path of ["/ru/..//evil.example", "//evil.example", "/ru//evil.example", "/\\evil.example"]) {
    // The path as a browser sends it, on this site (a bare "//evil.example" would name the host).
    const response = await request.get(`${origin}${path}`, { maxRedirects: 0 });
    const location = response.headers()["location"];
    if (location) expect(new URL(location, origin).origin, `${path} → ${location}`).toBe(origin);
  }
});

test("a spoofed X-Forwarded-For does not escape the per-IP sign-in limit", async ({ request }) => {
  test.slow();
  const run = Date.now();
  const errors: string[] = [];
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // Spraying one password over 101 addresses: only the per-IP limit can stop it.
  for (let i = 0; i < 101; i++) {
    const response = await request.post("/api/auth/callback/password", {
      // The client writes whatever it likes on the left; the load balancer appends the address it saw.
      headers: { "x-forwarded-for": `10.66.${i % 250}.${i % 200}, 198.51.100.77` },
      form: { csrfToken, email: `spray-${run}-${i}@example.kz`, password: "Qwerty123!", callbackUrl: "/ru", json: "true" },
      maxRedirects: 0,
    });
    const body = (await response.json().catch(() => ({}))) as { url?: string };
    errors.push(new URL(body.url ?? response.headers()["location"] ?? "http://x/").searchParams.get("error") ?? "none");
  }
  expect(errors.slice(0, 100).every((e) => e === "errors.auth.invalidCredentials")).toBe(true);
  expect(errors[100]).toBe("errors.rateLimited");
});

test("a missing page is a real 404 page, rendered on the server in its language", async ({ request }) => {
  for (const [path, lang, heading] of [
    ["/ru/no-such-page", "ru", "Страница не найдена"],
    ["/kk/no-such-page/deeper", "kk", ""],
    ["/kk/vacancy/999999999-net-takoy", "kk", ""],
    ["/ru/vacancy-gone/1", "ru", "Страница не найдена"],
    // Known sections, unknown or malformed pages below them.
    ["/ru/seeker/xyz", "ru", "Страница не найдена"],
    ["/kk/seeker/resumes/abc", "kk", ""],
    ["/ru/employer/abc/vacancies", "ru", "Страница не найдена"],
    // Public pages whose subject does not exist.
    ["/ru/company/999999999-net-takoy", "ru", "Страница не найдена"],
    ["/kk/school/999999999", "kk", ""],
    ["/ru/jobs/no-such-city", "ru", "Страница не найдена"],
    ["/ru/jobs/almaty/no-such-specialization", "ru", "Страница не найдена"],
    ["/ru/vacancy/999999999-net/apply", "ru", "Страница не найдена"],
  ] as const) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).toContain(`<html lang="${lang}"`);
    expect(html, path).not.toContain("__next_error__");
    expect(html, path).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    if (heading) expect(html, path).toContain(heading);
  }
});
