import { getEnv } from "@/env";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/i18n/routing";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { accountNoticeTemplate, type AccountNotice } from "@/server/email/templates/account-notice";
import { confirmNewEmailTemplate } from "@/server/email/templates/confirm-new-email";

import { VERIFY_LINK_HOURS } from "../auth/email-tokens";

interface Recipient {
  id: number;
  name: string;
  locale: AppLocale;
}

const appUrl = (path: string) => new URL(path, getEnv().APP_URL).toString();

export function emailChangeUrl(locale: AppLocale, secret: string): string {
  return appUrl(`/${locale}/account/confirm-email?token=${encodeURIComponent(secret)}`);
}

/** The link that moves the account to `to`; it goes to the new address only. */
export async function sendEmailChangeLink(user: Recipient, to: string, secret: string) {
  const built = confirmNewEmailTemplate({
    locale: user.locale,
    name: user.name,
    url: emailChangeUrl(user.locale, secret),
    hours: VERIFY_LINK_HOURS,
  });
  const { html, text } = await renderEmail(built.element);
  return getMailer().send({
    to,
    subject: built.subject,
    html,
    text,
    template: "change-email",
    locale: user.locale,
    userId: user.id,
  });
}

type NoticeKind = AccountNotice["kind"];
const TEMPLATE: Record<NoticeKind, string> = {
  emailChanged: "email-changed",
  passwordChanged: "password-changed",
  compromised: "account-compromised",
  signUpAttempt: "sign-up-attempt",
  inactive: "inactivity-reminder",
};

/** A security notice; a failed delivery is recorded in the outbox and does not undo the change. */
export async function sendAccountNotice(
  user: Recipient,
  to: string,
  notice:
    | { kind: "emailChanged"; newEmail: string }
    | { kind: "passwordChanged" }
    | { kind: "compromised" }
    | { kind: "signUpAttempt" }
    | { kind: "inactive"; deleteOn: Date },
  options: { idempotencyKey?: string } = {},
) {
  const signInUrl = appUrl(`/${user.locale}/auth/code`);
  const feedbackUrl = appUrl(`/${user.locale}/feedback`);
  const full: AccountNotice =
    notice.kind === "emailChanged"
      ? { kind: "emailChanged", newEmail: notice.newEmail, feedbackUrl }
      : notice.kind === "passwordChanged"
        ? { kind: "passwordChanged", signInUrl }
        : notice.kind === "signUpAttempt"
          ? { kind: "signUpAttempt", signInUrl }
          : notice.kind === "inactive"
            ? { kind: "inactive", signInUrl, deleteOn: formatDate(notice.deleteOn, user.locale, "long") }
            : { kind: "compromised", signInUrl, feedbackUrl };
  const built = accountNoticeTemplate({ locale: user.locale, name: user.name, notice: full });
  const { html, text } = await renderEmail(built.element);
  return getMailer().send({
    to,
    subject: built.subject,
    html,
    text,
    template: TEMPLATE[notice.kind],
    locale: user.locale,
    userId: user.id,
    idempotencyKey: options.idempotencyKey,
  });
}

/** "n***@mail.kz": enough for the owner to recognise the address, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}
