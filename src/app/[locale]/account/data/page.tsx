import { getTranslations, setRequestLocale } from "next-intl/server";

import { AccountNav } from "@/components/account/account-nav";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { loadAccount } from "@/components/account/load-account";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: the signed-in person's own data.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account.nav", "data", { index: false });

export default async function AccountDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  // Open before new terms are accepted: someone who does not accept them downloads their data and leaves.
  const { profile } = await loadAccount(locale, { beforeLegalAcceptance: true });
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("data.title")}</h1>
      <AccountNav locale={locale} current="data" />
      <section aria-labelledby="export-heading" className="flex flex-col gap-3 rounded-md border border-gray-200 bg-white p-4">
        <h2 id="export-heading" className="text-lg font-semibold">
          {t("data.exportTitle")}
        </h2>
        <p className="text-sm text-gray-700">{t("data.exportText")}</p>
        {/* A plain link: the browser downloads the file (Content-Disposition: attachment). */}
        <a
          href={`/api/account/export?locale=${locale}`}
          download
          className="self-start rounded-md border border-gray-400 bg-white px-4 py-2 text-base font-medium text-gray-900 hover:bg-gray-50"
        >
          {t("data.exportButton")}
        </a>
      </section>
      {profile.staffRole ? null : (
        <div className="rounded-md border border-red-200 bg-white p-4">
          <ClientMessages locale={locale} namespaces={["account", "errors", "validation"]}>
            <DeleteAccountForm email={profile.email} soleOwnerOf={profile.soleOwnerOf} />
          </ClientMessages>
        </div>
      )}
    </div>
  );
}
