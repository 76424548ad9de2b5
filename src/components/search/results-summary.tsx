import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import { formatAmount } from "@/lib/format";
import { SORTS, type SearchParams, type SortOrder } from "@/lib/search/params";
import type { SearchResult } from "@/server/services/search/search-vacancies";

import { searchHref } from "./search-href";

/** The count of results, announced to screen readers, and the choice of order. */
export function ResultsSummary({
  result,
  params: p,
  sort,
}: {
  result: Pick<SearchResult, "total" | "totalIsLowerBound">;
  params: SearchParams;
  sort: SortOrder;
}) {
  const t = useTranslations("search");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p role="status" className="font-medium" data-testid="total">
        {result.total === 0
          ? t("nothingFound")
          : result.totalIsLowerBound
            ? t("foundMoreThan", { count: formatAmount(result.total) })
            : t("found", { count: result.total, formatted: formatAmount(result.total) })}
      </p>
      {result.total > 0 ? (
        <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-gray-700">{t("sortLabel")}:</span>
          {SORTS.filter((s) => s !== "relevance" || p.q).map((s) =>
            s === sort ? (
              <span key={s} aria-current="true" className="rounded-md bg-gray-200 px-2 py-1 font-semibold">
                {t(`sort.${s}`)}
              </span>
            ) : (
              <Link key={s} href={searchHref({ ...p, sort: s, page: 1 })} className="rounded-md px-2 py-1 underline">
                {t(`sort.${s}`)}
              </Link>
            ),
          )}
        </nav>
      ) : null}
    </div>
  );
}
