import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import type { SearchNotice, SearchParams } from "@/lib/search/params";
import type { Correction } from "@/server/services/search/plan/query-words";

import { searchHref } from "./search-href";

/** A digest's "see all" link opens the search limited to what is new; this says so and undoes it. */
export function SinceBanner({ locale, params: p }: { locale: string; params: SearchParams }) {
  const t = useTranslations("search");
  if (!p.since) return null;
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900">
      <span>
        {t("since", {
          date: formatDate(p.since, locale, "long", { time: true }),
        })}
      </span>
      <Link href={searchHref({ ...p, since: null, page: 1 })} className="font-medium underline">
        {t("sinceClear")}
      </Link>
    </p>
  );
}

/** What was changed in the request to make it searchable (a query cut short, an unknown city…). */
export function SearchNotices({ notices }: { notices: SearchNotice[] }) {
  const t = useTranslations("search");
  if (!notices.length) return null;
  return (
    <Alert tone="info">
      <ul className="flex flex-col gap-1">
        {notices.map((n) => (
          <li key={n}>{t(`notice.${n}`)}</li>
        ))}
      </ul>
    </Alert>
  );
}

export function SearchCorrections({ corrections }: { corrections: Correction[] }) {
  const t = useTranslations("search");
  if (!corrections.length) return null;
  return (
    <p className="text-sm text-gray-800" data-testid="corrections">
      {t("corrections", { words: corrections.map((c) => `«${c.to}»`).join(", ") })}
    </p>
  );
}
