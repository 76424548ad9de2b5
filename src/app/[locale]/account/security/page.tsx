import { getTranslations, setRequestLocale } from "next-intl/server";

import { AccountNav } from "@/components/account/account-nav";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { loadAccount } from "@/components/account/load-account";
import { ReportCompromise } from "@/components/account/report-compromise";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: the signed-in person's own data.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account.nav", "security", { index: false });

const card = "rounded-md border border-gray-200 bg-white p-4";

export default async function AccountSecurityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { profile } = await loadAccount(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("nav.security")}</h1>
      <AccountNav locale={locale} current="security" />
      <ClientMessages locale={locale} namespaces={["account", "errors", "validation"]}>
        <div className={card}>
          <ChangeEmailForm currentEmail={profile.email} pending={profile.pendingEmailChange} />
        </div>
        <div className={card}>
          <ChangePasswordForm email={profile.email} />
        </div>
        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline">
            {t("sessions.title")}
          </Link>
        </p>
        <div className={`${card} border-red-200`}>
          <ReportCompromise />
        </div>
      </ClientMessages>
    </div>
  );
}
