import { getTranslations } from "next-intl/server";

import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import type { DiffPart } from "@/lib/legal-diff";
import type { LegalDiff } from "@/server/services/legal/legal-versions";

/**
 * Inserted and deleted words as <ins>/<del>, each with its change said in words for screen
 * readers (which do not announce the elements themselves) and shown by more than colour.
 */
async function DiffText({ parts, locale }: { parts: DiffPart[]; locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "legalDiff" });
  return (
    <>
      {parts.map((part, i) =>
        part.change === "added" ? (
          <ins key={i} className="bg-green-100 text-green-900 underline decoration-2">
            <span className="sr-only" lang={locale}>
              {t("srAdded")}{" "}
            </span>
            {part.text}
            <span className="sr-only" lang={locale}>
              {" "}
              {t("srEnd")}
            </span>
          </ins>
        ) : part.change === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900 line-through">
            <span className="sr-only" lang={locale}>
              {t("srRemoved")}{" "}
            </span>
            {part.text}
            <span className="sr-only" lang={locale}>
              {" "}
              {t("srEnd")}
            </span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** What changed between two versions, in the given languages (the console shows both). */
export async function LegalDiffView({
  diff,
  languages,
  locale,
}: {
  diff: LegalDiff;
  languages: readonly AppLocale[];
  locale: AppLocale;
}) {
  const t = await getTranslations({ locale, namespace: "legalDiff" });
  const when = (date: Date | null) => (date ? formatDate(date, locale, "long") : t("draft"));
  return (
    <div className="flex flex-col gap-4" data-testid="legal-diff">
      <p className="text-gray-700">
        {t("between", {
          from: diff.from.version,
          fromDate: when(diff.from.publishedAt),
          to: diff.to.version,
          toDate: when(diff.to.publishedAt),
        })}
      </p>
      <p className="text-sm text-gray-700">
        {t.rich("legend", {
          ins: (chunks) => <ins className="bg-green-100 text-green-900 underline decoration-2">{chunks}</ins>,
          del: (chunks) => <del className="bg-red-100 text-red-900 line-through">{chunks}</del>,
        })}
      </p>
      {languages.map((language) => {
        const texts = diff[language];
        const changed = [...texts.title, ...texts.body].some((p) => p.change !== "same");
        return (
          <section key={language} lang={language} aria-labelledby={`diff-${language}`} className="flex flex-col gap-2">
            {languages.length > 1 ? (
              <h2 id={`diff-${language}`} className="text-xl font-semibold">
                {t(`language.${language}`)}
              </h2>
            ) : (
              <h2 id={`diff-${language}`} className="sr-only">
                {t(`language.${language}`)}
              </h2>
            )}
            {changed ? null : <p className="text-gray-700">{t("noChanges")}</p>}
            <p className="font-semibold">
              <DiffText parts={texts.title} locale={locale} />
            </p>
            <div className="whitespace-pre-line rounded-md border border-gray-200 bg-white p-4 leading-relaxed">
              <DiffText parts={texts.body} locale={locale} />
            </div>
          </section>
        );
      })}
    </div>
  );
}
