import { getTranslations } from "next-intl/server";

import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { SAVED_PATH, SEARCH_PATH } from "@/lib/urls";

import { LanguageSwitcher } from "./language-switcher";
import { LegalGate } from "./legal/legal-gate";
import { SavedVacanciesSync } from "./vacancy/use-saved-vacancies";
import { UserMenu } from "./user-menu";

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-700">
          Jumys
        </Link>
        <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-3 text-sm">
          <Link href={SEARCH_PATH} className="font-medium text-gray-900 underline-offset-2 hover:underline">
            {t("vacancies")}
          </Link>
          <Link href={SAVED_PATH} className="text-gray-900 underline-offset-2 hover:underline">
            {t("saved")}
          </Link>
          <UserMenu
            locale={locale}
            labels={{
              signIn: t("signIn"),
              signUp: t("signUp"),
              signOut: t("signOut"),
              admin: t("admin"),
              resumes: t("resumes"),
              applications: t("applications"),
              subscriptions: t("subscriptions"),
              employer: t("employer"),
            }}
          />
          {/* Brings a guest's saved vacancies into the account once signed in, on whatever page. */}
          <SavedVacanciesSync />
          <LegalGate locale={locale} />
          <LanguageSwitcher locale={locale} label={t("language")} />
        </nav>
      </div>
    </header>
  );
}
