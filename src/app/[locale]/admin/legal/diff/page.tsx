import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { LegalDiffSection, settleComparison } from "@/components/legal/legal-diff-section";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { legalComparisonSchema } from "@/lib/validation/legal";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Any two versions of a kind, drafts included, compared in both languages. */
export default async function AdminLegalDiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminLegal" });
  const query = legalComparisonSchema.parse(await searchParams);
  const { comparison, errorKey } = await settleComparison(api.admin.legal.compare(query));
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="legal" />
      <p>
        <Link href="/admin/legal" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <LegalDiffSection
        comparison={comparison}
        errorKey={errorKey}
        kind={query.kind}
        locale={locale as AppLocale}
        action="/admin/legal/diff"
        languages={["ru", "kk"]}
      />
    </div>
  );
}
