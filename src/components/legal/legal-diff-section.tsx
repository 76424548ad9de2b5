import { getTranslations } from "next-intl/server";

import { Alert } from "@/components/ui/alert";
import type { AppLocale } from "@/i18n/routing";
import { isDomainError } from "@/server/errors";
import type { LegalComparison } from "@/server/services/legal/legal-versions";

import { LegalDiffPicker } from "./legal-diff-picker";
import { LegalDiffView } from "./legal-diff-view";

/**
 * A comparison of two versions with the form to pick others, or the reason there is none
 * (`errorKey`, a catalogue key). The console shows both languages; the public page its own.
 */
export async function LegalDiffSection({
  comparison,
  errorKey,
  kind,
  locale,
  action,
  languages,
}: {
  comparison: LegalComparison | null;
  errorKey: string | null;
  kind: "TERMS" | "PRIVACY";
  locale: AppLocale;
  action: string;
  languages: readonly AppLocale[];
}) {
  const t = await getTranslations({ locale });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">
        {t("legalDiff.title", { kind: t(kind === "TERMS" ? "legal.terms" : "legal.privacy") })}
      </h1>
      {comparison && comparison.versions.length > 1 ? (
        <LegalDiffPicker
          action={action}
          kind={comparison.kind}
          versions={comparison.versions}
          from={comparison.from}
          to={comparison.to}
          locale={locale}
        />
      ) : null}
      {errorKey ? <Alert tone="info">{t(errorKey as "errors.legal.versionNotFound")}</Alert> : null}
      {comparison && !comparison.diff && !errorKey ? <Alert tone="info">{t("legalDiff.nothingToCompare")}</Alert> : null}
      {comparison?.diff ? <LegalDiffView diff={comparison.diff} languages={languages} locale={locale} /> : null}
    </div>
  );
}

/** The catalogue key of a refusal (a domain error, directly or as a tRPC error's cause), or null for anything else. */
export function refusalKey(error: unknown): string | null {
  const cause = error instanceof Error && isDomainError(error.cause) ? error.cause : error;
  return isDomainError(cause) ? cause.messageKey : null;
}

/** The comparison, or the reason it was refused; anything else is thrown on. */
export function settleComparison(
  pending: Promise<LegalComparison>,
): Promise<{ comparison: LegalComparison | null; errorKey: string | null }> {
  return pending.then(
    (comparison) => ({ comparison, errorKey: null }),
    (error: unknown) => {
      const errorKey = refusalKey(error);
      if (!errorKey) throw error;
      return { comparison: null, errorKey };
    },
  );
}
