import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

export type VacancyDecision = "approved" | "returned" | "removed" | "deleted";

export function vacancyDecisionTemplate(props: {
  locale: AppLocale;
  name: string;
  decision: VacancyDecision;
  title: string;
  reason: string | null;
  url: string | null;
}) {
  const t = translatorFor(props.locale);
  const key = props.decision;
  return {
    subject: t(`email.vacancyDecision.${key}.subject`, { title: props.title }),
    element: (
      <EmailLayout
        locale={props.locale}
        preview={t(`email.vacancyDecision.${key}.subject`, { title: props.title })}
        footer={t("email.footer")}
      >
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t(`email.vacancyDecision.${key}.body`, { title: props.title })}</Text>
        {props.reason ? <Text>{t("email.vacancyDecision.reason", { reason: props.reason })}</Text> : null}
        {props.url ? (
          <Button
            href={props.url}
            style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
          >
            {t("email.vacancyDecision.open")}
          </Button>
        ) : null}
      </EmailLayout>
    ),
  };
}
