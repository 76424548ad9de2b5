import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { catalogues, type Messages } from "./messages";
import { defaultLocale, isLocale } from "./routing";

/** What every page's client components need: the header's menu and the save button. */
const BASE: (keyof Messages)[] = ["layout", "saved"];

/**
 * Hands client components the catalogue namespaces they use, and no more: the messages travel
 * with every page, so a page without forms does not carry the forms' texts.
 */
export function ClientMessages({
  locale,
  namespaces = [],
  children,
}: {
  locale: string;
  namespaces?: (keyof Messages)[];
  children: ReactNode;
}) {
  const all = catalogues[isLocale(locale) ? locale : defaultLocale];
  const messages = Object.fromEntries([...BASE, ...namespaces].map((name) => [name, all[name]]));
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Almaty">
      {children}
    </NextIntlClientProvider>
  );
}
