import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { hasCriteria, type SearchParams } from "@/lib/search/params";
import { SEARCH_PATH } from "@/lib/urls";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";

export async function searchMetadata(locale: AppLocale, criteria: SearchParams): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search" });
  const appUrl = getEnv().APP_URL;
  const title = criteria.q ? t("titleWithQuery", { q: criteria.q }) : t("title");
  return {
    title,
    description: t("description"),
    alternates: localeAlternates(appUrl, locale, SEARCH_PATH),
    ...socialMetadata({ appUrl, locale, path: SEARCH_PATH, title, description: t("description") }),
    // The bare page is indexed; its countless filtered states are not (landing pages are).
    ...(hasCriteria(criteria) || criteria.page > 1 ? { robots: { index: false, follow: true } } : {}),
  };
}
