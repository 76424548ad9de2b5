import { getTranslations } from "next-intl/server";

import type { AppLocale } from "@/i18n/routing";
import { isDomainError } from "@/server/errors";
import { getLegalDocument } from "@/server/services/legal/get-legal-document";

import { Alert } from "./ui/alert";

/** Legal texts are plain text with blank lines between paragraphs (kept in the database, versioned). */
export async function LegalDocumentPage({ kind, locale }: { kind: "TERMS" | "PRIVACY"; locale: AppLocale }) {
  const t = await getTranslations({ locale });
  let doc: Awaited<ReturnType<typeof getLegalDocument>>;
  try {
    doc = await getLegalDocument(kind);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return <Alert tone="info">{t("errors.legal.notPublished")}</Alert>;
  }
  const title = locale === "kk" ? doc.titleKk : doc.titleRu;
  const body = locale === "kk" ? doc.bodyKk : doc.bodyRu;
  return (
    <article className="prose max-w-3xl">
      <h1 className="mb-2 text-2xl font-bold">{title}</h1>
      <p className="mb-6 text-sm text-gray-700">
        {t("legal.version", { version: doc.version })}
        {doc.publishedAt ? ` · ${t("legal.publishedAt", { date: doc.publishedAt })}` : ""}
      </p>
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="mb-4 whitespace-pre-line leading-relaxed">
          {paragraph}
        </p>
      ))}
    </article>
  );
}
