import "server-only";

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { defaultLocale, isLocale } from "@/i18n/routing";
import { parseIdSlug } from "@/lib/urls";
import { localName } from "@/lib/local-name";
import { getPublicOrganization } from "@/server/services/organizations/public-organization";

import { ogImage } from "./og-image";

/** The Open Graph image of a company's or a school's page: its name, kind and city. */
export async function organizationOgImage(kind: "company" | "school", params: Promise<{ locale: string; idSlug: string }>) {
  const { locale: requested, idSlug } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const parsed = parseIdSlug(idSlug);
  const org = parsed ? await getPublicOrganization(parsed.id, kind) : null;
  if (!org) notFound();
  const [t, og] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "og" }),
  ]);
  return ogImage({
    kicker: t(`type.${org.type}`),
    title: org.displayName,
    lines: org.city ? [localName(org.city, locale)] : [],
    footer: og("footer"),
  });
}
