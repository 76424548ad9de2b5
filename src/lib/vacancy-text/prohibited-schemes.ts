// Prohibited schemes. These are a moderator's hint only: a flag never blocks a vacancy, it puts the
// matching phrase category in front of the moderator. Hence phrases are specific (precision over
// recall) and ordinary wording such as "оклад + процент с продаж" is not flagged.

import { foldKazakh } from "../text-fold";

export type ProhibitedFlag = "pyramid" | "commissionOnly" | "joinTheClub" | "upfrontPayment";

const FLAG_ORDER: readonly ProhibitedFlag[] = ["pyramid", "commissionOnly", "joinTheClub", "upfrontPayment"];

// Both the text and the phrases are folded the same way (Kazakh letters as their look-alikes).
const fold = foldKazakh;

/**
 * Phrase syntax: words separated by spaces; `stem*` is any word starting with the stem;
 * `a|b*` is one of several words; `word?` may be missing; `…` stands for up to two other words.
 * `notAfter` / `notBefore`: a word that cancels the match right before or after it ("не только процент").
 */
type Rule = { phrase: string; notAfter?: string; notBefore?: string };

const RULES: Record<ProhibitedFlag, Rule[]> = {
  pyramid: [
    { phrase: "финансов* пирамид*" },
    { phrase: "сетев* маркетинг*|бизнес*" },
    { phrase: "mlm" },
    { phrase: "млм" },
    { phrase: "network marketing" },
    { phrase: "пассивн* доход* … от|с|за … приглаш*" },
    { phrase: "доход* от|с приглашенн*" },
    { phrase: "приглашай* … друз*|знаком*|родствен* и … получ*|зараб*" },
    { phrase: "желі* маркетинг*" },
    { phrase: "қаржы* пирамида*" },
    { phrase: "достар* шақыр* … табыс*|ақша*" },
  ],
  commissionOnly: [
    { phrase: "только процент*|%", notAfter: "не" },
    { phrase: "только на процент*", notAfter: "не" },
    { phrase: "только с|от продаж*", notAfter: "не" },
    { phrase: "без фиксированн*? оклад*" },
    { phrase: "без фиксированн* оплат*|зарплат*" },
    { phrase: "тек пайыз*", notBefore: "емес" },
    { phrase: "жалақысыз|айлықсыз|окладсыз", notBefore: "демалыс" },
    { phrase: "тұрақты жалақы* жоқ" },
  ],
  joinTheClub: [
    { phrase: "присоедин* к наш*? клуб*" },
    { phrase: "вступ* в наш*? клуб*" },
    { phrase: "стан*|стать партнер* наш*? клуб*" },
    { phrase: "клуб* қосыл*" },
    { phrase: "клуб* мүше бол*" },
    { phrase: "клуб* серіктес* бол*" },
  ],
  upfrontPayment: [
    { phrase: "вступительн* взнос*|плат*" },
    { phrase: "стартов* взнос*" },
    { phrase: "взнос* за обучени*|трудоустройств*|оформлени*|регистраци*" },
    // Not "оплачиваемое обучение": that one is paid by the employer.
    { phrase: "оплатить|оплатите|оплата|оплату|платн* … обучени* перед|до начал*|трудоустройств*|выход*" },
    { phrase: "купить|купите|покупк*|приобрест*|приобретите|приобретени* … стартов* набор*|пакет*|комплект*" },
    { phrase: "кіру|бастапқы жарна*" },
    { phrase: "оқу* ақы* алдын ала төле*" },
    { phrase: "стартт* пакет*|жинақ*|жиынтық* сатып ал*" },
  ],
};

const WORD_CHARS = "[\\p{L}\\p{N}%]";

function wordPattern(word: string): string {
  const escaped = word.replace(/\*$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return word.endsWith("*") ? `${escaped}${WORD_CHARS}*` : escaped;
}

function compileRule(rule: Rule): RegExp {
  const tokens = fold(rule.phrase).split(" ");
  let body = "";
  tokens.forEach((token, index) => {
    const last = index === tokens.length - 1;
    if (token === "…") {
      body += `(?:${WORD_CHARS}+ ){0,2}`;
      return;
    }
    const optional = token.endsWith("?");
    const word = `(?:${token.replace(/\?$/, "").split("|").map(wordPattern).join("|")})`;
    if (optional) body += `(?:${word} )?`;
    else body += last ? word : `${word} `;
  });
  const notAfter = rule.notAfter ? `(?<!(?:^|[^\\p{L}\\p{N}])${fold(rule.notAfter)} )` : "";
  const notBefore = rule.notBefore ? `(?! ${fold(rule.notBefore)})` : "";
  return new RegExp(`(?<![\\p{L}\\p{N}])${notAfter}${body}(?!${WORD_CHARS})${notBefore}`, "u");
}

const COMPILED = FLAG_ORDER.map((flag) => ({ flag, patterns: RULES[flag].map(compileRule) }));

/** Categories of prohibited schemes the text looks like, unique, in a fixed order. */
export function detectProhibitedSchemes(text: string): ProhibitedFlag[] {
  const normalized = fold(text)
    .replace(/[^\p{L}\p{N}%]+/gu, " ")
    .trim();
  return COMPILED.filter(({ patterns }) => patterns.some((pattern) => pattern.test(normalized))).map(({ flag }) => flag);
}
