import kk from "./messages/kk.json";
import ru from "./messages/ru.json";
import { defaultLocale, isLocale, type AppLocale } from "./routing";

export type Messages = typeof ru;

// kk must have exactly ru's shape; the catalogue test reports any key present in only one.
export const catalogues: Record<AppLocale, Messages> = { ru, kk: kk as Messages };

/** What every page's client components need: the header's menu and the save button. */
const BASE: (keyof Messages)[] = ["layout", "saved"];

/**
 * The catalogue namespaces handed to client components, and no more: the messages travel with
 * every page, so a page without forms does not carry the forms' texts. Kept apart from the
 * provider so that a page which only passes messages on does not load the provider's runtime.
 */
export function pickMessages(locale: string, namespaces: (keyof Messages)[] = []): Partial<Messages> {
  const all = catalogues[isLocale(locale) ? locale : defaultLocale];
  return Object.fromEntries([...BASE, ...namespaces].map((name) => [name, all[name]]));
}
