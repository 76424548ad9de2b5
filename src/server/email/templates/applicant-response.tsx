import { Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/** An employer's answer to an application: their own subject and text (plain, paragraphs kept). */
export function applicantResponseTemplate(props: { locale: AppLocale; subject: string; body: string; organization: string }) {
  const t = translatorFor(props.locale);
  const paragraphs = props.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    subject: props.subject,
    element: (
      <EmailLayout
        locale={props.locale}
        preview={props.subject}
        footer={t("email.applicantFooter", { organization: props.organization })}
      >
        {paragraphs.map((paragraph, i) => (
          <Text key={i} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </Text>
        ))}
      </EmailLayout>
    ),
  };
}
