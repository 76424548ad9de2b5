"use client";

import "./globals.css";

import { ErrorPanel } from "@/components/error-panel";
import { fallbackErrorTexts } from "@/i18n/fallback-error-texts";

function pageLocale(): "ru" | "kk" {
  return typeof window !== "undefined" && window.location.pathname.startsWith("/kk") ? "kk" : "ru";
}

/**
 * Shown when the locale layout itself fails to render (every other failure gets the localized
 * error page inside the layout). It replaces the whole document, so it brings its own html and
 * body and takes the language from the address.
 */
export default function GlobalError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const locale = pageLocale();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col items-center justify-center bg-gray-50 p-4 font-sans text-gray-900">
        <main>
          <ErrorPanel texts={fallbackErrorTexts[locale]} homeHref={`/${locale}`} onRetry={retry} />
        </main>
      </body>
    </html>
  );
}
