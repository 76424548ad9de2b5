import "server-only";

import { getEnv } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import { defaultLocale, locales, type AppLocale } from "@/i18n/routing";
import { escapeXml } from "@/lib/escape";
import {
  companyPath,
  encodeSlug,
  jobsInCityPath,
  jobsLandingPath,
  localeRoot,
  schoolPath,
  SCHOOLS_PATH,
  schoolsInCityPath,
  schoolsLandingPath,
  SEARCH_PATH,
  underRoot,
  vacancyPath,
} from "@/lib/urls";
import { readDb as defaultDb } from "@/server/db";
import type { DbTx } from "@/server/db-client";
import { publicOrganizationSql, publicSchoolSql } from "@/server/services/organizations/public-organization";
import { liveSearchRowSql, publicVacancySql } from "@/server/services/vacancies/visibility";

// Sitemaps for search engines: an index (sitemap.xml) naming files of at most 50,000 URLs each.
// Vacancy and organisation files are cut by id ranges (chunk n holds ids [n·size, (n+1)·size)), so
// a file's name and content stay stable as rows come and go, and a file is written by walking the
// primary key in batches instead of loading every row. Only rows of `vacancy_search` that have not
// expired are listed: that table already holds nothing but published, open vacancies of
// organisations that are not blocked.

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
const DEFAULT_BATCH_SIZE = 5_000;
const MAX_ID = 2_147_483_647;

export const SITEMAP_CONTENT_TYPE = "application/xml; charset=utf-8";
export const SITEMAP_CACHE_CONTROL = "public, max-age=0, s-maxage=3600";

type SitemapDb = Pick<DbTx, "$queryRaw">;

export interface SitemapOptions {
  db?: SitemapDb;
  /** URLs (and id range) per file; tests pass small numbers to prove the splitting. */
  chunkSize?: number;
  /** Rows read per query while writing a file. */
  batchSize?: number;
  /** Public base URL; APP_URL by default. */
  appUrl?: string;
}

export interface SitemapEntry {
  name: string;
  /** Latest change among the file's pages; null when none of them has a known date. */
  lastmod: Date | null;
}

type ChunkedKind = "vacancies" | "companies" | "schools" | "landings" | "school-directory";
const CHUNKED_KINDS: readonly ChunkedKind[] = ["vacancies", "companies", "schools", "landings", "school-directory"];

export type SitemapFile = { kind: "static" } | { kind: ChunkedKind; locale: AppLocale; chunk: number };

interface Settings {
  db: SitemapDb;
  chunkSize: number;
  batchSize: number;
  /** Each locale's root of the public URL, escaped for XML, once per file rather than once per URL. */
  roots: Record<AppLocale, string>;
}

function settings(options: SitemapOptions): Settings {
  const chunkSize = options.chunkSize ?? SITEMAP_MAX_URLS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > SITEMAP_MAX_URLS) {
    throw new RangeError(`chunkSize must be a whole number from 1 to ${SITEMAP_MAX_URLS}`);
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive whole number");
  const xmlBase = escapeXml(options.appUrl ?? getEnv().APP_URL);
  const roots = Object.fromEntries(locales.map((l) => [l, localeRoot(xmlBase, l)])) as Record<AppLocale, string>;
  return { db: options.db ?? defaultDb, chunkSize, batchSize, roots };
}

// Canonical numbers only (no sign, no leading zeros), so each file has exactly one name.
const FILE_NAME = new RegExp(`^(${CHUNKED_KINDS.join("|")})-(${locales.join("|")})-(0|[1-9][0-9]{0,9})\\.xml$`);

/** The file a name stands for; null for anything that is not a name this module writes. */
export function parseSitemapName(name: string, chunkSize = SITEMAP_MAX_URLS): SitemapFile | null {
  if (name === "static.xml") return { kind: "static" };
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, kind, locale, digits] = match as unknown as [string, ChunkedKind, AppLocale, string];
  const chunk = Number(digits);
  // Ids are PostgreSQL integers: no chunk can start above the largest one.
  if (chunk > Math.floor(MAX_ID / chunkSize)) return null;
  return { kind, locale, chunk };
}

const chunkName = (kind: ChunkedKind, locale: AppLocale, chunk: number) => `${kind}-${locale}-${chunk}.xml`;

// ---------------------------------------------------------------- XML

// Sitemap URLs must be RFC 3986 escaped: the path builders of urls.ts encode their slugs
// (encodeSlug), so only XML escaping is left to do here.
// Slugs are nearly always plain: one test spares the replacements per URL.
const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;
const xmlPath = (path: string) => (PLAIN_PATH.test(path) ? path : escapeXml(path));

/** W3C datetime in UTC, as the protocol asks. */
const w3cDate = (date: Date) => date.toISOString();

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const URLSET_CLOSE = "</urlset>\n";

/**
 * One page in one locale, with its alternates in every locale (itself included, as Google asks) and
 * the x-default the pages name too: the default locale's URL.
 * `roots` are the locales' roots of the public URL, already escaped for XML; the path is encoded
 * and escaped once here.
 */
function urlElement(roots: Record<AppLocale, string>, locale: AppLocale, path: string, lastmod: Date | null): string {
  const escaped = xmlPath(path);
  let alternates = "";
  for (const l of locales) alternates += `<xhtml:link rel="alternate" hreflang="${l}" href="${underRoot(roots[l], escaped)}"/>`;
  alternates += `<xhtml:link rel="alternate" hreflang="x-default" href="${underRoot(roots[defaultLocale], escaped)}"/>`;
  const date = lastmod ? `<lastmod>${w3cDate(lastmod)}</lastmod>` : "";
  return `<url><loc>${underRoot(roots[locale], escaped)}</loc>${date}${alternates}</url>\n`;
}

/** The index document for these entries. */
export function renderSitemapIndex(entries: readonly SitemapEntry[], appUrl: string): string {
  const base = appUrl.replace(/\/+$/, "");
  const items = entries.map((e) => {
    const date = e.lastmod ? `<lastmod>${w3cDate(e.lastmod)}</lastmod>` : "";
    return `<sitemap><loc>${escapeXml(`${base}/sitemaps/${encodeSlug(e.name)}`)}</loc>${date}</sitemap>\n`;
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    items.join("") +
    "</sitemapindex>\n"
  );
}

// ---------------------------------------------------------------- queries

interface ChunkRow {
  chunk: number;
  lastmod: Date | null;
}

interface PageRow {
  id: number;
  slug: string | null;
  lastmod: Date | null;
}

interface LandingRow {
  city: string;
  specialization: string | null;
  lastmod: Date;
}

const live = (now: Date) => liveSearchRowSql(now);

const latest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

async function staticPages(s: Settings, now: Date): Promise<{ path: string; lastmod: Date | null }[]> {
  const [listing, legal, prices] = await Promise.all([
    // Home and search show the newest vacancies: the newest publication dates them (one index probe).
    s.db.$queryRaw<{ lastmod: Date }[]>`
      SELECT vs.published_at AS lastmod FROM vacancy_search vs
      WHERE ${live(now)}
      ORDER BY vs.published_at DESC, vs.vacancy_id DESC LIMIT 1`,
    s.db.$queryRaw<{ kind: string; lastmod: Date }[]>`
      SELECT DISTINCT ON (kind) kind::text AS kind, published_at AS lastmod FROM legal_documents
      WHERE published_at IS NOT NULL AND published_at <= ${now}
      ORDER BY kind, version DESC`,
    // The price list changes when a new price version comes into force.
    s.db.$queryRaw<{ lastmod: Date | null }[]>`
      SELECT max(valid_from) AS lastmod FROM product_prices WHERE valid_from <= ${now}`,
  ]);
  const newest = listing[0]?.lastmod ?? null;
  const legalDate = (kind: string) => legal.find((d) => d.kind === kind)?.lastmod ?? null;
  return [
    { path: "/", lastmod: newest },
    { path: SEARCH_PATH, lastmod: newest },
    { path: "/terms", lastmod: legalDate("TERMS") },
    { path: "/privacy", lastmod: legalDate("PRIVACY") },
    { path: "/prices", lastmod: prices[0]?.lastmod ?? null },
    // A form: nothing dates it.
    { path: "/feedback", lastmod: null },
  ];
}

// Companies are listed while a live vacancy carries their name (anonymous ones must not point at the
// company); schools whenever they are public (verified, not blocked: PUBLIC_SCHOOL_WHERE), since
// their page exists without vacancies. Either
// page is dated by its own change or its newest live named vacancy's publication, whichever is
// later: one probe of the (organization_id, published_at DESC) index per organisation, where the
// latest change of every vacancy would mean reading all of them.
const ORG_TYPE = {
  companies: Prisma.sql`o.type <> 'DRIVING_SCHOOL'`,
  schools: publicSchoolSql,
} as const;

const newestNamedVacancy = (now: Date) => Prisma.sql`
  SELECT vs.published_at FROM vacancy_search vs
  WHERE vs.organization_id = o.id AND ${live(now)} AND NOT vs.is_anonymous
  ORDER BY vs.published_at DESC LIMIT 1`;

// Landing pages: a city, and a city with a specialization or group, while at least one live vacancy
// is there, dated by the latest change among those vacancies. `levels` has a row per city
// (city_only) and per city × specialization, with the latest change (lastmod).
const landingPages = (levels: Prisma.Sql) => Prisma.sql`
  SELECT c.slug AS city, s.slug AS specialization, p.lastmod
  FROM (${levels}) p
  JOIN cities c ON c.id = p.city_id
  LEFT JOIN specializations s ON s.id = p.specialization_id
  WHERE p.city_only OR s.id IS NOT NULL`;
const LANDING_ORDER = Prisma.sql`ORDER BY city COLLATE "C", specialization COLLATE "C" NULLS FIRST`;

// Both levels in one pass over the live rows: a vacancy is repeated once per specialization and
// group it carries, which max() does not mind; one without any still counts for its city.
const landingLevels = (now: Date) => Prisma.sql`
  SELECT vs.city_id, sp.id AS specialization_id, grouping(sp.id) = 1 AS city_only, max(vs.updated_at) AS lastmod
  FROM vacancy_search vs
  LEFT JOIN LATERAL unnest(vs.specialization_ids) AS sp(id) ON true
  WHERE ${live(now)}
  GROUP BY GROUPING SETS ((vs.city_id), (vs.city_id, sp.id))`;

/**
 * The non-empty chunks of every chunked kind with their latest change, from ONE pass over the live
 * rows of vacancy_search: the table is wide (search vectors), so reading it once instead of once per
 * kind is what the index costs. `level` tells the grouping sets apart (grouping() bits of chunk,
 * organization_id, city_id, specialization: 7 = by chunk, 11 = by organisation, 13 = by city,
 * 12 = by city and specialization).
 */
async function chunkLists(s: Settings, now: Date): Promise<Record<ChunkedKind, ChunkRow[]>> {
  const size = s.chunkSize;
  const rows = await s.db.$queryRaw<(ChunkRow & { kind: ChunkedKind })[]>`
    WITH levels AS MATERIALIZED (
      SELECT grouping(r.chunk, r.organization_id, r.city_id, r.specialization_id) AS level,
             r.chunk, r.organization_id, r.city_id, r.specialization_id,
             max(r.updated_at) AS lastmod,
             max(r.published_at) FILTER (WHERE NOT r.is_anonymous) AS named_published_at
      FROM (
        SELECT vs.vacancy_id / ${size}::int AS chunk, vs.organization_id, vs.city_id, sp.id AS specialization_id,
               vs.updated_at, vs.published_at, vs.is_anonymous
        FROM vacancy_search vs
        LEFT JOIN LATERAL unnest(vs.specialization_ids) AS sp(id) ON true
        WHERE ${live(now)}
      ) r
      GROUP BY GROUPING SETS ((r.chunk), (r.organization_id), (r.city_id), (r.city_id, r.specialization_id))
    ), organizations_dated AS (
      SELECT o.id, o.type, o.verification, o.blocked_at, o.deleted_at,
             greatest(o.updated_at, l.named_published_at) AS lastmod, l.named_published_at IS NOT NULL AS hiring
      FROM organizations o
      LEFT JOIN levels l ON l.level = 11 AND l.organization_id = o.id
      WHERE ${publicOrganizationSql}
    ), landings AS (
      SELECT lastmod, row_number() OVER (${LANDING_ORDER}) - 1 AS position
      FROM (${landingPages(Prisma.sql`
        SELECT city_id, specialization_id, level = 13 AS city_only, lastmod FROM levels WHERE level IN (12, 13)`)}) l
    )
    SELECT 'vacancies' AS kind, chunk::int AS chunk, lastmod FROM levels WHERE level = 7
    UNION ALL
    SELECT 'companies', (o.id / ${size}::int)::int, max(o.lastmod) FROM organizations_dated o
    WHERE ${ORG_TYPE.companies} AND o.hiring GROUP BY 2
    UNION ALL
    SELECT 'schools', (o.id / ${size}::int)::int, max(o.lastmod) FROM organizations_dated o
    WHERE ${ORG_TYPE.schools} GROUP BY 2
    UNION ALL
    SELECT 'landings', (position / ${size}::int)::int, max(lastmod) FROM landings GROUP BY 2
    ORDER BY 1, 2`;
  const lists: Record<ChunkedKind, ChunkRow[]> = {
    vacancies: [],
    companies: [],
    schools: [],
    landings: [],
    "school-directory": [],
  };
  for (const { kind, chunk, lastmod } of rows) lists[kind].push({ chunk, lastmod });
  return lists;
}

// The school directory: `/schools` while any school is public, `/schools/{city}` per city with
// public schools and `/schools/{city}/{category}` per category taught there, each dated by the
// latest change of its schools or their courses. Schools without a city are only on the index.
const DIRECTORY_PAGES = Prisma.sql`
  SELECT NULL::text AS city, NULL::text AS category, max(o.updated_at) AS lastmod
  FROM organizations o WHERE ${publicSchoolSql}
  HAVING count(*) > 0
  UNION ALL
  SELECT c.slug, p.category, p.lastmod
  FROM (
    SELECT o.city_id, sc.category::text AS category, grouping(sc.category) = 1 AS city_only,
           max(greatest(o.updated_at, sc.updated_at)) AS lastmod
    FROM organizations o
    LEFT JOIN school_courses sc ON sc.organization_id = o.id
    WHERE ${publicSchoolSql} AND o.city_id IS NOT NULL
    GROUP BY GROUPING SETS ((o.city_id), (o.city_id, sc.category))
  ) p
  JOIN cities c ON c.id = p.city_id
  WHERE p.city_only OR p.category IS NOT NULL`;
const DIRECTORY_ORDER = Prisma.sql`ORDER BY city COLLATE "C" NULLS FIRST, category COLLATE "C" NULLS FIRST`;

async function directoryChunks(s: Settings): Promise<ChunkRow[]> {
  return s.db.$queryRaw<ChunkRow[]>`
    SELECT (position / ${s.chunkSize}::int)::int AS chunk, max(lastmod) AS lastmod
    FROM (SELECT lastmod, row_number() OVER (${DIRECTORY_ORDER}) - 1 AS position FROM (${DIRECTORY_PAGES}) d) p
    GROUP BY 1 ORDER BY 1`;
}

async function* directoryBatches(s: Settings, locale: AppLocale, chunk: number): Batches {
  const rows = await s.db.$queryRaw<{ city: string | null; category: string | null; lastmod: Date | null }[]>`
    SELECT city, category, lastmod FROM (${DIRECTORY_PAGES}) d
    ${DIRECTORY_ORDER}
    OFFSET ${chunk * s.chunkSize}::bigint LIMIT ${s.chunkSize}::int`;
  for (let i = 0; i < rows.length; i += s.batchSize) {
    yield rows
      .slice(i, i + s.batchSize)
      .map((r) => {
        const path =
          r.city === null
            ? SCHOOLS_PATH
            : r.category === null
              ? schoolsInCityPath(r.city)
              : schoolsLandingPath(r.city, r.category);
        return urlElement(s.roots, locale, path, r.lastmod);
      })
      .join("");
  }
}

/** The files of the index, each with the latest change among its pages. */
export async function listSitemaps(now = new Date(), options: SitemapOptions = {}): Promise<SitemapEntry[]> {
  const s = settings(options);
  const [pages, chunks, directory] = await Promise.all([staticPages(s, now), chunkLists(s, now), directoryChunks(s)]);
  chunks["school-directory"] = directory;
  const entries: SitemapEntry[] = [{ name: "static.xml", lastmod: latest(pages.map((p) => p.lastmod)) }];
  for (const kind of CHUNKED_KINDS) {
    for (const locale of locales) {
      for (const { chunk, lastmod } of chunks[kind]) entries.push({ name: chunkName(kind, locale, chunk), lastmod });
    }
  }
  return entries;
}

/** The sitemap index document (sitemap.xml). */
export async function sitemapIndexXml(now = new Date(), options: SitemapOptions = {}): Promise<string> {
  const appUrl = options.appUrl ?? getEnv().APP_URL;
  return renderSitemapIndex(await listSitemaps(now, { ...options, appUrl }), appUrl);
}

// ---------------------------------------------------------------- files

/** Each value is the XML of a batch of <url> elements. */
type Batches = AsyncGenerator<string, void, undefined>;

async function* staticBatches(s: Settings, now: Date): Batches {
  const pages = await staticPages(s, now);
  yield locales.flatMap((locale) => pages.map((p) => urlElement(s.roots, locale, p.path, p.lastmod))).join("");
}

/**
 * Walks the primary key of one chunk in batches: `read` returns up to batchSize rows with
 * after < id ≤ last in id order; a row without a slug is skipped but still moves the walk on.
 * The next batch is asked for as soon as a batch arrives, so the database reads it while this one
 * is written out and sent.
 */
async function* keysetBatches(
  s: Settings,
  chunk: number,
  read: (after: number, last: number) => Promise<PageRow[]>,
  render: (id: number, slug: string, lastmod: Date | null) => string,
): Batches {
  const last = Math.min(MAX_ID, (chunk + 1) * s.chunkSize - 1);
  // A batch asked for in advance may fail while the reader is slow or gone: its error reaches the
  // reader at the next `await`, and never counts as unhandled meanwhile (that would end the process).
  const ask = (after: number) => {
    const batch = read(after, last);
    batch.catch(() => undefined);
    return batch;
  };
  let pending: Promise<PageRow[]> | null = ask(chunk * s.chunkSize - 1);
  while (pending) {
    const rows: PageRow[] = await pending;
    const tail = rows.at(-1);
    pending = tail && rows.length >= s.batchSize && tail.id < last ? ask(tail.id) : null;
    let xml = "";
    for (const row of rows) if (row.slug !== null) xml += render(row.id, row.slug, row.lastmod);
    if (xml) yield xml;
  }
}

function vacancyBatches(s: Settings, locale: AppLocale, chunk: number, now: Date): Batches {
  // The batch is cut on vacancy_search's primary key alone (an index range scan that stops after
  // batchSize rows); joining vacancies afterwards keeps the planner from scanning either table
  // from the start of the chunk. The status check there is a second guard: a row whose vacancy
  // is no longer published comes back without a slug and is skipped.
  return keysetBatches(
    s,
    chunk,
    (after, last) => s.db.$queryRaw<PageRow[]>`
      SELECT b.vacancy_id AS id, v.slug, b.updated_at AS lastmod
      FROM (
        SELECT vs.vacancy_id, vs.updated_at FROM vacancy_search vs
        WHERE vs.vacancy_id > ${after}::int AND vs.vacancy_id <= ${last}::int AND ${live(now)}
        ORDER BY vs.vacancy_id
        LIMIT ${s.batchSize}::int
      ) b
      LEFT JOIN (vacancies v JOIN organizations o ON o.id = v.organization_id)
        ON v.id = b.vacancy_id AND ${publicVacancySql(now)}
      ORDER BY b.vacancy_id`,
    (id, slug, lastmod) => urlElement(s.roots, locale, vacancyPath(id, slug), lastmod),
  );
}

function organizationBatches(s: Settings, kind: "companies" | "schools", locale: AppLocale, chunk: number, now: Date): Batches {
  const path = kind === "companies" ? companyPath : schoolPath;
  const hiring = kind === "companies" ? Prisma.sql`AND v.published_at IS NOT NULL` : Prisma.empty;
  return keysetBatches(
    s,
    chunk,
    (after, last) => s.db.$queryRaw<PageRow[]>`
      SELECT o.id, o.slug, greatest(o.updated_at, v.published_at) AS lastmod
      FROM organizations o
      LEFT JOIN LATERAL (${newestNamedVacancy(now)}) v ON true
      WHERE o.id > ${after}::int AND o.id <= ${last}::int AND ${ORG_TYPE[kind]} AND ${publicOrganizationSql} ${hiring}
      ORDER BY o.id
      LIMIT ${s.batchSize}::int`,
    (id, slug, lastmod) => urlElement(s.roots, locale, path(id, slug), lastmod),
  );
}

// The pages of one file come from one aggregate (at most chunkSize short rows); there is no key to
// walk without running it again per batch.
async function* landingBatches(s: Settings, locale: AppLocale, chunk: number, now: Date): Batches {
  const rows = await s.db.$queryRaw<LandingRow[]>`
    SELECT city, specialization, lastmod FROM (${landingPages(landingLevels(now))}) l
    ${LANDING_ORDER}
    OFFSET ${chunk * s.chunkSize}::bigint LIMIT ${s.chunkSize}::int`;
  for (let i = 0; i < rows.length; i += s.batchSize) {
    yield rows
      .slice(i, i + s.batchSize)
      .map((r) => {
        const path = r.specialization === null ? jobsInCityPath(r.city) : jobsLandingPath(r.city, r.specialization);
        return urlElement(s.roots, locale, path, r.lastmod);
      })
      .join("");
  }
}

function batchesFor(file: SitemapFile, s: Settings, now: Date): Batches {
  switch (file.kind) {
    case "static":
      return staticBatches(s, now);
    case "vacancies":
      return vacancyBatches(s, file.locale, file.chunk, now);
    case "companies":
    case "schools":
      return organizationBatches(s, file.kind, file.locale, file.chunk, now);
    case "landings":
      return landingBatches(s, file.locale, file.chunk, now);
    case "school-directory":
      return directoryBatches(s, file.locale, file.chunk);
  }
}

/**
 * The sitemap file with this name as a byte stream, written batch by batch as it is read; null when
 * the name is not one this module writes or the file would list nothing (the index never names
 * such a file, so a stale or guessed name answers 404).
 */
export async function sitemapStream(
  name: string,
  now = new Date(),
  options: SitemapOptions = {},
): Promise<ReadableStream<Uint8Array> | null> {
  const s = settings(options);
  const file = parseSitemapName(name, s.chunkSize);
  if (!file) return null;
  const batches = batchesFor(file, s, now);
  const first = await batches.next();
  if (first.done) return null;

  const encoder = new TextEncoder();
  let head: string | null = URLSET_OPEN + first.value;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (head !== null) {
        controller.enqueue(encoder.encode(head));
        head = null;
        return;
      }
      const next = await batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode(URLSET_CLOSE));
        controller.close();
      } else {
        controller.enqueue(encoder.encode(next.value));
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
