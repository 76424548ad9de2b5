import { expect, test, type APIRequestContext } from "@playwright/test";

import { findVacancy, LIVE, sql } from "../fixtures/db";

// What search engines, social networks and browsers read from the head of public pages and from
// the files next to them.

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const tags = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[0]);
const meta = (html: string, key: string) =>
  tags(html, /<meta [^>]*>/g)
    .filter((t) => attr(t, "property") === key || attr(t, "name") === key)
    .map((t) => attr(t, "content"));
const alternates = (html: string) =>
  Object.fromEntries(
    tags(html, /<link rel="alternate" [^>]*>/g).map((t) => [attr(t, "hrefLang") ?? attr(t, "hreflang"), attr(t, "href")]),
  );
const canonical = (html: string) => attr(tags(html, /<link rel="canonical" [^>]*>/g)[0] ?? "", "href");
const local = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");

function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

async function expectPng(request: APIRequestContext, url: string, size?: { width: number; height: number }) {
  const response = await request.get(local(url));
  expect(response.status(), url).toBe(200);
  expect(response.headers()["content-type"], url).toBe("image/png");
  const dimensions = pngSize(await response.body());
  if (size) expect(dimensions, url).toEqual(size);
  return response.body();
}

test("/favicon.ico is an icon with several sizes; the manifest is valid and every icon resolves", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const ico = await favicon.body();
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2);

  const html = await (await request.get("/ru")).text();
  const manifestHref = attr(tags(html, /<link rel="manifest" [^>]*>/g)[0] ?? "", "href");
  expect(manifestHref).toBeTruthy();
  expect(meta(html, "theme-color")).toEqual(["#0f766e"]);
  const apple = attr(tags(html, /<link rel="apple-touch-icon" [^>]*>/g)[0] ?? "", "href");
  await expectPng(request, apple ?? "missing", { width: 180, height: 180 });
  for (const icon of tags(html, /<link rel="icon" [^>]*>/g)) {
    expect((await request.get(attr(icon, "href") ?? "missing")).status()).toBe(200);
  }

  const manifest = await request.get(manifestHref ?? "missing");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/application\/manifest\+json/);
  const body = (await manifest.json()) as {
    name: string;
    start_url: string;
    theme_color: string;
    background_color: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(body).toMatchObject({ name: "Jumys", start_url: "/ru", theme_color: "#0f766e", display: "standalone" });
  expect(body.background_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(body.icons.map((i) => i.sizes).sort()).toEqual(["192x192", "512x512", "512x512"]);
  expect(body.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of body.icons) {
    const [width, height] = icon.sizes.split("x").map(Number);
    await expectPng(request, icon.src, { width: width as number, height: height as number });
  }
});

test("home pages carry a canonical URL, hreflang alternates with the ru page as x-default, and Open Graph", async ({
  request,
}) => {
  const images: Buffer[] = [];
  for (const locale of ["ru", "kk"]) {
    const response = await request.get(`/${locale}`);
    const html = await response.text();
    const origin = new URL(response.url()).origin;
    expect(canonical(html)).toBe(`${origin}/${locale}`);
    expect(alternates(html)).toEqual({ ru: `${origin}/ru`, kk: `${origin}/kk`, "x-default": `${origin}/ru` });
    expect(meta(html, "og:url")).toEqual([`${origin}/${locale}`]);
    expect(meta(html, "og:title")[0]).toBeTruthy();
    expect(meta(html, "og:description")[0]).toBeTruthy();
    expect(meta(html, "og:locale")).toEqual([locale === "kk" ? "kk_KZ" : "ru_KZ"]);
    expect(meta(html, "twitter:card")).toEqual(["summary_large_image"]);
    const [image] = meta(html, "og:image");
    expect(image).toMatch(new RegExp(`^${origin}/`));
    expect(meta(html, "og:image:width")).toEqual(["1200"]);
    images.push(await expectPng(request, image as string, { width: 1200, height: 630 }));
  }
  // The Kazakh page's image carries its own (Kazakh) text.
  expect(images[0]?.equals(images[1] as Buffer)).toBe(false);
});

test("search, landing, vacancy and company pages have PNG Open Graph images and one x-default, the ru URL", async ({
  request,
}) => {
  const v = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  const [landing] = await sql<{ slug: string }>(
    "SELECT c.slug FROM vacancy_search vs JOIN cities c ON c.id = vs.city_id GROUP BY c.slug ORDER BY count(*) DESC LIMIT 1",
  );
  for (const path of [
    "/vacancies",
    `/jobs/${landing?.slug}`,
    `/vacancy/${v.id}-${v.slug}`,
    `/company/${v.org_id}-${v.org_slug}`,
  ]) {
    const response = await request.get(`/kk${path}`);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const origin = new URL(response.url()).origin;
    expect(canonical(html), path).toBe(`${origin}/kk${path}`);
    expect(alternates(html), path).toEqual({
      ru: `${origin}/ru${path}`,
      kk: `${origin}/kk${path}`,
      "x-default": `${origin}/ru${path}`,
    });
    expect(meta(html, "og:url"), path).toEqual([`${origin}/kk${path}`]);
    const images = meta(html, "og:image");
    expect(images, path).toHaveLength(1);
    expect(images[0], path).not.toMatch(/\.svg(\?|$)/);
    await expectPng(request, images[0] as string, { width: 1200, height: 630 });
    // No second, different x-default in a Link header (next-intl's named the unprefixed URL).
    const link = response.headers().link ?? "";
    expect(link, path).not.toMatch(/hreflang="x-default"/);
  }
});

test("public pages and the language redirect set no cookie, so shared caches may keep them", async ({ request }) => {
  const v = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  for (const path of ["/ru", "/kk", "/ru/vacancies", `/kk/vacancy/${v.id}-${v.slug}`, "/kk/terms"]) {
    const response = await request.get(path, { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["set-cookie"], path).toBeUndefined();
  }
  const redirect = await request.get("/", { maxRedirects: 0, headers: { "accept-language": "kk-KZ,kk;q=0.9" } });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toMatch(/\/kk$/);
  expect(redirect.headers()["set-cookie"]).toBeUndefined();
});

test("a school's title names the school once", async ({ request }) => {
  const schools = await sql<{ id: number; slug: string; display_name: string }>(
    "SELECT id, slug, display_name FROM organizations WHERE type = 'DRIVING_SCHOOL' AND verification = 'VERIFIED' AND blocked_at IS NULL ORDER BY id",
  );
  expect(schools.length).toBeGreaterThan(0);
  for (const school of schools) {
    for (const locale of ["ru", "kk"]) {
      const html = await (await request.get(`/${locale}/school/${school.id}-${school.slug}`)).text();
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
      expect(title, `${locale} ${school.display_name}`).toMatch(/\S/);
      expect(title.match(/автошкол|автомектеп/giu)?.length ?? 0, `${locale}: ${title}`).toBeLessThanOrEqual(1);
    }
  }
});

test("the header does not move when the page's scripts start, and the language link keeps the query", async ({
  browser,
}, testInfo) => {
  const vacancy = await findVacancy(LIVE);
  const pages = ["/ru", "/kk/vacancies?q=водитель", `/ru/vacancy/${vacancy.id}-x`];
  const viewport = testInfo.project.use.viewport ?? { width: 1280, height: 720 };
  for (const path of pages) {
    const heights: number[] = [];
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ viewport, javaScriptEnabled, baseURL: testInfo.project.use.baseURL });
      const page = await context.newPage();
      await page.goto(path);
      if (javaScriptEnabled) await expect(page.getByRole("link", { name: /Войти|Кіру/ }).first()).toBeVisible();
      heights.push((await page.locator("body > header").boundingBox())!.height);
      if (javaScriptEnabled && path.includes("?")) {
        await expect(page.locator('header a[hreflang="ru"]')).toHaveAttribute("href", /\/ru\/vacancies\?q=/);
      }
      await context.close();
    }
    expect(heights[1], `${path}: header height before and after the scripts ran`).toBe(heights[0]);
  }
});
