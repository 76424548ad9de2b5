import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { DeletionRequestActions } from "@/components/admin/deletion-request-actions";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { formatDate, formatTiyn } from "@/lib/format";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Organisations' deletion requests, carried out or declined by a superadmin. */
export default async function AdminDeletionsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, []);
  const t = await getTranslations({ locale, namespace: "adminDeletions" });
  const requests = await api.admin.deletions.list();
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role="SUPERADMIN" current="deletions" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      {requests.length === 0 ? <p>{t("empty")}</p> : null}
      <ClientMessages locale={locale} namespaces={["adminDeletions", "errors", "validation"]}>
        <PageNotices>
          <ul className="flex flex-col gap-4" data-testid="deletion-requests">
            {requests.map((request) => (
              <li key={request.id} className="rounded-md border border-gray-200 bg-white p-4">
                <article aria-labelledby={`deletion-${request.id}`} className="grid gap-4 md:grid-cols-2">
                  <div className="flex flex-col gap-1">
                    <h2 id={`deletion-${request.id}`} className="text-lg font-semibold break-words">
                      {request.displayName}
                    </h2>
                    <p className="text-sm text-gray-700 break-words">
                      {request.legalName} · {t(`types.${request.type}`)}
                    </p>
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-gray-700">{t("requestedAt")}</dt>
                      <dd>
                        <time dateTime={request.requestedAt.toISOString()}>
                          {formatDate(request.requestedAt, locale, "short")}
                        </time>
                      </dd>
                      <dt className="text-gray-700">{t("identifier")}</dt>
                      <dd>{request.identifier ?? "—"}</dd>
                      <dt className="text-gray-700">{t("vacancies")}</dt>
                      <dd>{request.counts.vacancies}</dd>
                      <dt className="text-gray-700">{t("members")}</dt>
                      <dd>{request.counts.memberships}</dd>
                      <dt className="text-gray-700">{t("trainees")}</dt>
                      <dd>{request.counts.trainees}</dd>
                      <dt className="text-gray-700">{t("orders")}</dt>
                      <dd>{request.counts.orders}</dd>
                      <dt className="text-gray-700">{t("openOrders")}</dt>
                      <dd>{request.openOrders}</dd>
                      <dt className="text-gray-700">{t("balance")}</dt>
                      <dd>{formatTiyn(request.balanceTiyn)}</dd>
                    </dl>
                  </div>
                  <DeletionRequestActions
                    organizationId={request.id}
                    name={request.displayName}
                    blockedBy={request.balanceTiyn !== 0n ? "balance" : request.openOrders > 0 ? "orders" : null}
                  />
                </article>
              </li>
            ))}
          </ul>
        </PageNotices>
      </ClientMessages>
    </div>
  );
}
