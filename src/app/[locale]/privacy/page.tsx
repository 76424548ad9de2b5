import { setRequestLocale } from "next-intl/server";

import { LegalDocumentPage } from "@/components/legal-document-page";
import type { AppLocale } from "@/i18n/routing";
import { titleMetadata } from "@/i18n/page-metadata";

// Published versions change rarely; a new version shows within the hour.
export const revalidate = 3600;

export const generateMetadata = titleMetadata("legal", "privacy", { index: true, path: "/privacy" });

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <LegalDocumentPage kind="PRIVACY" locale={locale as AppLocale} />;
}
