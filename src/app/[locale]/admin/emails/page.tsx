import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmailLogTable } from "@/components/email-log";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";
import { AdminNav } from "@/components/admin/admin-nav";
import { api } from "@/trpc/server";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

const STATUSES = ["QUEUED", "CAPTURED", "SENT", "FAILED"] as const;

export default async function AdminEmailsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ status?: string | string[] }>;
}) {
  const { locale } = await params;
  const { status: rawStatus } = await searchParams;
  const status = STATUSES.find((s) => s === rawStatus);
  setRequestLocale(locale);
  const staff = await requireStaff(locale as AppLocale, ["SUPPORT"]);
  const t = await getTranslations({ locale, namespace: "emails" });
  const { items } = await api.admin.emails.list({ status });
  return (
    <div className="flex flex-col gap-4">
      <AdminNav locale={locale} role={staff.staffRole ?? "SUPERADMIN"} current="emails" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <EmailLogTable rows={items} basePath="/admin/emails" locale={locale as AppLocale} />
    </div>
  );
}
