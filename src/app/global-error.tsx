"use client";

import "./globals.css";

import { useEffect, useRef } from "react";

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
  const t = fallbackErrorTexts[locale];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col items-center justify-center bg-gray-50 p-4 font-sans text-gray-900">
        <main role="alert" className="mx-auto max-w-md text-center">
          <h1 ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold outline-none">
            {t.title}
          </h1>
          <p className="mb-6 text-gray-700">{t.text}</p>
          <div className="flex flex-wrap items-center justify-center gap-4">
            <button
              type="button"
              onClick={retry}
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t.retry}
            </button>
            <a href={`/${locale}`} className="text-brand-700 underline">
              {t.home}
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
