import { beforeAll, describe, expect, it } from "vitest";

import type { OrgType, PublicationType, VacancyStatus } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { rebuildVacancySearch } from "@/server/services/search/search-index";

import { createOrganization, ensureLegalDocuments } from "../../../../test/support/factories";

import { listSitemaps, SITEMAP_MAX_URLS, sitemapIndexXml, sitemapStream, type SitemapOptions } from "./sitemap";

const APP = "https://jumys.test";
const DAY = 86_400_000;
const now = new Date();

// ---------------------------------------------------------------- a small, strict XML reader
// Enough XML for sitemaps, and strict about it: one root, matching tags, quoted attributes, no
// stray `<` or `&`, only the predefined and numeric entities. Anything else throws.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(raw))
    throw new Error(`unescaped markup in ${JSON.stringify(raw)}`);
  return raw.replace(/&(#x[\da-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] as string),
  );
}

function parseXml(source: string): XmlElement {
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${pos}: ${JSON.stringify(source.slice(pos, pos + 60))}`);
  };
  const take = (re: RegExp): RegExpExecArray | null => {
    const sticky = new RegExp(re.source, "y");
    sticky.lastIndex = pos;
    const m = sticky.exec(source);
    if (m) pos = sticky.lastIndex;
    return m;
  };
  if (!take(/<\?xml version="1\.0" encoding="UTF-8"\?>\s*/)) fail("missing XML declaration");

  function element(): XmlElement {
    const open = take(new RegExp(`<(${NAME})`));
    if (!open) return fail("expected an element");
    const el: XmlElement = { name: open[1] as string, attrs: {}, children: [], text: "" };
    for (let attr = take(new RegExp(`\\s+(${NAME})="([^"]*)"`)); attr; attr = take(new RegExp(`\\s+(${NAME})="([^"]*)"`))) {
      if ((attr[1] as string) in el.attrs) fail("duplicate attribute");
      el.attrs[attr[1] as string] = decode(attr[2] as string);
    }
    if (take(/\s*\/>/)) return el;
    if (!take(/\s*>/)) fail("unterminated start tag");
    for (;;) {
      const text = take(/[^<]+/);
      if (text) el.text += decode(text[0]);
      if (take(new RegExp(`</${el.name.replace(/[.]/g, "\\.")}>`))) return el;
      if (source.startsWith("</", pos)) fail(`mismatched end tag for <${el.name}>`);
      el.children.push(element());
    }
  }

  const root = element();
  if (!take(/\s*$/)) fail("content after the root element");
  return root;
}

const child = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
const only = (el: XmlElement, name: string) => {
  const found = child(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}>`);
  return found[0] as XmlElement;
};

describe("the test's XML reader", () => {
  it("reads a sitemap-shaped document and decodes entities", () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1&amp;2"><b>&lt;&#x41;&#66;&apos;</b><c/></a>\n');
    expect(root).toMatchObject({ name: "a", attrs: { x: "1&2" } });
    expect(only(root, "b").text).toBe("<AB'");
    expect(child(root, "c")).toHaveLength(1);
  });

  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?><a>x & y</a>', "unescaped"],
    ['<?xml version="1.0" encoding="UTF-8"?><a><b></a>', "mismatched"],
    ['<?xml version="1.0" encoding="UTF-8"?><a x=1></a>', "unterminated"],
    ['<?xml version="1.0" encoding="UTF-8"?><a></a><a></a>', "after the root"],
    ["<a></a>", "declaration"],
  ])("rejects %s", (source, message) => {
    expect(() => parseXml(source)).toThrow(message);
  });
});

// ---------------------------------------------------------------- data

type Options = Omit<SitemapOptions, "db">;

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function fetchFile(name: string, options: SitemapOptions = {}): Promise<string | null> {
  const stream = await sitemapStream(name, now, { appUrl: APP, ...options });
  return stream ? readStream(stream) : null;
}

interface SitemapUrl {
  loc: string;
  lastmod: string | null;
  alternates: Record<string, string>;
}

function parseUrlset(xml: string): SitemapUrl[] {
  const root = parseXml(xml);
  expect(root.name).toBe("urlset");
  expect(root.attrs).toEqual({
    xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xmlns:xhtml": "http://www.w3.org/1999/xhtml",
  });
  return root.children.map((url) => {
    expect(url.name).toBe("url");
    const lastmod = child(url, "lastmod")[0]?.text ?? null;
    const links = child(url, "xhtml:link");
    for (const link of links) expect(Object.keys(link.attrs).sort()).toEqual(["href", "hreflang", "rel"]);
    expect(links.every((l) => l.attrs.rel === "alternate")).toBe(true);
    expect(url.children.length).toBe(1 + (lastmod === null ? 0 : 1) + links.length);
    return {
      loc: only(url, "loc").text,
      lastmod,
      alternates: Object.fromEntries(links.map((l) => [l.attrs.hreflang, l.attrs.href])),
    };
  });
}

function parseIndex(xml: string) {
  const root = parseXml(xml);
  expect(root.name).toBe("sitemapindex");
  expect(root.attrs).toEqual({ xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" });
  return root.children.map((s) => {
    expect(s.name).toBe("sitemap");
    return { loc: only(s, "loc").text, lastmod: child(s, "lastmod")[0]?.text ?? null };
  });
}

// W3C datetime as written here: full ISO 8601 in UTC.
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

interface Fixture {
  cities: { almaty: { id: number; slug: string }; amp: { id: number; slug: string }; expiredOnly: { id: number; slug: string } };
  specs: { group: { id: number; slug: string }; child: { id: number; slug: string } };
  orgs: Record<
    "employer" | "blocked" | "anonymousOnly" | "idle" | "school" | "blockedSchool" | "unverifiedSchool" | "agency",
    { id: number }
  >;
  listable: number[];
  hidden: Record<string, number>;
  special: { id: number; slug: string };
}

let f: Fixture;

async function createVacancy(
  organizationId: number,
  cityId: number,
  options: {
    status?: VacancyStatus;
    publicationType?: PublicationType;
    expiresAt?: Date | null;
    slug?: string;
    specializationIds?: number[];
    updatedAt?: Date;
  } = {},
) {
  const status = options.status ?? "PUBLISHED";
  const vacancy = await db.vacancy.create({
    data: {
      organizationId,
      cityId,
      title: "Водитель категории C",
      slug: options.slug ?? "voditel-kategorii-c",
      description: "<p>Грузоперевозки по городу.</p>",
      status,
      publicationType: options.publicationType ?? "STANDARD",
      publishedAt: status === "DRAFT" ? null : new Date(now.getTime() - 10 * DAY),
      expiresAt: options.expiresAt === undefined ? new Date(now.getTime() + 20 * DAY) : options.expiresAt,
      archivedAt: status === "ARCHIVED" ? now : null,
      removedAt: status === "REMOVED" ? now : null,
      licenceCategories: ["C"],
      specializations: { create: (options.specializationIds ?? []).map((specializationId) => ({ specializationId })) },
    },
    select: { id: true, slug: true },
  });
  // Distinct, known change times, so lastmod can be checked to the millisecond.
  const updatedAt = options.updatedAt ?? new Date(now.getTime() - DAY - vacancy.id * 61_001);
  await db.$executeRaw`
    UPDATE vacancies SET updated_at = ${updatedAt}, published_at = published_at + ${vacancy.id} * interval '1 second'
    WHERE id = ${vacancy.id}`;
  return vacancy;
}

async function createOrg(type: OrgType, blocked = false, verified = type === "DRIVING_SCHOOL") {
  const org = await createOrganization(type);
  if (blocked) await db.organization.update({ where: { id: org.id }, data: { blockedAt: now } });
  if (verified) await db.organization.update({ where: { id: org.id }, data: { verification: "VERIFIED" } });
  return org;
}

beforeAll(async () => {
  await ensureLegalDocuments();
  const region = await db.region.create({ data: { slug: "sitemap-region", nameRu: "Область", nameKk: "Облыс" } });
  const city = (slug: string) =>
    db.city.create({ data: { regionId: region.id, slug, nameRu: slug, nameKk: slug }, select: { id: true, slug: true } });
  const cities = { almaty: await city("almaty"), amp: await city("r&d-town"), expiredOnly: await city("zhanaozen") };
  const group = await db.specialization.create({
    data: { slug: "drivers", nameRu: "Водители", nameKk: "Жүргізушілер" },
    select: { id: true, slug: true },
  });
  const childSpec = await db.specialization.create({
    data: { slug: "driver-c", nameRu: "Водитель C", nameKk: "C жүргізуші", parentId: group.id },
    select: { id: true, slug: true },
  });

  const orgs = {
    employer: await createOrg("EMPLOYER"),
    blocked: await createOrg("EMPLOYER"),
    anonymousOnly: await createOrg("AGENCY"),
    idle: await createOrg("PRIVATE_RECRUITER"),
    school: await createOrg("DRIVING_SCHOOL"),
    blockedSchool: await createOrg("DRIVING_SCHOOL", true),
    unverifiedSchool: await createOrg("DRIVING_SCHOOL", false, false),
    agency: await createOrg("AGENCY"),
  };

  const listable: number[] = [];
  const live = async (...args: Parameters<typeof createVacancy>) => {
    const v = await createVacancy(...args);
    listable.push(v.id);
    return v;
  };
  await live(orgs.employer.id, cities.almaty.id, { specializationIds: [childSpec.id] });
  await live(orgs.employer.id, cities.almaty.id, { expiresAt: null });
  const special = await live(orgs.employer.id, cities.amp.id, { slug: `a&b'c<d"e`, specializationIds: [group.id] });
  await live(orgs.agency.id, cities.almaty.id, { publicationType: "PREMIUM" });
  await live(orgs.anonymousOnly.id, cities.almaty.id, { publicationType: "ANONYMOUS" });
  await live(orgs.school.id, cities.almaty.id, { specializationIds: [childSpec.id] });
  const hidden = {
    archived: (await createVacancy(orgs.employer.id, cities.almaty.id, { status: "ARCHIVED" })).id,
    removed: (await createVacancy(orgs.employer.id, cities.almaty.id, { status: "REMOVED" })).id,
    closed: (await createVacancy(orgs.employer.id, cities.almaty.id, { publicationType: "CLOSED" })).id,
    draft: (await createVacancy(orgs.employer.id, cities.almaty.id, { status: "DRAFT" })).id,
    submitted: (await createVacancy(orgs.employer.id, cities.almaty.id, { status: "SUBMITTED" })).id,
    expired: (
      await createVacancy(orgs.employer.id, cities.expiredOnly.id, {
        expiresAt: new Date(now.getTime() - DAY),
        specializationIds: [childSpec.id],
      })
    ).id,
    idleArchived: (await createVacancy(orgs.idle.id, cities.almaty.id, { status: "ARCHIVED" })).id,
    blockedOrg: (await createVacancy(orgs.blocked.id, cities.almaty.id)).id,
  };
  // Blocked after publishing, as moderation would do it.
  await db.organization.update({ where: { id: orgs.blocked.id }, data: { blockedAt: now } });
  // The employer's own row is older than its vacancies; the agency's is newer than its vacancy.
  await db.$executeRaw`UPDATE organizations SET updated_at = ${new Date(now.getTime() - 30 * DAY)} WHERE id = ${orgs.employer.id}`;
  // More live vacancies so that small chunks and batches split them several ways.
  for (let i = 0; i < 7; i++) await live(orgs.employer.id, cities.almaty.id, { specializationIds: [childSpec.id] });

  // The public school teaches B and CE in Almaty; the blocked and the unverified ones teach C there
  // and must not bring a directory page of their own.
  await db.organization.updateMany({
    where: { id: { in: [orgs.school.id, orgs.blockedSchool.id, orgs.unverifiedSchool.id] } },
    data: { cityId: cities.almaty.id },
  });
  await db.schoolCourse.createMany({
    data: [
      { organizationId: orgs.school.id, category: "B", priceKzt: 180_000, durationHours: 130 },
      { organizationId: orgs.school.id, category: "CE", priceKzt: 320_000, durationHours: 200 },
      { organizationId: orgs.blockedSchool.id, category: "C", priceKzt: 250_000, durationHours: 190 },
      { organizationId: orgs.unverifiedSchool.id, category: "C", priceKzt: 250_000, durationHours: 190 },
    ],
  });

  await rebuildVacancySearch(db);
  f = { cities, specs: { group, child: childSpec }, orgs, listable, hidden, special };
});

// ---------------------------------------------------------------- helpers over a whole sitemap

async function readAll(options: Options = {}) {
  const indexXml = await sitemapIndexXml(now, { appUrl: APP, ...options });
  const index = parseIndex(indexXml);
  const files = new Map<string, { lastmod: string | null; urls: SitemapUrl[]; xml: string }>();
  for (const entry of index) {
    const prefix = `${APP}/sitemaps/`;
    expect(entry.loc.startsWith(prefix)).toBe(true);
    const name = entry.loc.slice(prefix.length);
    const xml = await fetchFile(name, options);
    expect(xml, name).not.toBeNull();
    files.set(name, { lastmod: entry.lastmod, urls: parseUrlset(xml as string), xml: xml as string });
  }
  return { indexXml, index, files };
}

const vacancyIdOf = (loc: string) => Number(/\/vacancy\/(\d+)-/.exec(loc)?.[1]);
const orgIdOf = (loc: string) => Number(/\/(?:company|school)\/(\d+)-/.exec(loc)?.[1]);

const urlsOf = (files: Map<string, { urls: SitemapUrl[] }>, prefix: string) =>
  [...files].filter(([name]) => name.startsWith(prefix)).flatMap(([, file]) => file.urls);

async function vacancyUpdatedAt(ids: readonly number[]) {
  const rows = await db.vacancy.findMany({ where: { id: { in: [...ids] } }, select: { id: true, updatedAt: true } });
  return new Map(rows.map((r) => [r.id, r.updatedAt]));
}

// ---------------------------------------------------------------- the tests

describe("sitemap index", () => {
  it("is a well-formed index naming every file once, each fetchable, with valid lastmod", async () => {
    const { index, files } = await readAll();
    expect(index.length).toBe(files.size);
    const names = [...files.keys()];
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual((await listSitemaps(now, { appUrl: APP })).map((e) => e.name));
    expect(names).toEqual([
      "static.xml",
      "vacancies-ru-0.xml",
      "vacancies-kk-0.xml",
      "companies-ru-0.xml",
      "companies-kk-0.xml",
      "schools-ru-0.xml",
      "schools-kk-0.xml",
      "landings-ru-0.xml",
      "landings-kk-0.xml",
      "school-directory-ru-0.xml",
      "school-directory-kk-0.xml",
    ]);
    for (const entry of index) expect(entry.lastmod).toMatch(W3C);
  });

  it("uses the configured public URL without doubling slashes", async () => {
    const xml = await sitemapIndexXml(now, { appUrl: `${APP}/` });
    expect(xml).toContain(`<loc>${APP}/sitemaps/static.xml</loc>`);
    expect(xml).not.toContain(`${APP}//`);
  });
});

describe("vacancy sitemaps", () => {
  it("list every listable vacancy exactly once per locale and nothing else", async () => {
    const { files } = await readAll();
    for (const locale of ["ru", "kk"]) {
      const urls = urlsOf(files, `vacancies-${locale}-`);
      const ids = urls.map((u) => vacancyIdOf(u.loc));
      expect([...ids].sort((a, b) => a - b)).toEqual([...f.listable].sort((a, b) => a - b));
      for (const u of urls) expect(u.loc.startsWith(`${APP}/${locale}/vacancy/`)).toBe(true);
    }
  });

  it("never list archived, removed, closed, unpublished, expired or blocked-organisation vacancies anywhere", async () => {
    const { files } = await readAll();
    const everyLoc = [...files.values()].flatMap((file) => file.urls.flatMap((u) => [u.loc, ...Object.values(u.alternates)]));
    for (const [why, id] of Object.entries(f.hidden)) {
      expect(
        everyLoc.filter((loc) => loc.includes(`/vacancy/${id}-`)),
        why,
      ).toEqual([]);
    }
  });

  it("date each URL by its vacancy's last change and each file by the latest of them", async () => {
    const { files } = await readAll({ chunkSize: 4 });
    const updated = await vacancyUpdatedAt(f.listable);
    for (const [name, file] of files) {
      if (!name.startsWith("vacancies-")) continue;
      const dates = file.urls.map((u) => {
        expect(u.lastmod).toMatch(W3C);
        expect(u.lastmod).toBe(updated.get(vacancyIdOf(u.loc))?.toISOString());
        return u.lastmod as string;
      });
      expect(file.lastmod).toBe([...dates].sort().at(-1));
    }
  });

  it("splits by id ranges into files no longer than the chunk size", async () => {
    for (const chunkSize of [1, 2, 3, 5]) {
      const { files } = await readAll({ chunkSize });
      const vacancyFiles = [...files].filter(([name]) => name.startsWith("vacancies-ru-"));
      const expectedChunks = new Set(f.listable.map((id) => Math.floor(id / chunkSize)));
      expect(vacancyFiles.map(([name]) => name)).toEqual(
        [...expectedChunks].sort((a, b) => a - b).map((c) => `vacancies-ru-${c}.xml`),
      );
      for (const [name, file] of files) {
        expect(file.urls.length, name).toBeGreaterThan(0);
        expect(file.urls.length, name).toBeLessThanOrEqual(name === "static.xml" ? 12 : chunkSize);
      }
      for (const [name, file] of vacancyFiles) {
        const chunk = Number(/-(\d+)\.xml$/.exec(name)?.[1]);
        for (const u of file.urls) expect(Math.floor(vacancyIdOf(u.loc) / chunkSize)).toBe(chunk);
      }
      expect(urlsOf(files, "vacancies-kk-").length).toBe(f.listable.length);
      expect(urlsOf(files, "landings-ru-").length).toBe(urlsOf(files, "landings-kk-").length);
    }
  });

  it("reads the database in batches of the given size, never all rows at once", async () => {
    const calls: number[] = [];
    const counting = {
      $queryRaw: async (...args: Parameters<DbTx["$queryRaw"]>) => {
        const rows = await db.$queryRaw<unknown[]>(...args);
        calls.push(rows.length);
        return rows;
      },
    } as unknown as Pick<DbTx, "$queryRaw">;
    const stream = await sitemapStream("vacancies-ru-0.xml", now, { appUrl: APP, db: counting, batchSize: 3 });
    const urls = parseUrlset(await readStream(stream as ReadableStream<Uint8Array>));
    expect(urls.map((u) => vacancyIdOf(u.loc)).sort((a, b) => a - b)).toEqual([...f.listable].sort((a, b) => a - b));
    expect(Math.max(...calls)).toBe(3);
    expect(calls.length).toBe(Math.floor(f.listable.length / 3) + 1);
  });

  it("asks for the next batch while one is sent, and reports its failure only to the reader", async () => {
    expect(f.listable.length).toBeGreaterThan(9);
    let started = 0;
    let failThird: (error: Error) => void = () => undefined;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const counting = {
      $queryRaw: (...args: Parameters<DbTx["$queryRaw"]>) => {
        started++;
        // The third batch stays in flight until the test fails it.
        if (started === 3) return new Promise((_, reject) => (failThird = reject));
        return db.$queryRaw<unknown[]>(...args);
      },
    } as unknown as Pick<DbTx, "$queryRaw">;
    try {
      const stream = (await sitemapStream("vacancies-ru-0.xml", now, { appUrl: APP, db: counting, batchSize: 3 }))!;
      // The first batch is read to know the file is not empty, and the second is already asked for.
      expect(started).toBe(2);
      const reader = stream.getReader();
      const head = new TextDecoder().decode((await reader.read()).value);
      expect(parseUrlset(`${head}</urlset>`).length).toBeGreaterThan(0);
      // The stream fills its queue with the second batch, which asks for the third; the reader is slow.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(started).toBe(3);
      // The third batch fails while nobody waits for it: nothing is unhandled meanwhile, and the
      // reader gets the error once it has read what came before.
      failThird(new Error("connection lost"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect((await reader.read()).done).toBe(false);
      await expect(reader.read()).rejects.toThrow("connection lost");
      expect(started).toBe(3);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("give every URL its ru and kk alternates, the URL itself among them, and the ru URL as x-default", async () => {
    const { files } = await readAll();
    for (const [name, file] of files) {
      for (const u of file.urls) {
        expect(Object.keys(u.alternates).sort(), name).toEqual(["kk", "ru", "x-default"]);
        // The same x-default as the pages' <link rel="alternate" hreflang="x-default">.
        expect(u.alternates["x-default"]).toBe(u.alternates.ru);
        const locale = /^https:\/\/jumys\.test\/(ru|kk)(\/|$)/.exec(u.loc)?.[1] as "ru" | "kk";
        expect(u.alternates[locale]).toBe(u.loc);
        const other = locale === "ru" ? "kk" : "ru";
        expect(u.alternates[other]).toBe(u.loc.replace(`${APP}/${locale}`, `${APP}/${other}`));
      }
    }
  });

  it("escapes special characters of slugs for XML and for URLs", async () => {
    const xml = (await fetchFile(`vacancies-ru-0.xml`)) as string;
    const url = parseUrlset(xml).find((u) => vacancyIdOf(u.loc) === f.special.id);
    expect(url?.loc).toBe(`${APP}/ru/vacancy/${f.special.id}-a&b'c%3Cd%22e`);
    expect(xml).toContain(`<loc>${APP}/ru/vacancy/${f.special.id}-a&amp;b&apos;c%3Cd%22e</loc>`);
    expect(xml).toContain(`hreflang="kk" href="${APP}/kk/vacancy/${f.special.id}-a&amp;b&apos;c%3Cd%22e"`);
  });
});

describe("school directory sitemaps", () => {
  it("list the directory, each city with public schools and each category taught there, by public schools only", async () => {
    const { files } = await readAll();
    const ru = urlsOf(files, "school-directory-ru-").map((u) => u.loc);
    expect(ru).toEqual([
      `${APP}/ru/schools`,
      `${APP}/ru/schools/almaty`,
      `${APP}/ru/schools/almaty/b`,
      `${APP}/ru/schools/almaty/ce`,
    ]);
    const kk = urlsOf(files, "school-directory-kk-");
    expect(kk.map((u) => u.alternates.ru)).toEqual(ru);
  });

  it("date a category page by the latest change of its schools and their courses", async () => {
    const { files } = await readAll();
    const [org, course] = await Promise.all([
      db.organization.findUniqueOrThrow({ where: { id: f.orgs.school.id }, select: { updatedAt: true } }),
      db.schoolCourse.findUniqueOrThrow({
        where: { organizationId_category: { organizationId: f.orgs.school.id, category: "B" } },
        select: { updatedAt: true },
      }),
    ]);
    const page = urlsOf(files, "school-directory-ru-").find((u) => u.loc.endsWith("/schools/almaty/b"));
    expect(page?.lastmod).toBe(new Date(Math.max(org.updatedAt.getTime(), course.updatedAt.getTime())).toISOString());
  });
});

describe("organisation sitemaps", () => {
  it("list hiring companies that are not blocked, and every school that is verified and not blocked", async () => {
    const { files } = await readAll();
    const companies = urlsOf(files, "companies-ru-");
    const schools = urlsOf(files, "schools-ru-");
    expect(companies.map((u) => orgIdOf(u.loc)).sort((a, b) => a - b)).toEqual(
      [f.orgs.employer.id, f.orgs.agency.id].sort((a, b) => a - b),
    );
    expect(schools.map((u) => orgIdOf(u.loc))).toEqual([f.orgs.school.id]);
    for (const u of companies) expect(u.loc).toMatch(new RegExp(`^${APP}/ru/company/\\d+-org-[0-9a-f]+$`));
    expect(schools[0]?.loc).toMatch(new RegExp(`^${APP}/ru/school/${f.orgs.school.id}-org-[0-9a-f]+$`));
    expect(urlsOf(files, "companies-kk-").map((u) => u.alternates.ru)).toEqual(companies.map((u) => u.loc));
  });

  it("date an organisation by its own change or its newest live named publication, whichever is later", async () => {
    const { files } = await readAll();
    const listed = [...urlsOf(files, "companies-ru-"), ...urlsOf(files, "schools-ru-")];
    for (const org of [f.orgs.employer, f.orgs.agency, f.orgs.school]) {
      const [row, vacancies] = await Promise.all([
        db.organization.findUniqueOrThrow({ where: { id: org.id }, select: { updatedAt: true } }),
        db.vacancy.findMany({
          where: { id: { in: f.listable }, organizationId: org.id, publicationType: { not: "ANONYMOUS" } },
          select: { publishedAt: true },
        }),
      ]);
      const newest = Math.max(row.updatedAt.getTime(), ...vacancies.map((v) => v.publishedAt?.getTime() ?? 0));
      expect(listed.find((u) => orgIdOf(u.loc) === org.id)?.lastmod).toBe(new Date(newest).toISOString());
    }
    // The employer's own row is older than its vacancies: a publication dates it.
    const employer = listed.find((u) => orgIdOf(u.loc) === f.orgs.employer.id);
    const published = await db.vacancy.findMany({ where: { organizationId: f.orgs.employer.id }, select: { publishedAt: true } });
    expect(published.map((v) => v.publishedAt?.toISOString())).toContain(employer?.lastmod);
    // The index dates each file by the latest of its URLs.
    for (const [name, file] of files) {
      expect(file.lastmod, name).toBe(
        file.urls
          .flatMap((u) => (u.lastmod === null ? [] : [u.lastmod]))
          .sort()
          .at(-1),
      );
    }
  });

  it("split companies by id ranges too", async () => {
    const { files } = await readAll({ chunkSize: 1 });
    const names = [...files.keys()].filter((n) => n.startsWith("companies-ru-"));
    expect(names.sort()).toEqual([f.orgs.employer.id, f.orgs.agency.id].map((id) => `companies-ru-${id}.xml`).sort());
  });
});

describe("landing sitemaps", () => {
  it("list each city and city × specialization (groups included) with a live vacancy, in slug order", async () => {
    const { files } = await readAll();
    const paths = urlsOf(files, "landings-ru-").map((u) => u.loc.slice(`${APP}/ru`.length));
    // zhanaozen has only an expired vacancy; r&d-town has a vacancy filed under the group only.
    expect(paths).toEqual([
      "/jobs/almaty",
      "/jobs/almaty/driver-c",
      "/jobs/almaty/drivers",
      "/jobs/r&d-town",
      "/jobs/r&d-town/drivers",
    ]);
    const xml = files.get("landings-ru-0.xml")?.xml as string;
    expect(xml).toContain(`<loc>${APP}/ru/jobs/r&amp;d-town/drivers</loc>`);
  });

  it("date a landing by its newest live vacancy change, and keep order across small chunks", async () => {
    const { files } = await readAll({ chunkSize: 2 });
    const names = [...files.keys()].filter((n) => n.startsWith("landings-ru-"));
    expect(names).toEqual(["landings-ru-0.xml", "landings-ru-1.xml", "landings-ru-2.xml"]);
    const paths = names.flatMap((n) => (files.get(n)?.urls ?? []).map((u) => u.loc.slice(`${APP}/ru`.length)));
    expect(paths[0]).toBe("/jobs/almaty");
    expect(paths).toHaveLength(5);
    const updated = await vacancyUpdatedAt([f.special.id]);
    const rd = urlsOf(files, "landings-ru-").find((u) => u.loc.endsWith("/jobs/r&d-town"));
    expect(rd?.lastmod).toBe(updated.get(f.special.id)?.toISOString());
  });
});

describe("static sitemap", () => {
  it("lists the public pages in both locales, legal texts dated by their publication", async () => {
    // The legal texts were published after `now` (in beforeAll): read as of a moment later.
    const stream = await sitemapStream("static.xml", new Date(), { appUrl: APP });
    const urls = parseUrlset(await readStream(stream as ReadableStream<Uint8Array>));
    expect(urls.map((u) => u.loc)).toEqual(
      ["ru", "kk"].flatMap((l) => ["", "/vacancies", "/terms", "/privacy", "/prices", "/feedback"].map((p) => `${APP}/${l}${p}`)),
    );
    const terms = await db.legalDocument.findFirstOrThrow({ where: { kind: "TERMS" }, orderBy: { version: "desc" } });
    expect(urls.find((u) => u.loc === `${APP}/ru/terms`)?.lastmod).toBe(terms.publishedAt?.toISOString());
    expect(urls.find((u) => u.loc === `${APP}/ru`)?.lastmod).toMatch(W3C);
    // The price list is dated by the newest price version in force (the seeded tariffs of 2026).
    const price = await db.productPrice.findFirstOrThrow({
      where: { validFrom: { lte: new Date() } },
      orderBy: { validFrom: "desc" },
    });
    expect(urls.find((u) => u.loc === `${APP}/kk/prices`)?.lastmod).toBe(price.validFrom.toISOString());
  });
});

describe("file names", () => {
  it.each([
    "",
    "sitemap.xml",
    "static.XML",
    "static.xml.gz",
    "vacancies.xml",
    "vacancies-en-0.xml",
    "vacancies-RU-0.xml",
    "vacancies-ru--1.xml",
    "vacancies-ru-01.xml",
    "vacancies-ru-1e3.xml",
    "vacancies-ru-0.5.xml",
    "vacancies-ru-0.xmlx",
    "vacancies-ru-0",
    "vacancies-ru-99999999999.xml",
    "vacancies-ru-42950.xml",
    "companies-ru-0.xml/../static.xml",
    "../static.xml",
    "users-ru-0.xml",
  ])("%j is unknown", async (name) => {
    expect(await sitemapStream(name, now, { appUrl: APP })).toBeNull();
  });

  it("answers null for a well-formed name whose file would be empty", async () => {
    for (const name of ["vacancies-ru-1.xml", "companies-kk-7.xml", "schools-ru-3.xml", "landings-ru-1.xml"]) {
      expect(await sitemapStream(name, now, { appUrl: APP }), name).toBeNull();
    }
    // With a small chunk size the largest valid chunk is larger, and still empty.
    expect(await sitemapStream("vacancies-ru-42950.xml", now, { appUrl: APP, chunkSize: 2 })).toBeNull();
  });

  it("refuses chunk sizes the protocol does not allow", async () => {
    await expect(listSitemaps(now, { chunkSize: SITEMAP_MAX_URLS + 1 })).rejects.toThrow(RangeError);
    await expect(sitemapStream("static.xml", now, { chunkSize: 0 })).rejects.toThrow(RangeError);
  });
});
