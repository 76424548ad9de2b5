import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import { AppealDecisionForm } from "@/components/admin/block-forms";
import { PageNotices } from "@/components/ui/page-notice";
import { ClientMessages } from "@/i18n/client-messages";
import type { AppLocale } from "@/i18n/routing";
import { formatDate } from "@/lib/format";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member (who may not decide their own blocks).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Appeals against blocks: the waiting ones oldest first, decided by someone other than the blocker. */
export default async function AdminAppealsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR"]);
  const t = await getTranslations({ locale, namespace: "adminAppeals" });
  const { waiting, decided } = await api.admin.blocks.appeals();
  const date = (d: Date) => formatDate(d, locale, "medium", { time: true });
  type Appeal = (typeof waiting)[number];
  const summary = (appeal: Appeal) => (
    <>
      <h3 className="text-lg font-semibold break-words">
        {appeal.block.organization
          ? t("organization", { name: appeal.block.organization.displayName })
          : t("user", { name: appeal.block.user?.name ?? "—", email: appeal.block.user?.email ?? "—" })}
      </h3>
      <p className="text-sm break-words">{t("reason", { reason: appeal.block.reason })}</p>
      <p className="text-sm text-gray-700">
        {t("blockedBy", { name: appeal.block.blockedBy?.name ?? "—", date: date(appeal.block.createdAt) })}
      </p>
      {appeal.author ? (
        <p className="text-sm break-all text-gray-700">{t("author", { name: appeal.author.name, email: appeal.author.email })}</p>
      ) : null}
      <p className="text-sm text-gray-700">{t("submitted", { date: date(appeal.createdAt) })}</p>
      <div>
        <h4 className="text-sm font-semibold">{t("text")}</h4>
        <p className="text-sm break-words whitespace-pre-line">{appeal.text}</p>
      </div>
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="appeals" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <ClientMessages locale={locale} namespaces={["adminAppeals", "errors", "validation"]}>
        <PageNotices>
          <section aria-labelledby="appeals-waiting" className="flex flex-col gap-3">
            <h2 id="appeals-waiting" className="text-xl font-semibold">
              {t("waiting")}
            </h2>
            {waiting.length === 0 ? <p className="text-gray-700">{t("none")}</p> : null}
            <ul className="flex flex-col gap-3">
              {waiting.map((appeal) => (
                <li
                  key={appeal.id}
                  className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4"
                  data-appeal={appeal.id}
                >
                  {summary(appeal)}
                  {appeal.blockedByViewer ? (
                    <p className="text-sm font-medium text-amber-900">{t("ownBlock")}</p>
                  ) : (
                    <AppealDecisionForm appealId={appeal.id} />
                  )}
                </li>
              ))}
            </ul>
          </section>
          {decided.length > 0 ? (
            <section aria-labelledby="appeals-decided" className="flex flex-col gap-3">
              <h2 id="appeals-decided" className="text-xl font-semibold">
                {t("decided")}
              </h2>
              <ul className="flex flex-col gap-3">
                {decided.map((appeal) => (
                  <li key={appeal.id} className="flex flex-col gap-2 rounded-md border border-gray-200 bg-white p-4">
                    {summary(appeal)}
                    <p className="text-sm font-medium">
                      {t("decidedBy", {
                        decision: t(`decision.${appeal.decision ?? "UPHELD"}`),
                        name: appeal.decidedBy?.name ?? "—",
                        date: appeal.decidedAt ? date(appeal.decidedAt) : "—",
                        note: appeal.decisionNote ?? "—",
                      })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </PageNotices>
      </ClientMessages>
    </div>
  );
}
