import type { MetadataRoute } from "next";

import { getEnv } from "@/env";
import { locales } from "@/i18n/routing";

// Answered per request: APP_URL is known at run time, not at build time. Reads no database.
export const dynamic = "force-dynamic";

// Rules name each locale instead of starting with `/*/`: in robots.txt `*` also matches `/`, so
// `/*/admin` would block landing pages such as /ru/jobs/almaty/administration. Google and Yandex
// apply the longest matching rule (Allow on a tie); a `?` is a literal character.
const inEveryLocale = (paths: readonly string[]) => locales.flatMap((locale) => paths.map((path) => `/${locale}${path}`));

export default function robots(): MetadataRoute.Robots {
  const base = getEnv().APP_URL.replace(/\/+$/, "");
  return {
    rules: {
      userAgent: "*",
      allow: [
        "/",
        // Public school pages (/{locale}/school/{id}-{slug}) share their first segment with the school
        // dashboard; they always go on with a digit of the id.
        ...inEveryLocale(Array.from({ length: 10 }, (_, digit) => `/school/${digit}`)),
      ],
      disallow: [
        "/api/",
        ...inEveryLocale([
          "/account",
          "/employer",
          "/school",
          "/admin",
          "/seeker",
          "/dev/",
          "/auth/",
          "/saved",
          "/vacancy/*/complaint",
          // Search result permutations; the bare search page stays crawlable.
          "/vacancies?",
        ]),
      ],
    },
    // No `Host:` line: it was Yandex's own directive, which Yandex dropped in 2018 (it follows the
    // site's redirects instead) and no other crawler reads.
    sitemap: `${base}/sitemap.xml`,
  };
}
