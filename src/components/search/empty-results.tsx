import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import { formatAmount } from "@/lib/format";
import { COUNT_LIMIT, type SearchParams } from "@/lib/search/params";
import type { SearchResult } from "@/server/services/search/search-vacancies";

import { relaxedSearchHref } from "./search-href";

/** Nothing found: which single criterion to drop, and how many vacancies that would give. */
export function EmptyResults({ result, params }: { result: Pick<SearchResult, "total" | "relaxations">; params: SearchParams }) {
  const t = useTranslations("search");
  const tv = useTranslations("vacancy");
  if (result.total !== 0) return null;
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-gray-200 bg-white p-5" data-testid="empty">
      <p>{t("emptyText")}</p>
      {result.relaxations.length ? (
        <>
          <p className="font-medium">{t("relaxIntro")}</p>
          <ul className="flex flex-col gap-1">
            {result.relaxations.map((r) => (
              <li key={r.drop}>
                <Link href={relaxedSearchHref(params, r)} className="text-brand-800 underline">
                  {t(`relax.${r.drop}`)}
                </Link>{" "}
                <span className="text-gray-700">
                  ({r.total > COUNT_LIMIT ? t("moreThan", { count: formatAmount(COUNT_LIMIT) }) : tv("count", { count: r.total })}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
