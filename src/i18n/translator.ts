import { createTranslator, type AbstractIntlMessages } from "next-intl";

import { catalogues } from "./messages";
import type { AppLocale } from "./routing";

/** A translator outside a request (emails, jobs, error mapping). */
export function translatorFor(locale: AppLocale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}

/** For keys only known at run time (error keys carried by domain errors). */
export function dynamicTranslator(locale: AppLocale) {
  // Typed as a plain string-keyed translator on purpose: the key is data here.
  const t = createTranslator({ locale, messages: catalogues[locale] as AbstractIntlMessages }) as unknown as {
    (key: string, values?: Record<string, string | number | Date>): string;
    has(key: string): boolean;
  };
  return {
    has: (key: string) => t.has(key),
    t: (key: string, values?: Record<string, string | number | Date>) => t(key, values),
  };
}
