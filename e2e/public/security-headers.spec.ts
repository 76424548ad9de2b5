import { expect, test, type Page } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { signInAsStaff } from "../fixtures/staff";
import { staffAccount } from "../fixtures/billing";
import { findVacancy, LIVE, sql } from "../fixtures/db";

// Every page family under the Content-Security-Policy it is served with: no violation reported
// in the browser, and the security headers present.

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name === "phone", "headers and policies do not depend on the screen");
});

/** Visits each path and fails on any CSP violation or script error the browser reports. */
async function visitWithoutViolations(page: Page, paths: string[]) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (load|execute|apply|connect)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response, path).not.toBeNull();
    const headers = response!.headers();
    expect(headers["content-security-policy"], path).toMatch(/object-src 'none'.*frame-ancestors 'none'/);
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-frame-options"], path).toBe("DENY");
    // Hydration has run and had its chance to be refused.
    await page.waitForLoadState("networkidle");
    expect(problems, path).toEqual([]);
  }
}

for (const locale of ["ru", "kk"]) {
  test(`public pages in ${locale} pass their policy`, async ({ page }) => {
    test.slow();
    const vacancy = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
    const [city] = await sql<{ slug: string }>(
      "SELECT c.slug FROM cities c JOIN vacancies v ON v.city_id = c.id WHERE v.id = $1",
      [vacancy.id],
    );
    const paths = [
      "",
      "/vacancies",
      "/vacancies?q=водитель",
      `/vacancy/${vacancy.id}-${vacancy.slug}`,
      `/company/${vacancy.org_id}-${vacancy.org_slug}`,
      `/jobs/${city!.slug}`,
      "/terms",
      "/auth/sign-in",
      "/auth/sign-up",
      "/saved",
    ];
    await visitWithoutViolations(
      page,
      paths.map((p) => `/${locale}${p}`),
    );
  });
}

test("pages rendered per request carry a nonce policy, and their scripts run under it", async ({ page }) => {
  test.slow();
  const response = await page.goto("/ru/auth/sign-in");
  const policy = response!.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // A fresh nonce for every request.
  const again = (await page.goto("/ru/auth/sign-in"))!.headers()["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);

  await signIn(page, "seeker@demo.jumys.kz", DEMO_PASSWORD);
  await visitWithoutViolations(page, [
    "/ru/account",
    "/kk/account/profile",
    "/ru/seeker/resumes",
    "/kk/seeker/subscriptions",
    "/ru/seeker/applications",
  ]);
  // The page works under the policy: a form posts and the menu answers.
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("the employer dashboard and the admin console pass their policy", async ({ browser }) => {
  test.slow();
  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, "employer@demo.jumys.kz", DEMO_PASSWORD);
  const [org] = await sql<{ id: number }>(
    "SELECT m.organization_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'employer@demo.jumys.kz' ORDER BY m.organization_id LIMIT 1",
  );
  await visitWithoutViolations(employer, [
    "/ru/employer",
    `/ru/employer/${org!.id}`,
    `/kk/employer/${org!.id}/vacancies`,
    `/ru/employer/${org!.id}/vacancies/new`,
  ]);
  const admin = await (await browser.newContext()).newPage();
  await signInAsStaff(admin, await staffAccount("SUPERADMIN"));
  await visitWithoutViolations(admin, ["/ru/admin/moderation", "/kk/admin/organizations"]);
});
