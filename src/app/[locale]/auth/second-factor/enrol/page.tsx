import { getTranslations, setRequestLocale } from "next-intl/server";

import { EnrolForm } from "@/components/staff-auth/second-factor-forms";
import { ClientMessages } from "@/i18n/client-messages";
import { titleMetadata } from "@/i18n/page-metadata";

import { secondFactorPage } from "../shared";

// Never cached: depends on the signed-in staff member.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("staffTotp", "enrolTitle", { index: false });

/** A staff member without a second factor sets one up before the console opens. */
export default async function SecondFactorEnrolPage(props: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await props.params;
  setRequestLocale(locale);
  const { continuePath } = await secondFactorPage(locale, (await props.searchParams).callbackUrl, "enrol");
  const t = await getTranslations({ locale, namespace: "staffTotp" });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">{t("enrolTitle")}</h1>
      <p className="mb-6 text-sm text-gray-700">{t("enrolIntro")}</p>
      <ClientMessages locale={locale} namespaces={["staffTotp", "errors", "validation"]}>
        <EnrolForm continuePath={`/${locale}${continuePath}`} />
      </ClientMessages>
    </div>
  );
}
