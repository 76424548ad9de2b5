import { Section, Text } from "@react-email/components";

import type { TicketKind } from "@/generated/prisma/enums";
import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

const KIND_KEY: Record<TicketKind, "complaint" | "feedback"> = { COMPLAINT: "complaint", FEEDBACK: "feedback" };

/** Staff's answer to a complaint or a feedback ticket, in the language the ticket was written in. */
export function ticketAnswerTemplate(props: {
  locale: AppLocale;
  ticketId: number;
  kind: TicketKind;
  name: string | null;
  message: string;
  answer: string;
}) {
  const t = translatorFor(props.locale);
  const kind = KIND_KEY[props.kind];
  const subject = t(`email.ticketAnswer.${kind}.subject`, { id: props.ticketId });
  return {
    subject,
    element: (
      <EmailLayout locale={props.locale} preview={subject} footer={t("email.footer")}>
        <Text>{props.name ? t("email.greeting", { name: props.name }) : t("email.ticketAnswer.greetingNoName")}</Text>
        <Text>{t(`email.ticketAnswer.${kind}.intro`, { id: props.ticketId })}</Text>
        <Section>
          <Text style={{ whiteSpace: "pre-wrap" }}>{props.answer}</Text>
        </Section>
        <Text style={{ color: "#4b5563" }}>{t("email.ticketAnswer.yourMessage")}</Text>
        <Text style={{ color: "#4b5563", whiteSpace: "pre-wrap" }}>{props.message}</Text>
      </EmailLayout>
    ),
  };
}
