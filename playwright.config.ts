import { defineConfig, devices } from "@playwright/test";

// Runs against a production build (`npm run build` first) started by the same launcher users
// run. With DATABASE_URL unset the launcher starts the embedded PostgreSQL instead.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
};

/** Specs of the "last" project (see below). */
const LAST = ["admin/legal.spec.ts"];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".reports/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromium,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, testIgnore: LAST },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: chromium }, grepInvert: /@keyboard/, testIgnore: LAST },
    // Specs that change what every signed-in person sees (a new version of the terms sends them
    // all to accept it): after everything else, each covering both viewports itself.
    {
      name: "last",
      use: { ...devices["Desktop Chrome"], launchOptions: chromium },
      testMatch: LAST,
      dependencies: ["desktop", "phone"],
      // One after the other: each publishes a version the other's people would have to accept.
      fullyParallel: false,
    },
  ],
  webServer: {
    command: "npx tsx scripts/run-app.ts start",
    url: `${baseURL}/ru`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: baseURL,
      // As behind one load balancer: tests can then speak for other clients (X-Forwarded-For)
      // without spending the rate limits of the browser's own address.
      TRUSTED_PROXY_COUNT: "1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-0123456789",
      DEV_OUTBOX_PAGE: "true",
      // Card payments go through the dev checkout, which signs the provider's notifications.
      DEV_CHECKOUT_PAGE: "true",
      // The specs call the scheduled jobs as the scheduler does.
      CRON_SECRET: process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-e2e-cron-secret-0123456789",
      // The specs sign in with the demo accounts and need the published terms.
      SEED_DEMO: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
