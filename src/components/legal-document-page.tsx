import { getTranslations } from "next-intl/server";

import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { sanitizeRichText } from "@/lib/sanitize-html";
import { isDomainError } from "@/server/errors";
import { getLegalDocument } from "@/server/services/legal/get-legal-document";

import { Alert } from "./ui/alert";

export interface LegalDocumentTexts {
  version: number;
  titleRu: string;
  titleKk: string;
  bodyRu: string;
  bodyKk: string;
  publishedAt: Date | null;
}

/**
 * A version of the terms or the privacy policy as the public page shows it; the console's preview
 * of a draft renders the same. Legal texts are versioned rich text in the database; they are
 * sanitized before rendering all the same.
 */
export async function LegalDocumentView({ doc, locale }: { doc: LegalDocumentTexts; locale: AppLocale }) {
  const t = await getTranslations({ locale });
  const title = locale === "kk" ? doc.titleKk : doc.titleRu;
  const body = locale === "kk" ? doc.bodyKk : doc.bodyRu;
  return (
    <article className="prose max-w-3xl">
      <h1 className="mb-2 text-2xl font-bold">{title}</h1>
      <p className="mb-6 text-sm text-gray-700">
        {t("legal.version", { version: doc.version })}
        {doc.publishedAt ? ` · ${t("legal.publishedAt", { date: formatDate(doc.publishedAt, locale, "long") })}` : ""}
      </p>
      <div
        className="legal-text flex flex-col gap-3 leading-relaxed"
        dangerouslySetInnerHTML={{ __html: sanitizeRichText(body) }}
      />
    </article>
  );
}

/** The published version in force of the terms or the privacy policy. */
export async function LegalDocumentPage({ kind, locale }: { kind: "TERMS" | "PRIVACY"; locale: AppLocale }) {
  const t = await getTranslations({ locale });
  let doc: Awaited<ReturnType<typeof getLegalDocument>>;
  try {
    doc = await getLegalDocument(kind);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t(kind === "TERMS" ? "legal.terms" : "legal.privacy")}</h1>
        <Alert tone="info">{t("errors.legal.notPublished")}</Alert>
      </div>
    );
  }
  return <LegalDocumentView doc={doc} locale={locale} />;
}
