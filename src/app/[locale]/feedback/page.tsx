import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { FeedbackForm } from "@/components/feedback-form";
import { getCurrentUser } from "@/server/auth/current-user";
import { titleMetadata } from "@/i18n/page-metadata";

// Never cached: depends on the signed-in user (prefilled name and email).
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("feedback", "title", { index: true, path: "/feedback" });

export default async function FeedbackPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "feedback" });
  const user = await getCurrentUser();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6 text-gray-700">{t("intro")}</p>
      <ClientMessages locale={locale} namespaces={["feedback", "errors", "validation"]}>
        <FeedbackForm defaults={{ name: user?.name, email: user?.email }} />
      </ClientMessages>
    </div>
  );
}
