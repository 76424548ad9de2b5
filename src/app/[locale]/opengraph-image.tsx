import { getTranslations } from "next-intl/server";

import { defaultLocale, isLocale } from "@/i18n/routing";
import { ogImage } from "@/server/seo/og-image";

// The Open Graph image of the home page, and of every page below that has none of its own.
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Jumys";

export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const [t, og] = await Promise.all([
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "og" }),
  ]);
  return ogImage({ kicker: "", title: t("headline"), lines: [], footer: og("footer") });
}
