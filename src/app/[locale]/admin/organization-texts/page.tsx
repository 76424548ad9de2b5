import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { OrganizationTextsClear } from "@/components/admin/organization-texts-clear";
import { Pagination } from "@/components/search/pagination";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { QUEUE_ROLES } from "@/lib/admin-queues";
import { formatDate } from "@/lib/format";
import { flagLabels } from "@/lib/moderation-terms/flag-labels";
import { htmlToText } from "@/lib/sanitize-html";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Organisations whose names or description have terms of the prohibited-words list. */
export default async function AdminOrganizationTextsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, [...QUEUE_ROLES.organizationTexts]);
  const t = await getTranslations({ locale, namespace: "adminOrganizationTexts" });
  const tFlags = await getTranslations({ locale, namespace: "moderationFlags" });
  const requested = Number.parseInt(single((await searchParams).page) ?? "1", 10);
  const queue = await api.admin.organizationFlags.list({
    page: Number.isSafeInteger(requested) && requested >= 1 ? Math.min(requested, 10_000) : 1,
  });
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="organizationTexts" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <ClientMessages locale={locale} namespaces={["adminOrganizationTexts", "errors", "validation"]}>
        <PageNotices>
          {queue.items.length === 0 ? <p>{t("empty")}</p> : null}
          <ul className="flex flex-col gap-4" data-testid="organization-texts">
            {queue.items.map((org) => (
              <li key={org.id} className="rounded-md border border-gray-200 bg-white p-4">
                <article aria-labelledby={`org-${org.id}`} className="flex flex-col gap-2">
                  <h2 id={`org-${org.id}`} className="text-lg font-semibold break-words">
                    {org.displayName} {org.blockedAt ? <span className="text-sm text-red-800">({t("blocked")})</span> : null}
                  </h2>
                  <dl className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-[12rem_1fr]">
                    <dt className="text-gray-700">{t("legalName")}</dt>
                    <dd className="break-words">{org.legalName}</dd>
                    <dt className="text-gray-700">{t("flags")}</dt>
                    <dd className="font-medium text-amber-900">
                      {flagLabels(org.moderationFlags, (key, values) => tFlags(key, values)).join("; ")}
                      {org.flaggedAt ? ` · ${formatDate(org.flaggedAt, locale, "medium", { time: true })}` : null}
                    </dd>
                    {org.description ? (
                      <>
                        <dt className="text-gray-700">{t("description")}</dt>
                        <dd className="whitespace-pre-line break-words">{htmlToText(org.description)}</dd>
                      </>
                    ) : null}
                  </dl>
                  <div className="flex flex-wrap items-center gap-3">
                    <OrganizationTextsClear organizationId={org.id} name={org.displayName} />
                    <Link href="/admin/blocks" className="text-brand-700 underline">
                      {t("block")}
                    </Link>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </PageNotices>
      </ClientMessages>
      <Pagination
        page={queue.page}
        pageCount={queue.pageCount}
        href={(page) => `/admin/organization-texts${page > 1 ? `?page=${page}` : ""}`}
      />
    </div>
  );
}
