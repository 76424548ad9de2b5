import kk from "./messages/kk.json";
import ru from "./messages/ru.json";
import type { AppLocale } from "./routing";

export type Messages = typeof ru;

// kk must have exactly ru's shape; the catalogue test reports any key present in only one.
export const catalogues: Record<AppLocale, Messages> = { ru, kk: kk as Messages };
