import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";

import { getEnv } from "@/env";
import { Link } from "@/i18n/navigation";
import { defaultLocale, isLocale } from "@/i18n/routing";
import { localeAlternates, socialMetadata } from "@/server/seo/metadata";
import { getSiteStats } from "@/server/services/catalog/site-stats";

// Cached for everyone; live counts may lag by up to five minutes.
export const revalidate = 300;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale: requested } = await params;
  const locale = isLocale(requested) ? requested : defaultLocale;
  const t = await getTranslations({ locale, namespace: "meta" });
  const appUrl = getEnv().APP_URL;
  return {
    alternates: localeAlternates(appUrl, locale, "/"),
    ...socialMetadata({ appUrl, locale, path: "/", title: t("title"), description: t("description") }),
  };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const stats = await getSiteStats();
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-xl bg-brand-700 px-6 py-10 text-white">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("headline")}</h1>
        <p className="mt-3 max-w-2xl text-lg text-brand-50">{t("subheadline")}</p>
        <p className="mt-6 text-base" data-testid="stats">
          {t("stats", { vacancies: stats.vacancies, companies: stats.companies })}
        </p>
      </section>
      <section aria-labelledby="groups-heading">
        <h2 id="groups-heading" className="mb-4 text-xl font-semibold">
          {t("groups")}
        </h2>
        {stats.topGroups.length ? (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {stats.topGroups.map((g) => (
              <li key={g.id} className="flex items-center justify-between rounded-md border border-gray-200 bg-white px-4 py-3">
                <span>{locale === "kk" ? g.nameKk : g.nameRu}</span>
                <span className="text-sm text-gray-700">{t("vacancyCount", { count: g.vacancies })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{t("empty")}</p>
        )}
      </section>
      <section className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <div className="rounded-md border border-gray-200 bg-white p-5">
          <h2 className="mb-2 text-lg font-semibold">{t("forSeekers")}</h2>
          <p className="mb-4 text-gray-700">{t("forSeekersText")}</p>
          <Link href="/auth/sign-up" className="text-brand-700 underline">
            {t("createAccount")}
          </Link>
        </div>
        <div className="rounded-md border border-gray-200 bg-white p-5">
          <h2 className="mb-2 text-lg font-semibold">{t("forEmployers")}</h2>
          <p className="mb-4 text-gray-700">{t("forEmployersText")}</p>
          <Link href="/auth/sign-up" className="text-brand-700 underline">
            {t("createAccount")}
          </Link>
        </div>
      </section>
    </div>
  );
}
