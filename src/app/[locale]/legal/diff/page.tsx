import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";

import { LegalDiffSection, settleComparison } from "@/components/legal/legal-diff-section";
import type { AppLocale } from "@/i18n/routing";
import { legalComparisonSchema } from "@/lib/validation/legal";
import { compareLegalVersions } from "@/server/services/legal/legal-versions";

// Rendered per request: the versions compared come from the query.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: true } };

/** What changed between two published versions of the terms or the privacy policy, in the page's language. */
export default async function LegalDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = legalComparisonSchema.parse(await searchParams);
  const { comparison, errorKey } = await settleComparison(compareLegalVersions(query, { publishedOnly: true }));
  return (
    <LegalDiffSection
      comparison={comparison}
      errorKey={errorKey}
      kind={query.kind}
      locale={locale as AppLocale}
      action="/legal/diff"
      languages={[locale as AppLocale]}
    />
  );
}
