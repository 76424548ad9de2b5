import { ClientMessages } from "@/i18n/client-messages";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { SavedVacanciesList } from "@/components/vacancy/saved-vacancies-list";
import { titleMetadata } from "@/i18n/page-metadata";

// The same for everyone (the list is read by the browser, from the account or from local
// storage), so the page is cached.
export const generateMetadata = titleMetadata("saved", "title", { index: false });

export default async function SavedVacanciesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "saved" });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ClientMessages locale={locale} namespaces={["vacancy"]}>
        <SavedVacanciesList />
      </ClientMessages>
    </div>
  );
}
