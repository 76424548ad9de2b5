import { Button, Text } from "@react-email/components";

import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

/**
 * Every step of a block, to the people it concerns: the block itself (with how to appeal), the
 * appeal's receipt, and the decision (upheld, or lifted — also when an operator lifts a block
 * without an appeal).
 */
export type BlockNotice =
  | { kind: "organizationBlocked"; reason: string; url: string }
  | { kind: "userBlocked"; reason: string; url: string }
  | { kind: "appealReceived" }
  | { kind: "appealUpheld"; note: string }
  | { kind: "lifted"; note: string; url: string };

export function blockNoticeTemplate(props: {
  locale: AppLocale;
  name: string;
  /** The organisation's name, or null for a user account's block. */
  organization: string | null;
  notice: BlockNotice;
}) {
  const t = translatorFor(props.locale);
  const { notice } = props;
  const what = props.organization ? t("email.block.organization", { name: props.organization }) : t("email.block.account");
  const subject = t(`email.block.${notice.kind}.subject`, { what });
  const button = (href: string, label: string) => (
    <Button href={href} style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}>
      {label}
    </Button>
  );
  let body;
  switch (notice.kind) {
    case "organizationBlocked":
    case "userBlocked":
      body = (
        <>
          <Text>{t(`email.block.${notice.kind}.body`, { what })}</Text>
          <Text>{t("email.block.reason", { reason: notice.reason })}</Text>
          <Text>{t(`email.block.${notice.kind}.howToAppeal`)}</Text>
          {button(notice.url, t(`email.block.${notice.kind}.open`))}
        </>
      );
      break;
    case "appealReceived":
      body = <Text>{t("email.block.appealReceived.body", { what })}</Text>;
      break;
    case "appealUpheld":
      body = (
        <>
          <Text>{t("email.block.appealUpheld.body", { what })}</Text>
          <Text>{t("email.block.note", { note: notice.note })}</Text>
        </>
      );
      break;
    case "lifted":
      body = (
        <>
          <Text>{t("email.block.lifted.body", { what })}</Text>
          <Text>{t("email.block.note", { note: notice.note })}</Text>
          {button(notice.url, t("email.block.lifted.open"))}
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
