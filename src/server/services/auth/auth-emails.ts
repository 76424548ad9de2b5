import { getEnv } from "@/env";
import type { AppLocale } from "@/i18n/routing";
import { getMailer } from "@/server/email/get-mailer";
import { renderEmail } from "@/server/email/render";
import { signInCodeTemplate } from "@/server/email/templates/sign-in-code";
import { verifyEmailTemplate } from "@/server/email/templates/verify-email";

import { SIGN_IN_CODE_MINUTES } from "./email-tokens";

interface Recipient {
  id: number;
  email: string;
  name: string;
  locale: AppLocale;
}

export function verificationUrl(locale: AppLocale, secret: string): string {
  return new URL(`/${locale}/auth/verify-email?token=${encodeURIComponent(secret)}`, getEnv().APP_URL).toString();
}

export async function sendVerificationEmail(user: Recipient, secret: string) {
  const { subject, element } = verifyEmailTemplate({
    locale: user.locale,
    name: user.name,
    url: verificationUrl(user.locale, secret),
  });
  const { html, text } = await renderEmail(element);
  return getMailer().send({
    to: user.email,
    subject,
    html,
    text,
    template: "verify-email",
    locale: user.locale,
    userId: user.id,
  });
}

export async function sendSignInCodeEmail(user: Recipient, code: string) {
  const { subject, element } = signInCodeTemplate({ locale: user.locale, name: user.name, code, minutes: SIGN_IN_CODE_MINUTES });
  const { html, text } = await renderEmail(element);
  return getMailer().send({
    to: user.email,
    subject,
    html,
    text,
    template: "sign-in-code",
    locale: user.locale,
    userId: user.id,
  });
}
