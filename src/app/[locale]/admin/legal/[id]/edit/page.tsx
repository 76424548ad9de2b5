import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { LegalDraftForm } from "@/components/admin/legal-draft-form";
import { ClientMessages } from "@/i18n/client-messages";
import { Link, redirect } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";

import { loadLegalVersion } from "../../load-version";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** A draft's texts in Russian and Kazakh; a published version is never edited (it shows instead). */
export default async function AdminLegalEditPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminLegal" });
  const doc = await loadLegalVersion(id);
  if (doc.publishedAt) redirect({ href: `/admin/legal/${doc.id}`, locale });
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="legal" />
      <p>
        <Link href="/admin/legal" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("editTitle", { kind: t(`kind.${doc.kind}`), version: doc.version })}</h1>
      <p className="text-gray-700">{t("editHint")}</p>
      <ClientMessages locale={locale} namespaces={["adminLegal", "errors", "validation", "richText"]}>
        <LegalDraftForm draft={doc} locale={locale} />
      </ClientMessages>
    </div>
  );
}
