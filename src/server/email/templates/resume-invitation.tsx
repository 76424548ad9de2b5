import { Button, Link, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/**
 * To a seeker: an organisation that saw their resume invites them to one of its vacancies, with
 * its own message (plain text, paragraphs kept) and a link to the seeker's applications.
 */
export function resumeInvitationTemplate(props: {
  locale: AppLocale;
  name: string;
  vacancy: string;
  vacancyUrl: string;
  organization: string;
  message: string;
  cabinetUrl: string;
}) {
  const t = translatorFor(props.locale);
  const subject = t("email.resumeInvitation.subject", { vacancy: props.vacancy, organization: props.organization });
  const paragraphs = props.message
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    subject,
    element: (
      <EmailLayout
        locale={props.locale}
        preview={subject}
        footer={t("email.applicantFooter", { organization: props.organization })}
      >
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>
          {t("email.resumeInvitation.body", { organization: props.organization })}{" "}
          <Link href={props.vacancyUrl}>{props.vacancy}</Link>
        </Text>
        {paragraphs.map((paragraph, i) => (
          <Text key={i} style={{ whiteSpace: "pre-line", borderLeft: "3px solid #d1d5db", paddingLeft: "12px" }}>
            {paragraph}
          </Text>
        ))}
        <Text>{t("email.resumeInvitation.decline")}</Text>
        <Button
          href={props.cabinetUrl}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.resumeInvitation.open")}
        </Button>
      </EmailLayout>
    ),
  };
}
