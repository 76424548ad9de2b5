"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

import { Link, usePathname } from "@/i18n/navigation";
import { locales } from "@/i18n/routing";

const NAMES = { ru: "Русский", kk: "Қазақша" } as const;

/** Links to the same page (path and query) in the other languages. */
export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const locale = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = Object.fromEntries(searchParams.entries());
  return (
    <ul aria-label={t("language")} className="flex gap-2">
      {locales.map((l) => (
        <li key={l}>
          {l === locale ? (
            <span aria-current="true" lang={l} className="rounded border border-gray-300 bg-gray-100 px-2 py-1 font-medium">
              {NAMES[l]}
            </span>
          ) : (
            <Link
              href={{ pathname, query }}
              locale={l}
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
