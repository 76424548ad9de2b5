// The total of a bill or an act written out in words, as Kazakh accounting documents carry it:
// "Сто двадцать тысяч тенге 00 тиын" / "Жүз жиырма мың теңге 00 тиын". Whole tenge in words,
// tiyn in figures.

export type DocumentLanguage = "ru" | "kk";

/** The largest amount written out: 999 999 999 999 tenge 99 tiyn. */
export const MAX_AMOUNT_TIYN = 999_999_999_999_99n;

const RU_ONES_MALE = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const RU_ONES_FEMALE = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const RU_TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const RU_TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
const RU_HUNDREDS = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];
// [one, few (2-4), many] and the grammatical gender of each scale word.
const RU_SCALES: { forms: [string, string, string]; female: boolean }[] = [
  { forms: ["", "", ""], female: false },
  { forms: ["тысяча", "тысячи", "тысяч"], female: true },
  { forms: ["миллион", "миллиона", "миллионов"], female: false },
  { forms: ["миллиард", "миллиарда", "миллиардов"], female: false },
];

const KK_ONES = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
const KK_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];
const KK_SCALES = ["", "мың", "миллион", "миллиард"];

/** The Russian plural form for a count: 1 тысяча, 2 тысячи, 5 тысяч, 11 тысяч, 21 тысяча. */
export function russianPlural(n: number, forms: readonly [string, string, string]): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function russianTriad(n: number, female: boolean): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(RU_HUNDREDS[hundreds]!);
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]!);
  else {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    if (tens) words.push(RU_TENS[tens]!);
    if (ones) words.push((female ? RU_ONES_FEMALE : RU_ONES_MALE)[ones]!);
  }
  return words;
}

function kazakhTriad(n: number, scale: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  // "жүз" and "мың" stand alone for one hundred and one thousand: "жүз жиырма мың", "мың жүз".
  if (hundreds) words.push(...(hundreds === 1 ? ["жүз"] : [KK_ONES[hundreds]!, "жүз"]));
  if (tens) words.push(KK_TENS[tens]!);
  if (ones && !(n === 1 && scale === 1)) words.push(KK_ONES[ones]!);
  return words;
}

function triads(whole: bigint): number[] {
  const groups: number[] = [];
  let rest = whole;
  do {
    groups.push(Number(rest % 1000n));
    rest /= 1000n;
  } while (rest > 0n);
  return groups; // lowest first
}

/** Whole tenge in words, lower case: "сто двадцать тысяч", "жүз жиырма мың". */
export function numberInWords(whole: bigint, language: DocumentLanguage): string {
  if (whole < 0n || whole > MAX_AMOUNT_TIYN / 100n) throw new RangeError(`amount out of range: ${whole}`);
  if (whole === 0n) return language === "ru" ? "ноль" : "нөл";
  const groups = triads(whole);
  const words: string[] = [];
  for (let scale = groups.length - 1; scale >= 0; scale--) {
    const n = groups[scale]!;
    if (n === 0) continue;
    if (language === "ru") {
      const { forms, female } = RU_SCALES[scale]!;
      words.push(...russianTriad(n, female));
      if (scale > 0) words.push(russianPlural(n, forms));
    } else {
      words.push(...kazakhTriad(n, scale));
      if (scale > 0) words.push(KK_SCALES[scale]!);
    }
  }
  return words.join(" ");
}

/** "Сто двадцать тысяч тенге 00 тиын" for 12 000 000 tiyn; "Жүз жиырма мың теңге 00 тиын" in Kazakh. */
export function amountInWords(tiyn: bigint, language: DocumentLanguage): string {
  if (tiyn < 0n || tiyn > MAX_AMOUNT_TIYN) throw new RangeError(`amount out of range: ${tiyn}`);
  const words = numberInWords(tiyn / 100n, language);
  const cents = String(tiyn % 100n).padStart(2, "0");
  const phrase = `${words} ${language === "ru" ? "тенге" : "теңге"} ${cents} тиын`;
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}
