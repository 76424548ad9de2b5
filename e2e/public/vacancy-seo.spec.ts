import { expect, test } from "@playwright/test";

import { findVacancy, LIVE, sql, visibleAs } from "../fixtures/db";

type JsonLd = Record<string, unknown> & { "@type": string };

function jsonLd(html: string): JsonLd[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1] ?? "") as JsonLd,
  );
}

test("the vacancy page's JSON-LD parses and has every required and recommended JobPosting property", async ({ request }) => {
  const v = await findVacancy(
    `${LIVE} AND v.publication_type = 'STANDARD' AND v.salary_from IS NOT NULL AND v.expires_at IS NOT NULL`,
  );
  const response = await request.get(`/ru/vacancy/${v.id}-${v.slug}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const data = jsonLd(html);
  const job = data.find((d) => d["@type"] === "JobPosting") as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON
  expect(job).toBeTruthy();
  for (const key of [
    "title",
    "description",
    "datePosted",
    "validThrough",
    "employmentType",
    "hiringOrganization",
    "jobLocation",
    "baseSalary",
    "directApply",
    "identifier",
  ]) {
    expect(job[key], key).toBeDefined();
  }
  expect(job.title).toBe(v.title);
  expect(job.hiringOrganization).toMatchObject({ "@type": "Organization", name: v.org });
  expect(job.hiringOrganization.logo).toMatch(/^http.*\/logos\/\d+\.svg$/);
  expect(job.hiringOrganization.sameAs).toContain(`/ru/company/${v.org_id}-`);
  expect(job.jobLocation.address.addressCountry).toBe("KZ");
  expect(job.jobLocation.address.addressLocality).toBeTruthy();
  expect(job.baseSalary.currency).toBe("KZT");
  expect(job.baseSalary.value.unitText).toBe("MONTH");
  expect(new Date(job.datePosted).getTime()).toBeLessThan(new Date(job.validThrough).getTime());
  expect(data.some((d) => d["@type"] === "BreadcrumbList")).toBe(true);

  expect(html).toContain(`<link rel="canonical" href="${new URL(`/ru/vacancy/${v.id}-${v.slug}`, response.url()).href}"/>`);
  expect(html).toMatch(/<link rel="alternate" hrefLang="kk" href="[^"]+\/kk\/vacancy\//);
  expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
  expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
  expect(html).not.toMatch(/<meta name="robots" content="noindex/);
  const logo = await request.get(job.hiringOrganization.logo.replace(/^https?:\/\/[^/]+/, ""));
  expect(logo.headers()["content-type"]).toContain("image/svg+xml");
});

test("a wrong or missing slug answers 301 with the current URL", async ({ request }) => {
  const v = await findVacancy(`${LIVE} AND v.publication_type = 'STANDARD'`);
  for (const path of [`/ru/vacancy/${v.id}-old-title`, `/kk/vacancy/${v.id}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(301);
    expect(response.headers().location).toMatch(new RegExp(`/(ru|kk)/vacancy/${v.id}-${v.slug}$`));
  }
});

test("an archived or removed vacancy answers 410 with a noindex page and similar vacancies", async ({ request }) => {
  for (const status of ["ARCHIVED", "REMOVED"]) {
    const v = await findVacancy(`v.status = '${status}' AND v.published_at IS NOT NULL`);
    const response = await request.get(`/ru/vacancy/${v.id}-${v.slug}`, { maxRedirects: 0 });
    expect(response.status(), status).toBe(410);
    const html = await response.text();
    // Exactly one robots tag: two (Next's own for the status and the page's) contradicted each other.
    expect(html.match(/<meta name="robots"[^>]*>/g), status).toEqual(['<meta name="robots" content="noindex"/>']);
    expect(html).not.toContain('"@type":"JobPosting"');
    if (status === "REMOVED") expect(html).not.toContain(v.title);
  }
});

test("a vacancy that expires or is archived while cached turns into 410 at once", async ({ request }) => {
  const v = await findVacancy(
    `${LIVE} AND v.publication_type = 'STANDARD' AND v.id NOT IN (SELECT vacancy_id FROM tickets WHERE vacancy_id IS NOT NULL)`,
  );
  const path = `/kk/vacancy/${v.id}-${v.slug}`;
  expect((await request.get(path)).status()).toBe(200);
  await sql("UPDATE vacancies SET status = 'ARCHIVED', archived_at = now() WHERE id = $1", [v.id]);
  await sql("SELECT refresh_vacancy_search(ARRAY[$1]::integer[])", [v.id]);
  try {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status()).toBe(410);
    expect(await response.text()).toMatch(/<meta name="robots" content="noindex/);
    const sitemap = await request.get(`/sitemaps/vacancies-kk-${Math.floor(v.id / 50_000)}.xml`);
    expect(await sitemap.text()).not.toContain(`/kk/vacancy/${v.id}-`);
  } finally {
    await sql("UPDATE vacancies SET status = 'PUBLISHED', archived_at = NULL WHERE id = $1", [v.id]);
    await sql("SELECT refresh_vacancy_search(ARRAY[$1]::integer[])", [v.id]);
  }
});

test("a closed vacancy is not reachable by guests and not in the sitemap", async ({ request }) => {
  const v = await findVacancy(visibleAs("closed"));
  const response = await request.get(`/ru/vacancy/${v.id}-${v.slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain(v.title);
  const sitemap = await request.get(`/sitemaps/vacancies-ru-${Math.floor(v.id / 50_000)}.xml`);
  expect(await sitemap.text()).not.toContain(`/vacancy/${v.id}-`);
  expect((await request.get("/ru/vacancy-private/" + v.id, { maxRedirects: 0 })).status()).toBe(404);
});

test("an anonymous vacancy never reveals its company in the HTML or the JSON-LD", async ({ request }) => {
  const v = await findVacancy(`${LIVE} AND v.publication_type = 'ANONYMOUS'`);
  // The street address would give the employer away too: put the company's own on the vacancy.
  const [place] = await sql<{ address: string }>(
    "UPDATE vacancies v SET address = coalesce(o.address, 'ул. Абая, 150') FROM organizations o WHERE v.id = $1 AND o.id = v.organization_id RETURNING v.address AS address",
    [v.id],
  );
  const [org] = await sql<{ address: string | null }>("SELECT address FROM organizations WHERE id = $1", [v.org_id]);
  for (const locale of ["ru", "kk"]) {
    const response = await request.get(`/${locale}/vacancy/${v.id}-${v.slug}`);
    expect(response.status()).toBe(200);
    const html = await response.text();
    for (const secret of [
      v.org,
      v.legal,
      v.bin ?? "no-bin",
      `/company/${v.org_id}-`,
      `/logos/${v.org_id}`,
      v.org_slug,
      place!.address,
      org?.address ?? "no-address",
    ]) {
      expect(html, `${locale}: ${secret}`).not.toContain(secret);
    }
    const job = jsonLd(html).find((d) => d["@type"] === "JobPosting") as Record<string, Record<string, unknown>>;
    // Google's documented value for an employer hiring anonymously.
    expect(job.hiringOrganization).toBe("confidential");
    expect(job.jobLocation?.address).not.toHaveProperty("streetAddress");
    expect((job.jobLocation?.address as Record<string, unknown>).addressLocality).toBeTruthy();
  }
  const search = await request.get(`/ru/vacancies?company=${v.org_id}`);
  expect(await search.text()).not.toContain(`/vacancy/${v.id}-`);
  // The company's own page neither lists nor links it.
  const company = await request.get(`/ru/company/${v.org_id}-${v.org_slug}`);
  expect(company.status()).toBe(200);
  const companyHtml = await company.text();
  expect(companyHtml).not.toContain(`/vacancy/${v.id}-`);
});

test("robots.txt points to the sitemap index, which lists sitemaps of vacancies", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
  // Host: was Yandex's own directive, dropped in 2018.
  expect(robots).not.toMatch(/^Host:/im);
  expect(robots).toContain("Disallow: /api/");
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("xml");
  const body = await index.text();
  expect(body).toContain("<sitemapindex");
  const first = /<loc>[^<]*(\/sitemaps\/vacancies-ru-\d+\.xml)<\/loc>/.exec(body)?.[1];
  expect(first).toBeTruthy();
  const file = await (await request.get(first as string)).text();
  expect(file).toMatch(/<url><loc>[^<]+\/ru\/vacancy\/\d+-/);
  expect(file).toContain("<lastmod>");
});
