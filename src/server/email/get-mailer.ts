import "server-only";

import { getEnv } from "@/env";
import { db } from "@/server/db";

import { createMailer, type Mailer } from "./mailer";
import { createResendTransport, outboxTransport } from "./transport";

let mailer: Mailer | undefined;

/** The application's mailer: Resend when RESEND_API_KEY is set, the database outbox otherwise. */
export function getMailer(): Mailer {
  if (!mailer) {
    const env = getEnv();
    const transport =
      env.MAIL_TRANSPORT === "resend" && env.RESEND_API_KEY
        ? createResendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL)
        : outboxTransport;
    mailer = createMailer(db, transport, env.EMAIL_FROM);
  }
  return mailer;
}
