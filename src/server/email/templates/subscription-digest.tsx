import { Heading, Hr, Link, Section, Text } from "@react-email/components";
import { Fragment } from "react";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";
import { escapeHtml } from "@/lib/escape";
import { salaryParts } from "@/lib/format";

import { EmailLayout } from "./email-layout";

// The subscription digest: one email per seeker with a group per subscription (its name, how many
// new vacancies matched, up to a handful of them, a link to all of them on the search page), then
// the links to manage subscriptions and to unsubscribe.
//
// The digest job sends up to a hundred thousand of these in a run, and rendering a React tree costs
// milliseconds per email. So `SubscriptionDigestEmail` is the template (the markup lives only in
// its parts below), and `createDigestComposer` renders each part once per language with markers in
// place of the text, then builds each email by joining those stamps with the escaped values; a
// vacancy's block is built once per language and reused in every email that lists it. The test of
// this file proves that a composed email is byte for byte the React rendering of the template. The
// plain text version is written out from the same data.

export interface DigestEmailVacancy {
  id: number;
  title: string;
  url: string;
  /** "Company · City", the company left out for anonymous vacancies. */
  meta: string;
  /** Formatted in KZT in the email's language, e.g. "от 300 000 ₸ на руки". */
  salary: string;
  premium: boolean;
}

export interface DigestEmailGroup {
  name: string;
  /** Every new vacancy that matched, of which `vacancies` shows the first few. */
  total: number;
  seeAllUrl: string;
  vacancies: DigestEmailVacancy[];
}

export interface DigestEmailProps {
  locale: AppLocale;
  name: string;
  groups: DigestEmailGroup[];
  manageUrl: string;
  unsubscribeUrl: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
}

const BRAND = "#0f766e";
const MUTED = "#6b7280";

function DigestIntro(props: { greeting: string; intro: string }) {
  return (
    <Section>
      <Text style={{ margin: "0 0 8px" }}>{props.greeting}</Text>
      <Text style={{ margin: "0 0 8px" }}>{props.intro}</Text>
    </Section>
  );
}

function DigestGroupHeader(props: { name: string; summary: string }) {
  return (
    <Section style={{ marginTop: "24px" }}>
      <Heading as="h2" style={{ fontSize: "18px", lineHeight: "24px", margin: "0 0 4px", color: "#111827" }}>
        {props.name}
      </Heading>
      <Text style={{ fontSize: "13px", lineHeight: "18px", color: MUTED, margin: "0 0 8px" }}>{props.summary}</Text>
    </Section>
  );
}

// Plain blocks rather than react-email's table-based parts: a digest lists up to dozens of
// vacancies, and these render alike in mail clients at a third of the markup.
function DigestItem(props: { title: string; url: string; meta: string; salary: string; premiumLabel: string | null }) {
  return (
    <div
      style={{
        borderLeft: props.premiumLabel ? "3px solid #f59e0b" : "3px solid #e5e7eb",
        padding: "2px 0 2px 12px",
        margin: "0 0 12px",
        fontSize: "14px",
        lineHeight: "20px",
      }}
    >
      {props.premiumLabel ? (
        <div style={{ fontSize: "11px", fontWeight: 700, color: "#b45309" }}>{props.premiumLabel}</div>
      ) : null}
      <a href={props.url} style={{ fontSize: "16px", lineHeight: "22px", fontWeight: 700, color: BRAND, textDecoration: "none" }}>
        {props.title}
      </a>
      <div>{props.salary}</div>
      <div style={{ fontSize: "13px", color: MUTED }}>{props.meta}</div>
    </div>
  );
}

function DigestSeeAll(props: { label: string; url: string }) {
  return (
    <Text style={{ margin: "0 0 8px" }}>
      <Link href={props.url} style={{ color: BRAND, textDecoration: "underline" }}>
        {props.label}
      </Link>
    </Text>
  );
}

function DigestLinks(props: { manageLabel: string; manageUrl: string; unsubscribeLabel: string; unsubscribeUrl: string }) {
  return (
    <Section>
      <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 12px" }} />
      <Text style={{ fontSize: "13px", margin: "0 0 4px" }}>
        <Link href={props.manageUrl} style={{ color: BRAND, textDecoration: "underline" }}>
          {props.manageLabel}
        </Link>
      </Text>
      <Text style={{ fontSize: "13px", margin: 0 }}>
        <Link href={props.unsubscribeUrl} style={{ color: BRAND, textDecoration: "underline" }}>
          {props.unsubscribeLabel}
        </Link>
      </Text>
    </Section>
  );
}

// The greeting is formatted once with this in place of the name, which is then put in as it is
// (the message has no plural or select on the name, so the result is the same).
const NAME = "\uE002";
const greetingFor = (message: string) => {
  const [before = "", after = ""] = message.split(NAME);
  return (name: string) => `${before}${name}${after}`;
};

type Words = ReturnType<typeof makeWords>;
const wordsByLocale = new Map<AppLocale, Words>();

/** The words of the emails in one language (made once per language). */
function wordsFor(locale: AppLocale): Words {
  let words = wordsByLocale.get(locale);
  if (!words) wordsByLocale.set(locale, (words = makeWords(locale)));
  return words;
}

function makeWords(locale: AppLocale) {
  const t = translatorFor(locale);
  const salary = (from: number | null, to: number | null, gross: boolean) => {
    const parts = salaryParts(from, to);
    if (parts.kind === "none") return t("vacancy.salary.byAgreement");
    return `${t(`vacancy.salary.${parts.kind}`, parts)} ${t(gross ? "vacancy.salary.gross" : "vacancy.salary.net")}`;
  };
  // The same few counts come back in thousands of emails: each phrase is formatted once.
  const byCount = (format: (count: number) => string) => {
    const cache = new Map<number, string>();
    return (count: number) => {
      let phrase = cache.get(count);
      if (phrase === undefined) cache.set(count, (phrase = format(count)));
      return phrase;
    };
  };
  return {
    subject: byCount((count) => t("digest.email.subject", { count })),
    // Close to react-email's 150 characters on purpose: it pads a shorter preview with invisible
    // characters, two kilobytes in every email for the usual short line.
    preview: t("digest.email.preview"),
    footer: t("digest.email.footer"),
    greeting: greetingFor(t("email.greeting", { name: NAME })),
    intro: t("digest.email.intro"),
    summary: byCount((count) => t("digest.email.groupSummary", { count })),
    seeAll: byCount((count) => t("digest.email.seeAll", { count })),
    premium: t("digest.email.premium"),
    manage: t("digest.email.manage"),
    unsubscribe: t("digest.email.unsubscribe"),
    salary,
  };
}

/** A vacancy's salary line as the site prints it, in the email's language. */
export function digestSalary(locale: AppLocale, from: number | null, to: number | null, gross: boolean): string {
  return wordsFor(locale).salary(from, to, gross);
}

const totalOf = (groups: readonly DigestEmailGroup[]) => groups.reduce((sum, g) => sum + g.total, 0);

/** The template as a React tree (previews and the composer's test render it). */
export function SubscriptionDigestEmail(props: DigestEmailProps) {
  const w = wordsFor(props.locale);
  return (
    <EmailLayout locale={props.locale} preview={w.preview} footer={w.footer}>
      <DigestIntro greeting={w.greeting(props.name)} intro={w.intro} />
      {props.groups.map((group, g) => (
        <Fragment key={g}>
          <DigestGroupHeader name={group.name} summary={w.summary(group.total)} />
          {group.vacancies.map((v) => (
            <DigestItem
              key={v.id}
              title={v.title}
              url={v.url}
              meta={v.meta}
              salary={v.salary}
              premiumLabel={v.premium ? w.premium : null}
            />
          ))}
          <DigestSeeAll label={w.seeAll(group.total)} url={group.seeAllUrl} />
        </Fragment>
      ))}
      <DigestLinks
        manageLabel={w.manage}
        manageUrl={props.manageUrl}
        unsubscribeLabel={w.unsubscribe}
        unsubscribeUrl={props.unsubscribeUrl}
      />
    </EmailLayout>
  );
}

/** react-email's document type, which its render() puts in front of the markup. */
export const EMAIL_DOCTYPE =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * React's server renderer, loaded on first use: a static import of "react-dom/server" is refused
 * in the App Router's server bundles (as @react-email/render does, it is imported dynamically).
 */
async function staticMarkup(): Promise<(element: React.ReactElement) => string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup;
}

/** The template rendered by React in one piece: the reference the composer must equal. */
export async function renderDigestReference(props: DigestEmailProps): Promise<string> {
  const markup = await staticMarkup();
  return EMAIL_DOCTYPE + markup(<SubscriptionDigestEmail {...props} />);
}

// Marker characters from Unicode's private use area: React leaves them as they are, and the
// values written into the stamps are escaped, so a marker can never come from the data.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const slot = (name: string) => `${OPEN}${name}${CLOSE}`;
const SLOT = new RegExp(`${OPEN}(\\w+)${CLOSE}`, "g");

type Stamp<K extends string> = (values: Record<K, string>) => string;

/** Renders a part once with markers for its values; filling it escapes each value as React would. */
function stamp<K extends string>(render: (slots: Record<K, string>) => string, names: readonly K[]): Stamp<K> {
  const slots = Object.fromEntries(names.map((n) => [n, slot(n)])) as Record<K, string>;
  const pieces = render(slots).split(SLOT);
  // split() with a capture group alternates literal markup and slot names.
  return (values) => {
    let out = pieces[0] as string;
    for (let i = 1; i < pieces.length; i += 2) out += escapeHtml(values[pieces[i] as K]) + (pieces[i + 1] as string);
    return out;
  };
}

export interface DigestComposer {
  compose(props: Omit<DigestEmailProps, "locale">): ComposedEmail;
}

/** Builds digest emails in one language from stamps of the template's parts (see the top of the file). */
export async function createDigestComposer(locale: AppLocale): Promise<DigestComposer> {
  const w = wordsFor(locale);
  const markup = await staticMarkup();

  const BODY = slot("body");
  const shell = (
    EMAIL_DOCTYPE +
    markup(
      <EmailLayout locale={locale} preview={w.preview} footer={w.footer}>
        {BODY}
      </EmailLayout>,
    )
  ).split(BODY);
  if (shell.length !== 2) throw new Error("the email layout must render its children exactly once");
  const [head, tail] = shell as [string, string];

  const intro = stamp((s) => markup(<DigestIntro greeting={s.greeting} intro={w.intro} />), ["greeting"] as const);
  const header = stamp((s) => markup(<DigestGroupHeader name={s.name} summary={s.summary} />), ["name", "summary"] as const);
  const itemFields = ["title", "url", "meta", "salary"] as const;
  const item = stamp((s) => markup(<DigestItem {...s} premiumLabel={null} />), itemFields);
  const premiumItem = stamp((s) => markup(<DigestItem {...s} premiumLabel={w.premium} />), itemFields);
  const seeAll = stamp((s) => markup(<DigestSeeAll label={s.label} url={s.url} />), ["label", "url"] as const);
  const links = stamp(
    (s) =>
      markup(
        <DigestLinks
          manageLabel={w.manage}
          manageUrl={s.manage}
          unsubscribeLabel={w.unsubscribe}
          unsubscribeUrl={s.unsubscribe}
        />,
      ),
    ["manage", "unsubscribe"] as const,
  );

  // A vacancy looks the same in every email of this language: built once per run.
  const itemHtml = new Map<number, string>();
  const itemText = new Map<number, string>();
  const htmlOf = (v: DigestEmailVacancy) => {
    let html = itemHtml.get(v.id);
    if (html === undefined) {
      html = (v.premium ? premiumItem : item)(v);
      itemHtml.set(v.id, html);
    }
    return html;
  };
  const textOf = (v: DigestEmailVacancy) => {
    let text = itemText.get(v.id);
    if (text === undefined) {
      text = `${v.premium ? `[${w.premium}] ` : ""}${v.title}\n${v.salary}\n${v.meta}\n${v.url}\n`;
      itemText.set(v.id, text);
    }
    return text;
  };

  return {
    compose(props) {
      const greeting = w.greeting(props.name);
      let html = head + intro({ greeting });
      let text = `${greeting}\n\n${w.intro}\n`;
      for (const group of props.groups) {
        const summary = w.summary(group.total);
        const label = w.seeAll(group.total);
        html += header({ name: group.name, summary });
        text += `\n${group.name.toUpperCase()}\n${summary}\n\n`;
        for (const v of group.vacancies) {
          html += htmlOf(v);
          text += `${textOf(v)}\n`;
        }
        html += seeAll({ label, url: group.seeAllUrl });
        text += `${label}: ${group.seeAllUrl}\n`;
      }
      html += links({ manage: props.manageUrl, unsubscribe: props.unsubscribeUrl }) + tail;
      text += `\n---\n${w.manage}: ${props.manageUrl}\n${w.unsubscribe}: ${props.unsubscribeUrl}\n\n` + `${w.footer}\n`;
      return { subject: w.subject(totalOf(props.groups)), html, text };
    },
  };
}
