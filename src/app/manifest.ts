import type { MetadataRoute } from "next";

import { catalogues } from "@/i18n/messages";
import { defaultLocale } from "@/i18n/routing";
import { BACKGROUND_COLOR, BRAND_COLOR } from "@/lib/brand";

// The web app manifest (/manifest.webmanifest). One for both languages: the browser keeps one
// installed app per site, and it opens in the default locale, whose pages link to the other.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Jumys",
    short_name: "Jumys",
    description: catalogues[defaultLocale].meta.description,
    lang: defaultLocale,
    start_url: `/${defaultLocale}`,
    scope: "/",
    display: "standalone",
    theme_color: BRAND_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
