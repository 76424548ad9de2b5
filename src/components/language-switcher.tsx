"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

import { locales } from "@/i18n/routing";
import { pathInLocale } from "@/lib/locale-path";

const NAMES = { ru: "Русский", kk: "Қазақша" } as const;

/** Links to the same page (path and query) in the other languages. */
export function LanguageSwitcher({ locale, label }: { locale: string; label: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
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
