import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import { Link } from "@/i18n/navigation";
import type { AppLocale } from "@/i18n/routing";
import { getCurrentUser } from "@/server/auth/current-user";

import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader({ locale }: { locale: AppLocale }) {
  const t = await getTranslations({ locale, namespace: "layout" });
  const user = await getCurrentUser();
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-brand-700">
          Jumys
        </Link>
        <nav aria-label={t("mainNav")} className="flex flex-wrap items-center gap-3 text-sm">
          {user ? (
            <>
              <Link
                href="/account"
                className="font-medium text-gray-900 underline-offset-2 hover:underline"
                data-testid="current-user"
              >
                {user.name}
              </Link>
              {user.staffRole ? (
                <Link href="/admin/emails" className="text-gray-800 hover:underline">
                  {t("admin")}
                </Link>
              ) : null}
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <>
              <Link href="/auth/sign-in" className="text-gray-900 hover:underline">
                {t("signIn")}
              </Link>
              <Link
                href="/auth/sign-up"
                className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
              >
                {t("signUp")}
              </Link>
            </>
          )}
          <Suspense fallback={null}>
            <LanguageSwitcher />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
