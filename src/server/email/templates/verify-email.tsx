import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

export function verifyEmailTemplate(props: { locale: AppLocale; name: string; url: string }) {
  const t = translatorFor(props.locale);
  return {
    subject: t("email.verify.subject"),
    element: (
      <EmailLayout locale={props.locale} preview={t("email.verify.preview")} footer={t("email.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t("email.verify.body")}</Text>
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.verify.button")}
        </Button>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.verify.fallback")}</Text>
        <Text style={{ fontSize: "13px", wordBreak: "break-all" }}>{props.url}</Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.verify.ignore")}</Text>
      </EmailLayout>
    ),
  };
}
