import { Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

export type AccountNotice =
  | { kind: "emailChanged"; newEmail: string; feedbackUrl: string }
  | { kind: "passwordChanged"; signInUrl: string }
  | { kind: "compromised"; signInUrl: string; feedbackUrl: string }
  | { kind: "signUpAttempt"; signInUrl: string }
  | { kind: "inactive"; signInUrl: string; deleteOn: string };

/** Security notices to the account's address: what changed, and what to do if it was not them. */
export function accountNoticeTemplate(props: { locale: AppLocale; name: string; notice: AccountNotice }) {
  const t = translatorFor(props.locale);
  const { notice } = props;
  const small = { fontSize: "13px", color: "#4b5563" };
  const subject = t(`email.account.${notice.kind}.subject`);
  let body;
  switch (notice.kind) {
    case "emailChanged":
      body = (
        <>
          <Text>{t("email.account.emailChanged.body", { email: notice.newEmail })}</Text>
          <Text style={small}>{t("email.account.emailChanged.notMe", { url: notice.feedbackUrl })}</Text>
        </>
      );
      break;
    case "passwordChanged":
      body = (
        <>
          <Text>{t("email.account.passwordChanged.body")}</Text>
          <Text style={small}>{t("email.account.passwordChanged.notMe", { url: notice.signInUrl })}</Text>
        </>
      );
      break;
    case "signUpAttempt":
      body = (
        <>
          <Text>{t("email.account.signUpAttempt.body")}</Text>
          <Text style={small}>{t("email.account.signUpAttempt.ifMe", { url: notice.signInUrl })}</Text>
        </>
      );
      break;
    case "inactive":
      body = (
        <>
          <Text>{t("email.account.inactive.body", { date: notice.deleteOn })}</Text>
          <Text>{t("email.account.inactive.keep", { url: notice.signInUrl })}</Text>
          <Text style={small}>{t("email.account.inactive.why")}</Text>
        </>
      );
      break;
    case "compromised":
      body = (
        <>
          <Text>{t("email.account.compromised.body")}</Text>
          <Text style={{ fontWeight: 700 }}>{t("email.account.compromised.stepsTitle")}</Text>
          <Text>1. {t("email.account.compromised.step1", { url: notice.signInUrl })}</Text>
          <Text>2. {t("email.account.compromised.step2")}</Text>
          <Text>3. {t("email.account.compromised.step3", { feedbackUrl: notice.feedbackUrl })}</Text>
        </>
      );
      break;
  }
  return {
    subject,
    element: (
      <EmailLayout locale={props.locale} preview={subject} footer={t("email.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        {body}
      </EmailLayout>
    ),
  };
}
