/** The first path segments of the pages under a locale (src/app/[locale]/*: page-sections.test.ts compares). */
export const PAGE_SECTIONS = new Set([
  "account",
  "admin",
  "auth",
  "company",
  "dev",
  "employer",
  "feedback",
  "invitations",
  "jobs",
  "privacy",
  "saved",
  "school",
  "seeker",
  "terms",
  "unsubscribe",
  "vacancies",
  "vacancy",
  // Routes of files rather than folders: the home page's Open Graph image.
  "opengraph-image",
]);
