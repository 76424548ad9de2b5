import type { OrgType } from "@/generated/prisma/enums";

// Paths of public pages, without the locale prefix (the i18n Link and getPathname add it).
// One place builds them so that pages, sitemaps, JSON-LD and redirects always agree.

/**
 * A slug as one RFC 3986 path segment: what a segment may carry stays as is, the rest (spaces,
 * non-ASCII, "/", "%", "?", "#", quotes, angle brackets) is percent-encoded. Slugs are made ASCII
 * by slugify; encoding them anyway keeps links, sitemaps and a redirect's Location header valid
 * should a stored one hold anything else.
 */
export const encodeSlug = (slug: string) =>
  slug.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      // A lone surrogate has no UTF-8 form.
      return "";
    }
  });

export const vacancyPath = (id: number, slug: string) => `/vacancy/${id}-${encodeSlug(slug)}`;
export const companyPath = (id: number, slug: string) => `/company/${id}-${encodeSlug(slug)}`;
export const schoolPath = (id: number, slug: string) => `/school/${id}-${encodeSlug(slug)}`;
/** An organisation's public page: a driving school's under /school, any other's under /company. */
export const organizationPath = (org: { id: number; slug: string; type: OrgType }) =>
  (org.type === "DRIVING_SCHOOL" ? schoolPath : companyPath)(org.id, org.slug);
export const jobsInCityPath = (citySlug: string) => `/jobs/${encodeSlug(citySlug)}`;
export const jobsLandingPath = (citySlug: string, specializationSlug: string) =>
  `/jobs/${encodeSlug(citySlug)}/${encodeSlug(specializationSlug)}`;
/** The driving-school directory: all cities, a city, a city and a licence category ("c1e", "tb"). */
export const SCHOOLS_PATH = "/schools";
export const schoolsInCityPath = (citySlug: string) => `${SCHOOLS_PATH}/${encodeSlug(citySlug)}`;
export const schoolsLandingPath = (citySlug: string, category: string) =>
  `${SCHOOLS_PATH}/${encodeSlug(citySlug)}/${encodeSlug(category.toLowerCase())}`;
export const SEARCH_PATH = "/vacancies";
export const SAVED_PATH = "/saved";

/**
 * Splits the `[id]-[slug]` segment of a public URL; null when it does not start with an id. The
 * slug comes back decoded (route params keep the address's percent-encoding), so that it compares
 * with the stored one.
 */
export function parseIdSlug(segment: string): { id: number; slug: string } | null {
  const match = /^(\d{1,9})(?:-(.*))?$/.exec(segment);
  if (!match) return null;
  const id = Number(match[1]);
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  return { id, slug: decodeSlug(match[2] ?? "") };
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The root of one locale's pages ("https://jumys.kz/ru"): a path under it is `underRoot(root, path)`. */
export const localeRoot = (appUrl: string, locale: string) => `${appUrl.replace(/\/+$/, "")}/${locale}`;
export const underRoot = (root: string, path: string) => (path === "/" ? root : root + path);
/** An absolute URL for metadata, sitemaps and JSON-LD. */
export const absoluteUrl = (appUrl: string, locale: string, path: string) => underRoot(localeRoot(appUrl, locale), path);
