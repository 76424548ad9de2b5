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

type Tree = { [key: string]: string | Tree };

/**
 * Single messages of namespaces a client component needs only a few of ("errors.checkFields"),
 * nested as the catalogue nests them, to merge with pickMessages': a form that shows three of the
 * 200 error texts does not carry the other 197 on every page.
 */
export function pickMessageKeys(locale: string, keys: readonly string[]): Tree {
  const all = catalogues[isLocale(locale) ? locale : defaultLocale] as unknown as Tree;
  const picked: Tree = {};
  for (const key of keys) {
    const path = key.split(".");
    let from: string | Tree | undefined = all;
    let to = picked;
    path.forEach((part, i) => {
      from = typeof from === "object" ? from[part] : undefined;
      if (from === undefined) throw new Error(`The catalogue has no message "${key}"`);
      if (i === path.length - 1) to[part] = from;
      else to = (to[part] ??= {}) as Tree;
    });
  }
  return picked;
}
