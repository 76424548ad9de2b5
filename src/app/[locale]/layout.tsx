import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "@fontsource/noto-sans/700.css";
import "../globals.css";

import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { ErrorTextsProvider } from "@/components/error-texts";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getEnv } from "@/env";
import { isLocale } from "@/i18n/routing";
import { BRAND_COLOR } from "@/lib/brand";

// No page is rendered at build time (the build needs no database); pages without per-request
// data are rendered on first request and then served from the cache until they revalidate.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: { default: t("title"), template: `%s — Jumys` },
    description: t("description"),
    applicationName: "Jumys",
    // Files in public/, written by `npm run icons` from public/logo.svg.
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon-32.png", type: "image/png", sizes: "32x32" },
        { url: "/icon-192.png", type: "image/png", sizes: "192x192" },
      ],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: BRAND_COLOR };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "layout" });
  const e = await getTranslations({ locale, namespace: "errorPage" });
  const errorTexts = { title: e("title"), text: e("text"), retry: e("retry"), home: e("home"), homeHref: `/${locale}` };
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-gray-50 font-sans text-gray-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        {/* No client providers here (translations, tRPC): public pages stay light; sections with
            forms add them (SectionProviders), public pages' few client parts take texts as props. */}
        <SiteHeader locale={locale} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <ErrorTextsProvider texts={errorTexts}>{children}</ErrorTextsProvider>
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
