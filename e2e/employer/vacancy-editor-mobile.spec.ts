import { expect, test } from "@playwright/test";

import { DEMO_PASSWORD, signIn } from "../fixtures/accounts";
import { sql } from "../fixtures/db";

test.use({ viewport: { width: 390, height: 844 } });

test("the new-vacancy editor fits a 390 px phone without sideways scrolling", async ({ page }) => {
  const [org] = await sql<{ organization_id: number }>(
    `SELECT m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE u.email = 'employer@demo.jumys.kz' AND m.role = 'OWNER' ORDER BY m.organization_id LIMIT 1`,
  );
  await signIn(page, "employer@demo.jumys.kz", DEMO_PASSWORD);
  for (const locale of ["ru", "kk"]) {
    await page.goto(`/${locale}/employer/${org?.organization_id}/vacancies/new`);
    await expect(page.locator("#title")).toBeVisible();
    const { scrollWidth, viewport } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(scrollWidth, locale).toBeLessThanOrEqual(viewport);
  }
});
