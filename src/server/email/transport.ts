import { Resend } from "resend";

export interface OutgoingMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey?: string;
}

export type DeliveryResult = { ok: true; providerId?: string } | { ok: false; error: string };

export interface MailTransport {
  readonly name: "outbox" | "resend";
  /** One result per message, in order. Never throws for a delivery failure. */
  send(messages: OutgoingMessage[]): Promise<DeliveryResult[]>;
}

/** Development and tests: the stored row is the delivery; admins and the outbox page read it. */
export const outboxTransport: MailTransport = {
  name: "outbox",
  send: (messages) => Promise.resolve(messages.map(() => ({ ok: true }) as const)),
};

const RESEND_BATCH_LIMIT = 100;

export function createResendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);

  async function sendOne(message: OutgoingMessage): Promise<DeliveryResult> {
    const { idempotencyKey, ...email } = message;
    try {
      const { data, error } = await resend.emails.send(email, idempotencyKey ? { idempotencyKey } : undefined);
      if (error) return { ok: false, error: `${error.name}: ${error.message}` };
      return { ok: true, providerId: data?.id };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  async function sendChunk(chunk: OutgoingMessage[]): Promise<DeliveryResult[]> {
    const keys = chunk.map((m) => m.idempotencyKey).filter(Boolean);
    // Resend keys a whole batch; derive one key from the messages' own keys when all have one.
    const batchKey = keys.length === chunk.length ? `batch:${keys.join("|")}`.slice(0, 256) : undefined;
    try {
      const { data, error } = await resend.batch.send(
        chunk.map(({ idempotencyKey: _key, ...email }) => email),
        batchKey ? { idempotencyKey: batchKey } : undefined,
      );
      if (error) return chunk.map(() => ({ ok: false, error: `${error.name}: ${error.message}` }));
      const ids = data?.data ?? [];
      return chunk.map((_, i) => ({ ok: true, providerId: ids[i]?.id }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return chunk.map(() => ({ ok: false, error: message }));
    }
  }

  return {
    name: "resend",
    async send(messages) {
      if (messages.length === 1) return [await sendOne(messages[0]!)];
      const results: DeliveryResult[] = [];
      for (let i = 0; i < messages.length; i += RESEND_BATCH_LIMIT) {
        results.push(...(await sendChunk(messages.slice(i, i + RESEND_BATCH_LIMIT))));
      }
      return results;
    },
  };
}
