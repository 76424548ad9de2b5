// Number formatting that is the same on the server and in every browser: KZT amounts with a
// narrow no-break space between thousands, as Kazakh and Russian typography expects.

export function formatAmount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
}

/** Money kept in tiyn (1/100 tenge) as tenge: "24 900 ₸", "1 234,50 ₸", "−990 ₸". */
export function formatTiyn(tiyn: bigint): string {
  const negative = tiyn < 0n;
  const abs = negative ? -tiyn : tiyn;
  const tenge = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const rest = abs % 100n;
  return `${negative ? "−" : ""}${tenge}${rest === 0n ? "" : `,${rest.toString().padStart(2, "0")}`}\u00a0₸`;
}

export type SalaryParts =
  { kind: "range"; from: string; to: string } | { kind: "from"; from: string } | { kind: "to"; to: string } | { kind: "none" };

export function salaryParts(from: number | null, to: number | null): SalaryParts {
  if (from !== null && to !== null)
    return from === to
      ? { kind: "from", from: formatAmount(from) }
      : { kind: "range", from: formatAmount(from), to: formatAmount(to) };
  if (from !== null) return { kind: "from", from: formatAmount(from) };
  if (to !== null) return { kind: "to", to: formatAmount(to) };
  return { kind: "none" };
}

/** Licence categories as printed on a Kazakh licence: Tm and Tb keep their lower-case letter. */
export const licenceLabel = (category: string) => (category === "TM" ? "Tm" : category === "TB" ? "Tb" : category);

// Dates: one formatter for the server and the browser. Browsers ship no Kazakh calendar data
// (Chrome's Intl prints "2026 M12 5" for kk while Node prints "2026 ж. 5 желтоқсан"), so a date
// formatted with Intl in a client component differed between the server's HTML and the browser's
// render, and React threw a hydration error. The month names below are the CLDR ones; Intl is
// only asked for numbers (year, month, day, hour, minute in a time zone), which every runtime has.

const MONTHS = {
  ru: {
    // "5 декабря", "декабрь 2026 г.", "5 дек. 2026 г."
    genitive: [
      "января",
      "февраля",
      "марта",
      "апреля",
      "мая",
      "июня",
      "июля",
      "августа",
      "сентября",
      "октября",
      "ноября",
      "декабря",
    ],
    nominative: [
      "январь",
      "февраль",
      "март",
      "апрель",
      "май",
      "июнь",
      "июль",
      "август",
      "сентябрь",
      "октябрь",
      "ноябрь",
      "декабрь",
    ],
    short: ["янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."],
  },
  kk: {
    genitive: [
      "қаңтар",
      "ақпан",
      "наурыз",
      "сәуір",
      "мамыр",
      "маусым",
      "шілде",
      "тамыз",
      "қыркүйек",
      "қазан",
      "қараша",
      "желтоқсан",
    ],
    nominative: [
      "қаңтар",
      "ақпан",
      "наурыз",
      "сәуір",
      "мамыр",
      "маусым",
      "шілде",
      "тамыз",
      "қыркүйек",
      "қазан",
      "қараша",
      "желтоқсан",
    ],
    short: ["қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."],
  },
} as const;

/**
 * - `short`: 05.12.2026
 * - `medium`: 5 дек. 2026 г. / 2026 ж. 5 жел.
 * - `long`: 5 декабря 2026 г. / 2026 ж. 5 желтоқсан
 * - `dayMonth`: 5 декабря / 5 желтоқсан
 * - `monthYear`: декабрь 2026 г. / 2026 ж. желтоқсан
 */
export type DateStyle = "short" | "medium" | "long" | "dayMonth" | "monthYear";

export interface DateFormatOptions {
  /** Adds the time after a comma: hours and minutes, or with seconds too. */
  time?: boolean | "seconds";
  /** Asia/Almaty (the business's time zone) unless given. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = "Asia/Almaty";

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function dateParts(date: Date, timeZone: string) {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) if (part.type !== "literal") parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 0,
    month: (parts.month ?? 1) - 1,
    day: parts.day ?? 1,
    // Some engines write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as both the server and every browser write it, in Russian or Kazakh. */
export function formatDate(
  value: Date | string | number,
  locale: string,
  style: DateStyle,
  options: DateFormatOptions = {},
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  const p = dateParts(date, options.timeZone ?? DEFAULT_TIME_ZONE);
  const kk = locale === "kk";
  const months = kk ? MONTHS.kk : MONTHS.ru;
  let text: string;
  switch (style) {
    case "short":
      text = `${pad(p.day)}.${pad(p.month + 1)}.${p.year}`;
      break;
    case "medium":
      text = kk ? `${p.year} ж. ${p.day} ${months.short[p.month]}` : `${p.day} ${months.short[p.month]} ${p.year} г.`;
      break;
    case "long":
      text = kk ? `${p.year} ж. ${p.day} ${months.genitive[p.month]}` : `${p.day} ${months.genitive[p.month]} ${p.year} г.`;
      break;
    case "dayMonth":
      text = `${p.day} ${months.genitive[p.month]}`;
      break;
    case "monthYear":
      text = kk ? `${p.year} ж. ${months.nominative[p.month]}` : `${months.nominative[p.month]} ${p.year} г.`;
      break;
  }
  if (!options.time) return text;
  const time = `${pad(p.hour)}:${pad(p.minute)}${options.time === "seconds" ? `:${pad(p.second)}` : ""}`;
  return `${text}, ${time}`;
}
