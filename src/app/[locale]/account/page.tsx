import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { SessionsList } from "@/components/account/sessions-list";
import { redirect } from "@/i18n/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: depends on the signed-in user.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account", "title", { index: false });

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await getCurrentUser();
  if (!user) return redirect({ href: { pathname: "/auth/sign-in", query: { callbackUrl: "/account" } }, locale });
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="profile-heading" className="rounded-md border border-gray-200 bg-white p-4">
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">
          {t("profile")}
        </h2>
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-gray-700">{t("name")}</dt>
          <dd>{user.name}</dd>
          <dt className="text-gray-700">{t("email")}</dt>
          <dd>
            {user.email}{" "}
            {user.emailVerified ? (
              <span className="text-green-800">· {t("verified")}</span>
            ) : (
              <span className="text-red-700">· {t("notVerified")}</span>
            )}
          </dd>
          <dt className="text-gray-700">{t("phone")}</dt>
          <dd>{user.phone ?? t("noPhone")}</dd>
          <dt className="text-gray-700">{t("role")}</dt>
          <dd>{user.staffRole ? t(`staffRoles.${user.staffRole}`) : user.isSeeker ? t("roles.seeker") : t("roles.member")}</dd>
        </dl>
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
