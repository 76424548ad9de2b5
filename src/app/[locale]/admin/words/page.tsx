import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { AddTermForm, RemoveTermButton } from "@/components/admin/term-list-forms";
import { Button } from "@/components/ui/button";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { QUEUE_ROLES } from "@/lib/admin-queues";
import { formatDate } from "@/lib/format";
import { termListSchema } from "@/lib/validation/moderation";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and on the list right now.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The prohibited-words list: add and remove terms, filter by language and kind. */
export default async function AdminWordsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...QUEUE_ROLES.terms]);
  const t = await getTranslations({ locale, namespace: "adminWords" });
  const query = await searchParams;
  // A filter from the address that does not parse is no filter.
  const parsed = termListSchema.safeParse({
    language: single(query.language) || undefined,
    kind: single(query.kind) || undefined,
    q: single(query.q) || undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const terms = await api.admin.terms.list(filter);
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="words" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <ClientMessages locale={locale} namespaces={["adminWords", "errors", "validation"]}>
        <AddTermForm />
        <form role="search" method="get" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="words-q" className="text-sm font-medium text-gray-800">
              {t("search")}
            </label>
            <input
              id="words-q"
              name="q"
              type="search"
              defaultValue={filter.q ?? ""}
              maxLength={100}
              className="rounded-md border border-gray-400 px-3 py-2 text-base"
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="words-language" className="text-sm font-medium text-gray-800">
              {t("language")}
            </label>
            <select
              id="words-language"
              name="language"
              defaultValue={filter.language ?? ""}
              className="rounded-md border border-gray-400 px-3 py-2 text-base"
            >
              <option value="">{t("all")}</option>
              {(["ru", "kk", "both"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`languages.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="words-kind" className="text-sm font-medium text-gray-800">
              {t("kind")}
            </label>
            <select
              id="words-kind"
              name="kind"
              defaultValue={filter.kind ?? ""}
              className="rounded-md border border-gray-400 px-3 py-2 text-base"
            >
              <option value="">{t("all")}</option>
              {(["PROFANITY", "PROHIBITED"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`kinds.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">{t("filter")}</Button>
        </form>
        <p className="text-sm text-gray-700" data-testid="terms-count">
          {t("count", { count: terms.length })}
        </p>
        <PageNotices>
          {terms.length === 0 ? <p>{t("empty")}</p> : null}
          <ul className="flex flex-col gap-2" data-testid="terms">
            {terms.map((term) => (
              <li
                key={term.id}
                data-term={term.term}
                className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-gray-200 bg-white p-3"
              >
                <div className="flex min-w-0 flex-col gap-1">
                  <p className="font-semibold break-words">{term.term}</p>
                  <p className="text-sm text-gray-700">
                    {[t(`languages.${term.language}`), t(`kinds.${term.kind}`), t(`matches.${term.match}`)].join(" · ")}
                  </p>
                  <p className="text-xs text-gray-700">
                    {t("created")}: {term.createdBy?.name ?? "—"},{" "}
                    <time dateTime={term.createdAt.toISOString()}>{formatDate(term.createdAt, locale, "medium")}</time>
                  </p>
                </div>
                <RemoveTermButton termId={term.id} term={term.term} />
              </li>
            ))}
          </ul>
        </PageNotices>
      </ClientMessages>
    </div>
  );
}
