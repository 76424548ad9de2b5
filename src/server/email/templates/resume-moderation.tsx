import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/** A moderator hid the seeker's resume (with the reason) or restored it. */
export type ResumeModerationNotice = { kind: "hidden"; reason: string } | { kind: "restored" };

export function resumeModerationTemplate(props: {
  locale: AppLocale;
  name: string;
  title: string;
  notice: ResumeModerationNotice;
  url: string;
}) {
  const t = translatorFor(props.locale);
  const { notice } = props;
  const subject = t(`email.resumeModeration.${notice.kind}.subject`, { title: props.title });
  return {
    subject,
    element: (
      <EmailLayout locale={props.locale} preview={subject} footer={t("email.footer")}>
        <Text>{t("email.greeting", { name: props.name })}</Text>
        <Text>{t(`email.resumeModeration.${notice.kind}.body`, { title: props.title })}</Text>
        {notice.kind === "hidden" ? <Text>{t("email.resumeModeration.reason", { reason: notice.reason })}</Text> : null}
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.resumeModeration.open")}
        </Button>
      </EmailLayout>
    ),
  };
}
