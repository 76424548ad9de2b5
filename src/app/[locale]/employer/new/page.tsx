import { getTranslations, setRequestLocale } from "next-intl/server";

import { OrganizationForm } from "@/components/employer/organization-form";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";
import { requireUser } from "@/server/auth/require-user";
import { cityOptions } from "@/server/services/catalog/catalog";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("employer", "register", { index: false });

export default async function RegisterOrganizationPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireUser(locale);
  const t = await getTranslations({ locale, namespace: "employer" });
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("register")}</h1>
      <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("dataNotice")}</p>
      <ClientMessages locale={locale} namespaces={["employer", "errors", "validation"]}>
        <OrganizationForm mode="register" locale={locale} cities={await cityOptions(locale)} />
      </ClientMessages>
    </div>
  );
}
