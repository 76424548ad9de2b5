import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { AccountNav } from "@/components/account/account-nav";
import { loadAccount } from "@/components/account/load-account";
import { SessionsList } from "@/components/account/sessions-list";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { cityOptions } from "@/server/services/catalog/catalog";

// Never cached: depends on the signed-in user.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account", "title", { index: false });

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { user, profile } = await loadAccount(locale);
  const t = await getTranslations({ locale, namespace: "account" });
  const city = profile.cityId ? (await cityOptions(locale)).find((c) => c.id === profile.cityId) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <AccountNav locale={locale} current="overview" />
      <section aria-labelledby="profile-heading" className="rounded-md border border-gray-200 bg-white p-4">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          {t("profile")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr] sm:gap-y-2">
          <dt className="text-gray-700">{t("name")}</dt>
          <dd className="mb-2 break-words sm:mb-0">{user.name}</dd>
          <dt className="text-gray-700">{t("email")}</dt>
          <dd className="mb-2 break-words sm:mb-0">
            {user.email}{" "}
            {user.emailVerified ? (
              <span className="text-green-800">· {t("verified")}</span>
            ) : (
              <span className="text-red-700">· {t("notVerified")}</span>
            )}
          </dd>
          <dt className="text-gray-700">{t("phone")}</dt>
          <dd className="mb-2 sm:mb-0">{user.phone ?? t("noPhone")}</dd>
          <dt className="text-gray-700">{t("city")}</dt>
          <dd className="mb-2 sm:mb-0">{city?.name ?? t("noCity")}</dd>
          <dt className="text-gray-700">{t("language")}</dt>
          <dd className="mb-2 sm:mb-0">{t(`languages.${profile.locale}`)}</dd>
          <dt className="text-gray-700">{t("role")}</dt>
          <dd>{user.staffRole ? t(`staffRoles.${user.staffRole}`) : user.isSeeker ? t("roles.seeker") : t("roles.member")}</dd>
        </dl>
        <Link href="/account/profile" className="mt-4 inline-block text-brand-700 underline">
          {t("editProfile")}
        </Link>
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-3 text-lg font-semibold">
          {t("sessions.title")}
        </h2>
        <ClientMessages locale={locale} namespaces={["account", "errors", "validation"]}>
          <SessionsList />
        </ClientMessages>
      </section>
    </div>
  );
}
