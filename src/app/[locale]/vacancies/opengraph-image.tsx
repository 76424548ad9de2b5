import { getTranslations } from "next-intl/server";

import { defaultLocale, isLocale } from "@/i18n/routing";
import { ogImage } from "@/server/seo/og-image";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Jumys";

export default async function Image({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const [t, og] = await Promise.all([
    getTranslations({ locale, namespace: "search" }),
    getTranslations({ locale, namespace: "og" }),
  ]);
  return ogImage({ kicker: og("search"), title: t("title"), lines: [], footer: og("footer") });
}
