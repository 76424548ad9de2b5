import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { NewLegalDraftButton } from "@/components/admin/legal-actions";
import { Alert } from "@/components/ui/alert";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { LEGAL_KINDS } from "@/lib/validation/legal";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Versions of the terms and the privacy policy: drafted, previewed, compared and published by a superadmin. */
export default async function AdminLegalPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminLegal" });
  const published = Number((await searchParams).published);
  const versions = await api.admin.legal.list();
  const justPublished = versions.find((v) => v.id === published && v.publishedAt);
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="legal" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <div aria-live="polite">
        {justPublished ? (
          <Alert tone="success">
            {t("publishedNotice", { kind: t(`kind.${justPublished.kind}`), version: justPublished.version })}
          </Alert>
        ) : null}
      </div>
      {LEGAL_KINDS.map((kind) => {
        const rows = versions.filter((v) => v.kind === kind);
        return (
          <section key={kind} aria-labelledby={`legal-${kind}`} className="flex flex-col gap-3">
            <h2 id={`legal-${kind}`} className="text-xl font-semibold">
              {t(`kind.${kind}`)}
            </h2>
            <div tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-700">
              <table className="w-full min-w-[32rem] text-left text-sm" data-testid={`legal-versions-${kind}`}>
                <caption className="sr-only">{t(`kind.${kind}`)}</caption>
                <thead>
                  <tr className="border-b border-gray-300">
                    <th scope="col" className="py-2 pr-3">
                      {t("version")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("docTitle")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("status")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("actions")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className="border-b border-gray-100" data-version={row.version}>
                      <td className="py-2 pr-3">{row.version}</td>
                      <td className="py-2 pr-3 break-words">{locale === "kk" ? row.titleKk : row.titleRu}</td>
                      <td className="py-2 pr-3">
                        {row.publishedAt
                          ? t(row.inForce ? "inForce" : "publishedAt", { date: formatDate(row.publishedAt, locale, "medium") })
                          : t("draft")}
                      </td>
                      <td className="py-2">
                        <span className="flex flex-wrap gap-3">
                          <Link href={`/admin/legal/${row.id}`} className="text-brand-700 underline">
                            {row.publishedAt ? t("view", { version: row.version }) : t("preview", { version: row.version })}
                          </Link>
                          {row.publishedAt ? null : (
                            <Link href={`/admin/legal/${row.id}/edit`} className="text-brand-700 underline">
                              {t("edit", { version: row.version })}
                            </Link>
                          )}
                          {row.version > 1 ? (
                            <Link
                              href={{ pathname: "/admin/legal/diff", query: { kind, from: row.version - 1, to: row.version } }}
                              className="text-brand-700 underline"
                            >
                              {t("compareWithPrevious", { version: row.version })}
                            </Link>
                          ) : null}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.some((r) => !r.publishedAt) ? null : (
              <ClientMessages locale={locale} namespaces={["adminLegal", "errors"]}>
                <NewLegalDraftButton kind={kind} locale={locale} />
              </ClientMessages>
            )}
          </section>
        );
      })}
    </div>
  );
}
