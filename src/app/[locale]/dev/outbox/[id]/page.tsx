import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";

import { EmailView } from "@/components/email-log";
import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { getEmail } from "@/server/services/admin/emails";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function DevOutboxEmailPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  if (!getEnv().DEV_OUTBOX_PAGE) notFound();
  const { locale, id } = await params;
  setRequestLocale(locale);
  const emailId = Number(id);
  if (!Number.isSafeInteger(emailId) || emailId <= 0) notFound();
  const email = await getEmail(emailId).catch(() => null);
  if (!email) notFound();
  return <EmailView email={email} locale={locale as AppLocale} />;
}
