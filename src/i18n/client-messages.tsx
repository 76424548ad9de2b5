import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { pickMessages, type Messages } from "./messages";

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
  const messages = pickMessages(locale, namespaces);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="Asia/Almaty">
      {children}
    </NextIntlClientProvider>
  );
}
