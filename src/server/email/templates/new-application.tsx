import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/** To the employer: a new application to one of their vacancies. */
export function newApplicationTemplate(props: { locale: AppLocale; name: string; title: string; url: string }) {
  const t = translatorFor(props.locale);
  return {
    subject: t("email.newApplication.subject", { title: props.title }),
    element: (
      <EmailLayout
        locale={props.locale}
        preview={t("email.newApplication.subject", { title: props.title })}
        footer={t("email.footer")}
      >
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t("email.newApplication.body", { title: props.title })}</Text>
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.newApplication.open")}
        </Button>
      </EmailLayout>
    ),
  };
}
