import type { ReactElement } from "react";

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

/**
 * The verification link; with `callbackPath` (a same-site path from `signUpCallbackPath`) the page
 * it opens sends the person on to sign in and then back to that page.
 */
export function verificationUrl(locale: AppLocale, secret: string, callbackPath?: string): string {
  const query = new URLSearchParams({ token: secret, ...(callbackPath ? { callbackUrl: callbackPath } : {}) });
  return new URL(`/${locale}/auth/verify-email?${query.toString()}`, getEnv().APP_URL).toString();
}

async function sendTemplate(user: Recipient, template: string, built: { subject: string; element: ReactElement }) {
  const { html, text } = await renderEmail(built.element);
  return getMailer().send({ to: user.email, subject: built.subject, html, text, template, locale: user.locale, userId: user.id });
}

export function sendVerificationEmail(user: Recipient, secret: string, callbackPath?: string) {
  const url = verificationUrl(user.locale, secret, callbackPath);
  return sendTemplate(user, "verify-email", verifyEmailTemplate({ locale: user.locale, name: user.name, url }));
}

export function sendSignInCodeEmail(user: Recipient, code: string) {
  return sendTemplate(
    user,
    "sign-in-code",
    signInCodeTemplate({ locale: user.locale, name: user.name, code, minutes: SIGN_IN_CODE_MINUTES }),
  );
}
