import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { PublishLegalButton } from "@/components/admin/legal-actions";
import { LegalDocumentView } from "@/components/legal-document-page";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";

import { loadLegalVersion } from "../load-version";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * One version exactly as the public page shows it, in this page's language (the other language's
 * preview is the same address under its locale); a draft can be edited and published from here.
 */
export default async function AdminLegalVersionPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminLegal" });
  const doc = await loadLegalVersion(id);
  const other = locale === "kk" ? "ru" : "kk";
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="legal" />
      <p>
        <Link href="/admin/legal" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <section
        aria-label={t("previewLabel", { kind: t(`kind.${doc.kind}`), version: doc.version })}
        className="flex flex-col gap-3 rounded-md border border-dashed border-gray-400 p-4"
      >
        <p className="text-sm text-gray-700">
          {doc.publishedAt ? t("publishedVersionHint") : t("previewHint")}{" "}
          <Link href={`/admin/legal/${doc.id}`} locale={other} className="text-brand-700 underline">
            {t("otherLanguage")}
          </Link>
        </p>
        <LegalDocumentView doc={doc} locale={locale as AppLocale} />
      </section>
      {doc.publishedAt ? null : (
        <div className="flex flex-col gap-3">
          <p>
            <Link href={`/admin/legal/${doc.id}/edit`} className="text-brand-700 underline">
              {t("edit", { version: doc.version })}
            </Link>
          </p>
          <ClientMessages locale={locale} namespaces={["adminLegal", "errors"]}>
            <PublishLegalButton id={doc.id} locale={locale} />
          </ClientMessages>
        </div>
      )}
    </div>
  );
}
