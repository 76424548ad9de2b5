import { Button, Text } from "@react-email/components";

import type { LicenceCategory } from "@/generated/prisma/enums";
import type { AppLocale } from "@/i18n/routing";
import { translatorFor } from "@/i18n/translator";
import { licenceLabel } from "@/lib/format";

import { EmailLayout } from "./email-layout";

/** A driving school's graduate is invited to show the category on a seeker account. */
export function graduateInvitationTemplate(props: {
  locale: AppLocale;
  school: string;
  category: LicenceCategory;
  url: string;
  days: number;
}) {
  const t = translatorFor(props.locale);
  const values = { school: props.school, category: licenceLabel(props.category) };
  return {
    subject: t("email.graduateInvitation.subject", values),
    element: (
      <EmailLayout locale={props.locale} preview={t("email.graduateInvitation.preview", values)} footer={t("email.footer")}>
        <Text>{t("email.graduateInvitation.body", values)}</Text>
        <Text>{t("email.graduateInvitation.consent")}</Text>
        <Button
          href={props.url}
          style={{ backgroundColor: "#0f766e", color: "#ffffff", padding: "12px 20px", borderRadius: "6px" }}
        >
          {t("email.graduateInvitation.button")}
        </Button>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.graduateInvitation.expires", { days: props.days })}</Text>
        <Text style={{ fontSize: "13px", wordBreak: "break-all" }}>{props.url}</Text>
        <Text style={{ fontSize: "13px", color: "#6b7280" }}>{t("email.graduateInvitation.ignore")}</Text>
      </EmailLayout>
    ),
  };
}
