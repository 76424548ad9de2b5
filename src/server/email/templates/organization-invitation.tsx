import { Button, Text } from "@react-email/components";

import type { OrgRole } from "@/generated/prisma/enums";
import { translatorFor } from "@/i18n/translator";
import type { AppLocale } from "@/i18n/routing";

import { EmailLayout } from "./email-layout";

export function organizationInvitationTemplate(props: {
  locale: AppLocale;
  organization: string;
  inviter: string;
  role: OrgRole;
  url: string;
  days: number;
}) {
  const t = translatorFor(props.locale);
  const role = t(`organizationRoles.${props.role}`);
  return {
    subject: t("email.invitation.subject", { organization: props.organization }),
    element: (
      <EmailLayout
        locale={props.locale}
        preview={t("email.invitation.preview", { organization: props.organization })}
        footer={t("email.footer")}
      >
        <Text>{t("email.invitation.body", { inviter: props.inviter, organization: props.organization, role })}</Text>
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.invitation.button")}
        </Button>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.invitation.expires", { days: props.days })}</Text>
        <Text style={{ fontSize: "13px", wordBreak: "break-all" }}>{props.url}</Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.invitation.ignore")}</Text>
      </EmailLayout>
    ),
  };
}
