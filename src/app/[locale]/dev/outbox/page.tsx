import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { EmailLogTable } from "@/components/email-log";
import { Alert } from "@/components/ui/alert";
import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { listEmails } from "@/server/services/admin/emails";

// Never cached: depends on the live outbox.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Development only: every email the app "sent", so sign-up and codes work without a mail server. */
export default async function DevOutboxPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ to?: string }>;
}) {
  if (!getEnv().DEV_OUTBOX_PAGE) notFound();
  const { locale } = await props.params;
  setRequestLocale(locale);
  const { to } = await props.searchParams;
  const t = await getTranslations({ locale, namespace: "emails" });
  const { items } = await listEmails({ to: typeof to === "string" ? to.slice(0, 254).toLowerCase() : undefined });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("devTitle")}</h1>
      <Alert tone="info">{t("devNotice")}</Alert>
      <EmailLogTable rows={items} basePath="/dev/outbox" locale={locale as AppLocale} />
    </div>
  );
}
