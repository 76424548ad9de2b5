import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { EmailView } from "@/components/email-log";
import type { AppLocale } from "@/i18n/routing";
import { requireStaff } from "@/server/auth/require-staff";
import { api } from "@/trpc/server";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminEmailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requireStaff(locale as AppLocale, ["SUPPORT"]);
  const emailId = Number(id);
  if (!Number.isSafeInteger(emailId) || emailId <= 0) notFound();
  const email = await api.admin.emails.get({ id: emailId }).catch(() => null);
  if (!email) notFound();
  return <EmailView email={email} locale={locale as AppLocale} />;
}
