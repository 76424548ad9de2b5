import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** Numbered pages around the current one, with the first and last always reachable. */
export function pageWindow(current: number, count: number): (number | "gap")[] {
  const pages = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= count).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const page of sorted) {
    const previous = out[out.length - 1];
    if (typeof previous === "number" && page - previous > 1) out.push("gap");
    out.push(page);
  }
  return out;
}

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations("search");
  if (pageCount <= 1) return null;
  const item = "inline-flex min-w-10 items-center justify-center rounded-md border px-3 py-2";
  return (
    <nav aria-label={t("pagination")} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev" className={`${item} border-gray-300 bg-white`}>
              {t("previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((p, index) =>
          p === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${item} border-brand-700 bg-brand-700 font-semibold text-white`}>
                  {p}
                </span>
              ) : (
                <Link href={href(p)} className={`${item} border-gray-300 bg-white`} aria-label={t("pageLabel", { page: p })}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next" className={`${item} border-gray-300 bg-white`}>
              {t("next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
