"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";

import { locales } from "@/i18n/routing";
import { pathInLocale } from "@/lib/locale-path";

const NAMES = { ru: "Русский", kk: "Қазақша" } as const;

interface SwitcherProps {
  locale: string;
  label: string;
}

/**
 * Links to the same page (path and query) in the other languages. The query is only known in
 * the browser on statically rendered pages (`useSearchParams` suspends there), so the server
 * renders the same links without it: identical size, so nothing moves when the query arrives.
 */
export function LanguageSwitcher(props: SwitcherProps) {
  return (
    <Suspense fallback={<LanguageLinks {...props} query="" />}>
      <LanguageLinksWithQuery {...props} />
    </Suspense>
  );
}

function LanguageLinksWithQuery(props: SwitcherProps) {
  return <LanguageLinks {...props} query={useSearchParams().toString()} />;
}

function LanguageLinks({ locale, label, query }: SwitcherProps & { query: string }) {
  const pathname = usePathname();
  return (
    <ul aria-label={label} className="flex gap-2">
      {locales.map((l) => (
        <li key={l}>
          {l === locale ? (
            <span aria-current="true" lang={l} className="rounded border border-gray-300 bg-gray-100 px-2 py-1 font-medium">
              {NAMES[l]}
            </span>
          ) : (
            <Link
              href={`${pathInLocale(pathname, l)}${query ? `?${query}` : ""}`}
              lang={l}
              hrefLang={l}
              className="rounded px-2 py-1 text-brand-700 hover:underline"
            >
              {NAMES[l]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
