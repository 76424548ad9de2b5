import { getTranslations } from "next-intl/server";

import type { AppLocale } from "@/i18n/routing";
import { localizedHref } from "@/i18n/localized-href";

/** Two versions of a kind to compare: a plain GET form, so it works before any script loads. */
export async function LegalDiffPicker({
  action,
  kind,
  versions,
  from,
  to,
  locale,
}: {
  action: string;
  kind: "TERMS" | "PRIVACY";
  versions: number[];
  from: number;
  to: number;
  locale: AppLocale;
}) {
  const t = await getTranslations({ locale, namespace: "legalDiff" });
  const select = (name: "from" | "to", value: number) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {t(name)}
      <select name={name} defaultValue={value} className="rounded-md border border-gray-400 bg-white px-3 py-2 text-base">
        {versions.map((v) => (
          <option key={v} value={v}>
            {t("versionOption", { version: v })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form method="get" action={localizedHref(action, locale)} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="kind" value={kind} />
      {select("from", from)}
      {select("to", to)}
      <button type="submit" className="rounded-md border border-gray-400 bg-white px-4 py-2 font-medium">
        {t("compare")}
      </button>
    </form>
  );
}
