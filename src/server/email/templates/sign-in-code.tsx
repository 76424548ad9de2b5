import { Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

export function signInCodeTemplate(props: { locale: AppLocale; name: string; code: string; minutes: number }) {
  const t = translatorFor(props.locale);
  return {
    subject: t("email.code.subject", { code: props.code }),
    element: (
      <EmailLayout locale={props.locale} preview={t("email.code.preview")} footer={t("email.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t("email.code.body", { minutes: props.minutes })}</Text>
        <Text style={{ fontSize: "32px", fontWeight: 700, letterSpacing: "6px", margin: "16px 0" }}>{props.code}</Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.code.ignore")}</Text>
      </EmailLayout>
    ),
  };
}
