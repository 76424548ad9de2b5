import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/** To the NEW address: the link that moves the account to it. */
export function confirmNewEmailTemplate(props: { locale: AppLocale; name: string; url: string; hours: number }) {
  const t = translatorFor(props.locale);
  return {
    subject: t("email.account.changeEmail.subject"),
    element: (
      <EmailLayout locale={props.locale} preview={t("email.account.changeEmail.preview")} footer={t("email.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t("email.account.changeEmail.body")}</Text>
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.account.changeEmail.button")}
        </Button>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>
          {t("email.account.changeEmail.expires", { hours: props.hours })}
        </Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.account.changeEmail.fallback")}</Text>
        <Text style={{ fontSize: "13px", wordBreak: "break-all" }}>{props.url}</Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.account.changeEmail.ignore")}</Text>
      </EmailLayout>
    ),
  };
}
