import "server-only";

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { defaultLocale, isLocale } from "@/i18n/routing";
import { getCatalog } from "@/server/services/catalog/catalog";
import { localName } from "@/lib/local-name";

import { ogImage } from "./og-image";

/** The Open Graph image of `/jobs/{city}` and `/jobs/{city}/{specialization}`: names only, no search. */
export async function landingOgImage(params: Promise<{ locale: string; city: string; specialization?: string }>) {
  const { locale: requested, city: citySlug, specialization: specSlug } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const catalog = await getCatalog();
  const city = catalog.cityBySlug.get(citySlug);
  const specialization = specSlug === undefined ? null : catalog.specializationBySlug.get(specSlug);
  if (!city || specialization === undefined) notFound();
  const [t, og] = await Promise.all([
    getTranslations({ locale, namespace: "landing" }),
    getTranslations({ locale, namespace: "og" }),
  ]);
  const cityName = localName(city, locale);
  const title = specialization
    ? t("title", { specialization: localName(specialization, locale), city: cityName })
    : t("cityTitle", { city: cityName });
  return ogImage({ kicker: og("jobs"), title, lines: [], footer: og("footer") });
}
