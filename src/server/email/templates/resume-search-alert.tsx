import { Button, Link, Section, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";
import { formatAmount } from "@/lib/format";

import { EmailLayout } from "./email-layout";

/** A resume as the email shows it: the work, never who the person is or how to reach them. */
export interface ResumeAlertCard {
  title: string;
  city: string | null;
  desiredSalary: number | null;
  experienceMonths: number;
  url: string;
}

export interface ResumeSearchAlertProps {
  locale: AppLocale;
  name: string;
  searchName: string;
  /** New resumes in all; `cards` shows the first few. */
  total: number;
  cards: ResumeAlertCard[];
  searchUrl: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

/** To a member of a hiring organisation: new resumes matching one of their saved resume searches. */
export function resumeSearchAlertTemplate(props: ResumeSearchAlertProps) {
  const t = translatorFor(props.locale);
  const subject = t("email.resumeSearchAlert.subject", { name: props.searchName, count: props.total });
  return {
    subject,
    element: (
      <EmailLayout locale={props.locale} preview={subject} footer={t("email.resumeSearchAlert.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t("email.resumeSearchAlert.intro", { name: props.searchName, count: props.total })}</Text>
        {props.cards.map((card) => {
          const years = Math.floor(card.experienceMonths / 12);
          const months = card.experienceMonths % 12;
          const details = [
            card.city,
            card.desiredSalary !== null ? `${formatAmount(card.desiredSalary)}\u00a0₸` : t("resumeDatabase.noSalary"),
            card.experienceMonths > 0
              ? t("resumeDatabase.experienceTotal", { years, months }).trim()
              : t("resumeDatabase.noExperience"),
          ].filter((part): part is string => Boolean(part));
          return (
            <Section key={card.url} style={{ borderTop: "1px solid #e5e7eb", padding: "8px 0" }}>
              <Link href={card.url} style={{ color: "#0f766e", fontWeight: 700, fontSize: "16px" }}>
                {card.title}
              </Link>
              <Text style={{ margin: "4px 0 0", color: "#374151" }}>{details.join(" · ")}</Text>
            </Section>
          );
        })}
        <Button
          href={props.searchUrl}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", marginTop: "12px" }}
        >
          {t("email.resumeSearchAlert.openSearch")}
        </Button>
        <Text style={{ fontSize: "13px", color: "#4b5563" }}>
          <Link href={props.manageUrl} style={{ color: "#0f766e" }}>
            {t("email.resumeSearchAlert.manage")}
          </Link>
          {" · "}
          <Link href={props.unsubscribeUrl} style={{ color: "#0f766e" }}>
            {t("email.resumeSearchAlert.unsubscribe")}
          </Link>
        </Text>
      </EmailLayout>
    ),
  };
}
