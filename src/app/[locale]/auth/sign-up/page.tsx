import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { SignUpForm } from "@/components/auth/sign-up-form";
import { titleMetadata } from "@/i18n/page-metadata";

export const generateMetadata = titleMetadata("auth.signUp", "title", { index: false });

export default async function SignUpPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.signUp" });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      <ClientMessages locale={locale} namespaces={["auth", "errors", "validation"]}>
        <SignUpForm />
      </ClientMessages>
    </div>
  );
}
