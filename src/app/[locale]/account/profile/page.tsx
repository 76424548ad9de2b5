import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { AccountNav } from "@/components/account/account-nav";
import { loadAccount } from "@/components/account/load-account";
import { PreferencesForm } from "@/components/account/preferences-form";
import { ProfileForm } from "@/components/account/profile-form";
import { ClientMessages } from "@/i18n/client-messages";
import { Link } from "@/i18n/navigation";
import { titleMetadata } from "@/i18n/page-metadata";
import { cityOptions } from "@/server/services/catalog/catalog";
import { formatDate } from "@/lib/format";

// Never cached: the signed-in person's own data.
export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("account.nav", "profile", { index: false });

const card = "rounded-md border border-gray-200 bg-white p-4";

export default async function AccountProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { profile } = await loadAccount(locale);
  const [t, cities] = await Promise.all([getTranslations({ locale, namespace: "account" }), cityOptions(locale)]);
  const date = (d: Date) => formatDate(d, locale, "long", { time: true });
  const termsLink = (chunks: ReactNode) => (
    <Link href="/terms" className="text-brand-700 underline">
      {chunks}
    </Link>
  );
  const privacyLink = (chunks: ReactNode) => (
    <Link href="/privacy" className="text-brand-700 underline">
      {chunks}
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("nav.profile")}</h1>
      <AccountNav locale={locale} current="profile" />
      <ClientMessages locale={locale} namespaces={["account", "errors", "validation"]}>
        <div className={card}>
          <ProfileForm
            values={{ name: profile.name, phone: profile.phone, cityId: profile.cityId, locale: profile.locale }}
            cities={cities}
          />
        </div>
        <div className={card}>
          <PreferencesForm
            values={{
              isSeeker: profile.isSeeker,
              notifyApplicationUpdates: profile.notifyApplicationUpdates,
              notifyDigests: profile.notifyDigests,
              marketing: profile.marketing,
            }}
          />
        </div>
      </ClientMessages>
      <section aria-labelledby="legal-heading" className={card}>
        <h2 id="legal-heading" className="mb-3 text-lg font-semibold">
          {t("legal.title")}
        </h2>
        <ul className="flex flex-col gap-2 text-sm">
          <li>
            {profile.terms
              ? t.rich("legal.terms", { version: profile.terms.version, date: date(profile.terms.acceptedAt), doc: termsLink })
              : t.rich("legal.termsMissing", { doc: termsLink })}
          </li>
          <li>
            {profile.privacy
              ? t.rich("legal.privacy", {
                  version: profile.privacy.version,
                  date: date(profile.privacy.acceptedAt),
                  doc: privacyLink,
                })
              : t.rich("legal.privacyMissing", { doc: privacyLink })}
          </li>
          <li>
            {t("legal.processing", {
              state:
                profile.processing.granted && profile.processing.changedAt
                  ? t("legal.granted", { date: date(profile.processing.changedAt) })
                  : t("legal.notGranted"),
            })}
          </li>
        </ul>
      </section>
    </div>
  );
}
