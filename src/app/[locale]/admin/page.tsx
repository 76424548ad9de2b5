import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AdminNav } from "@/components/admin/admin-nav";
import type { AppLocale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { formatDate } from "@/lib/format";
import { requireStaff } from "@/server/auth/require-staff";
import type { QueueKey } from "@/lib/admin-queues";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member and on the queues right now.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Where each queue is worked; those without a screen of their own yet show their numbers only. */
const QUEUE_HREF: Partial<Record<QueueKey, string>> = {
  moderation: "/admin/moderation",
  resumes: "/admin/resumes",
  organizationTexts: "/admin/organization-texts",
  verification: "/admin/organizations",
  complaints: "/admin/tickets?kind=COMPLAINT",
  feedback: "/admin/tickets?kind=FEEDBACK",
  invoices: "/admin/finance?status=PENDING&method=INVOICE",
  failedEmails: "/admin/emails?status=FAILED",
  deletions: "/admin/deletions",
  appeals: "/admin/appeals",
};

/** The console's home: the staff member's queues, the most neglected first. */
export default async function AdminHomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["MODERATOR", "SUPPORT", "FINANCE"]);
  const t = await getTranslations({ locale, namespace: "adminHome" });
  const queues = await api.admin.queues();
  const waiting = (hours: number) =>
    hours < 48 ? t("waitingHours", { hours }) : t("waitingDays", { days: Math.floor(hours / 24) });
  const sorted = [...queues].sort(
    (a, b) => (a.oldestAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.oldestAt?.getTime() ?? Number.POSITIVE_INFINITY),
  );
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="home" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-gray-700">{t("hint")}</p>
      <ul className="grid gap-3 sm:grid-cols-2" data-testid="queues">
        {sorted.map((queue) => {
          const href = QUEUE_HREF[queue.key];
          return (
            <li
              key={queue.key}
              className="flex flex-col gap-1 rounded-md border border-gray-200 bg-white p-4"
              data-queue={queue.key}
            >
              <h2 className="font-semibold">
                {href ? (
                  <Link href={href} className="text-brand-700 underline">
                    {t(`queue.${queue.key}`)}
                  </Link>
                ) : (
                  t(`queue.${queue.key}`)
                )}
              </h2>
              <p className="text-3xl font-bold" data-testid={`queue-count-${queue.key}`}>
                {queue.count}
              </p>
              <p className="text-sm text-gray-700">
                {queue.oldestAt ? (
                  <>
                    {t("oldest")}{" "}
                    <time dateTime={queue.oldestAt.toISOString()}>
                      {formatDate(queue.oldestAt, locale, "medium", { time: true })}
                    </time>{" "}
                    ({waiting(queue.waitingHours ?? 0)})
                  </>
                ) : (
                  t("empty")
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
