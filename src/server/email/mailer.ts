import { randomUUID } from "node:crypto";

import type { Db } from "@/server/db-client";
import type { AppLocale } from "@/i18n/routing";

import type { MailTransport, OutgoingMessage } from "./transport";

export interface EmailToSend {
  to: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  locale: AppLocale;
  userId?: number;
  headers?: Record<string, string>;
  /** Same key, same email: a repeated send is recorded once and not delivered again. */
  idempotencyKey?: string;
}

export interface SendResult {
  emailId: number;
  delivered: boolean;
  error?: string;
}

export interface Mailer {
  readonly transport: MailTransport["name"];
  send(email: EmailToSend): Promise<SendResult>;
  sendMany(emails: EmailToSend[]): Promise<SendResult[]>;
}

/**
 * Every email is first stored (the outbox is also the delivery log), then handed to the
 * transport, then marked CAPTURED / SENT / FAILED with the provider's answer.
 */
export function createMailer(db: Db, transport: MailTransport, from: string): Mailer {
  async function sendMany(input: EmailToSend[]): Promise<SendResult[]> {
    if (input.length === 0) return [];
    // Every stored email gets a key so rows can be matched back after a bulk insert.
    const emails = input.map((e) => ({ ...e, key: e.idempotencyKey ?? `auto:${randomUUID()}` }));

    const existing = await db.emailMessage.findMany({
      where: { idempotencyKey: { in: emails.filter((e) => e.idempotencyKey).map((e) => e.key) } },
      select: { id: true, idempotencyKey: true, status: true, error: true },
    });
    const previous = new Map(existing.map((row) => [row.idempotencyKey, row]));

    const fresh = emails.filter((e) => !previous.has(e.key));
    const rows = fresh.length
      ? await db.emailMessage.createManyAndReturn({
          data: fresh.map((e) => ({
            userId: e.userId ?? null,
            toAddress: e.to,
            fromAddress: from,
            subject: e.subject,
            html: e.html,
            text: e.text,
            headers: e.headers ?? {},
            template: e.template,
            locale: e.locale,
            transport: transport.name,
            idempotencyKey: e.key,
          })),
          // A concurrent sender may have stored the same key between our read and this insert.
          skipDuplicates: true,
          select: { id: true, idempotencyKey: true },
        })
      : [];
    const idByKey = new Map(rows.map((r) => [r.idempotencyKey, r.id]));
    const toDeliver = fresh.flatMap((e) => {
      const id = idByKey.get(e.key);
      if (id === undefined) return [];
      const message: OutgoingMessage = {
        from,
        to: e.to,
        subject: e.subject,
        html: e.html,
        text: e.text,
        headers: e.headers ?? {},
        idempotencyKey: e.key,
      };
      return [{ id, key: e.key, message }];
    });

    const results = await transport.send(toDeliver.map((d) => d.message));
    const outcome = new Map<string, SendResult>();
    await Promise.all(
      toDeliver.map(async ({ id, key }, i) => {
        const result = results[i] ?? { ok: false as const, error: "no result from transport" };
        await db.emailMessage.update({
          where: { id },
          data: result.ok
            ? {
                status: transport.name === "outbox" ? "CAPTURED" : "SENT",
                providerId: result.providerId ?? null,
                sentAt: new Date(),
              }
            : { status: "FAILED", error: result.error.slice(0, 2000) },
        });
        outcome.set(key, result.ok ? { emailId: id, delivered: true } : { emailId: id, delivered: false, error: result.error });
      }),
    );

    return emails.map((e) => {
      const done = outcome.get(e.key);
      if (done) return done;
      const row = previous.get(e.key);
      if (row) return { emailId: row.id, delivered: row.status !== "FAILED", error: row.error ?? undefined };
      // Lost a race to a concurrent sender of the same key: that sender delivers it.
      return { emailId: 0, delivered: true };
    });
  }

  return {
    transport: transport.name,
    sendMany,
    async send(email) {
      const [result] = await sendMany([email]);
      return result!;
    },
  };
}
