import { randomUUID } from "node:crypto";

import { poolOf, type Db } from "@/server/db-client";
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
/**
 * A stored email still QUEUED this long after it was stored was never handed to the transport
 * (its sender stopped); a younger one is taken to be on its way with a concurrent sender.
 */
const ABANDONED_AFTER_MS = 10 * 60_000;

export function createMailer(db: Db, transport: MailTransport, from: string): Mailer {
  async function sendMany(input: EmailToSend[]): Promise<SendResult[]> {
    if (input.length === 0) return [];
    // Every stored email gets a key so rows can be matched back after a bulk insert.
    const emails = input.map((e) => ({ ...e, key: e.idempotencyKey ?? `auto:${randomUUID()}` }));

    const existing = await db.emailMessage.findMany({
      where: { idempotencyKey: { in: emails.filter((e) => e.idempotencyKey).map((e) => e.key) } },
      select: { id: true, idempotencyKey: true, status: true, error: true, createdAt: true },
    });
    const previous = new Map(existing.map((row) => [row.idempotencyKey, row]));
    const abandonedBefore = Date.now() - ABANDONED_AFTER_MS;

    const fresh = emails.filter((e) => !previous.has(e.key));
    // One INSERT from arrays for the whole batch, straight through the pool (poolOf): a digest
    // hands over batches of hundreds of emails of ~10 KB each, and Prisma's own handling of raw
    // parameters (JSON there and back) cost the run more CPU than composing them did.
    const rows = fresh.length
      ? (
          await poolOf(db).query<{ id: number; idempotencyKey: string }>(
            `INSERT INTO email_messages
               (user_id, to_address, from_address, subject, html, text, headers, template, locale, transport, idempotency_key)
             SELECT x.user_id, x.to_address, $1, x.subject, x.html, x.text, x.headers, x.template, x.locale::"Locale", $2, x.key
             FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[], $11::text[])
               AS x(user_id, to_address, subject, html, text, headers, template, locale, key)
             -- A concurrent sender may have stored the same key between our read and this insert.
             ON CONFLICT DO NOTHING
             RETURNING id, idempotency_key AS "idempotencyKey"`,
            [
              from,
              transport.name,
              fresh.map((e) => e.userId ?? null),
              fresh.map((e) => e.to),
              fresh.map((e) => e.subject),
              fresh.map((e) => e.html),
              fresh.map((e) => e.text),
              fresh.map((e) => JSON.stringify(e.headers ?? {})),
              fresh.map((e) => e.template),
              fresh.map((e) => e.locale),
              fresh.map((e) => e.key),
            ],
          )
        ).rows
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
    const sentStatus = transport.name === "outbox" ? "CAPTURED" : "SENT";
    const ids: number[] = [];
    const statuses: string[] = [];
    const providers: (string | null)[] = [];
    const errors: (string | null)[] = [];
    toDeliver.forEach(({ id, key }, i) => {
      const result = results[i] ?? { ok: false as const, error: "no result from transport" };
      ids.push(id);
      statuses.push(result.ok ? sentStatus : "FAILED");
      providers.push(result.ok ? (result.providerId ?? null) : null);
      errors.push(result.ok ? null : result.error.slice(0, 2000));
      outcome.set(key, result.ok ? { emailId: id, delivered: true } : { emailId: id, delivered: false, error: result.error });
    });
    // The transport's answers, recorded in one statement for the whole batch (a digest run hands
    // over tens of thousands of emails; one UPDATE per email cost more than the rest of the run).
    if (ids.length) {
      await db.$executeRaw`
        UPDATE email_messages AS m
        SET status = x.status::"EmailStatus",
            provider_id = x.provider_id,
            error = x.error,
            sent_at = CASE WHEN x.status = 'FAILED' THEN m.sent_at ELSE ${new Date()} END
        FROM unnest(${ids}::int[], ${statuses}::text[], ${providers}::text[], ${errors}::text[])
          AS x(id, status, provider_id, error)
        WHERE m.id = x.id`;
    }

    return emails.map((e) => {
      const done = outcome.get(e.key);
      if (done) return done;
      const row = previous.get(e.key);
      if (row?.status === "QUEUED" && row.createdAt.getTime() < abandonedBefore) {
        // Stored by a sender that stopped before handing it to the transport: it never left.
        return { emailId: row.id, delivered: false, error: "never handed to the transport" };
      }
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
